// expected: host
/* <inttypes.h>: a PRI and a SCN macro for every width (exact, least, fast, max), imaxabs,
   imaxdiv, strtoimax and strtoumax. */
#include <inttypes.h>
#include <stdio.h>

int main(void)
{
    int8_t i8 = -5;
    uint16_t u16 = 65000;
    int32_t i32 = -70000;
    int64_t i64 = -1234567890123LL;
    int_least8_t l8 = 100;
    uint_least64_t l64 = 18446744073709551615ULL;
    int_fast16_t f16 = -7;
    uint_fast32_t f32 = 4000000000u;
    intmax_t im = -42;
    uintmax_t um = 42;

    printf("%" PRId8 " %" PRIi8 " %" PRIu16 " %" PRIx16 " %" PRId32 " %" PRIo32 " %" PRId64 " %" PRIX64 "\n",
           i8, i8, u16, u16, i32, (uint32_t)i32, i64, (uint64_t)i64);
    printf("%" PRIdLEAST8 " %" PRIuLEAST64 " %" PRIxLEAST64 " %" PRIdFAST16 " %" PRIuFAST32 " %" PRIXFAST32 "\n",
           l8, l64, l64, f16, f32, f32);
    printf("%" PRIdMAX " %" PRIiMAX " %" PRIuMAX " %" PRIoMAX " %" PRIxMAX " %" PRIXMAX "\n", im, im, um, um, um, um);
    printf("%" PRIo8 " %" PRIX8 " %" PRIuLEAST16 " %" PRIdFAST64 " %" PRIxFAST8 "\n",
           (uint8_t)8, (uint8_t)255, (uint_least16_t)9, (int_fast64_t)-9, (uint_fast8_t)200);

    int8_t s8;
    uint16_t s16;
    int32_t s32;
    int64_t s64;
    uint_least32_t sl32;
    int_fast16_t sf16;
    intmax_t smax;
    uint8_t sx8;
    int n = sscanf("-7 600 -123456 -99999999999 ff -8 31 7f", "%" SCNd8 " %" SCNu16 " %" SCNi32 " %" SCNd64
                   " %" SCNxLEAST32 " %" SCNdFAST16 " %" SCNoMAX " %" SCNx8,
                   &s8, &s16, &s32, &s64, &sl32, &sf16, &smax, &sx8);
    printf("%d: %d %u %d %" PRId64 " %u %d %" PRIdMAX " %u\n", n, s8, s16, s32, s64, (unsigned)sl32, (int)sf16,
           smax, sx8);

    imaxdiv_t d = imaxdiv(-17, 5);
    char *end;
    printf("%" PRIdMAX " %" PRIdMAX " %" PRIdMAX "\n", imaxabs(-9), d.quot, d.rem);
    printf("%" PRIdMAX " ", strtoimax("-123xyz", &end, 10));
    printf("[%s] %" PRIuMAX "\n", end, strtoumax("0x1F", NULL, 16));
    return 0;
}
