// inttypes.h: the PRI and SCN format macros, imaxabs, strtoimax, strtoumax.
// expected: host
#include <stdio.h>
#include <stdint.h>
#include <inttypes.h>

int main(void) {
    int64_t big = -1234567890123456789LL;
    uint64_t ubig = 18446744073709551615ULL;
    int32_t i32 = -42;
    uint32_t u32 = 4000000000u;
    uint8_t u8 = 200;
    int16_t i16 = -300;
    printf("%" PRId64 " %" PRIu64 " %" PRIx64 " %" PRIX64 "\n", big, ubig, ubig, (uint64_t)0xabcdefULL);
    printf("%" PRId32 " %" PRIu32 " %" PRIx32 " %" PRIo32 "\n", i32, u32, u32, (uint32_t)8);
    printf("%" PRIu8 " %" PRId16 " %" PRIi64 "\n", u8, i16, (int64_t)7);
    printf("%" PRIdMAX " %" PRIuMAX "\n", INTMAX_MIN, UINTMAX_MAX);
    int64_t parsed = 0;
    uint32_t hex = 0;
    int n = sscanf("-9000000000 ff", "%" SCNd64 " %" SCNx32, &parsed, &hex);
    printf("%d %" PRId64 " %" PRIu32 "\n", n, parsed, hex);
    printf("%jd\n", imaxabs(-INTMAX_MAX));
    char *end;
    intmax_t im = strtoimax("  -123456789012345xyz", &end, 10);
    uintmax_t um = strtoumax("0x7fffffffffffffff", NULL, 16);
    printf("%jd %s %ju\n", im, end, um);
    return 0;
}
