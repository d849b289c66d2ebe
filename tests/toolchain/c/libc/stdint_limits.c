// The exact-width types of stdint.h and their limits, and the limits of limits.h.
// expected: host
#include <stdio.h>
#include <stdint.h>
#include <limits.h>

int main(void) {
    printf("%d %d %d\n", INT8_MIN, INT8_MAX, UINT8_MAX);
    printf("%d %d %d\n", INT16_MIN, INT16_MAX, UINT16_MAX);
    printf("%d %d %u\n", INT32_MIN, INT32_MAX, UINT32_MAX);
    printf("%lld %lld %llu\n", (long long)INT64_MIN, (long long)INT64_MAX, (unsigned long long)UINT64_MAX);
    printf("%llu\n", (unsigned long long)SIZE_MAX);
    printf("%lld %lld\n", (long long)PTRDIFF_MIN, (long long)PTRDIFF_MAX);
    printf("%d %d %d %d\n", CHAR_BIT, SCHAR_MIN, SCHAR_MAX, UCHAR_MAX);
    printf("%d %d %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    printf("%d %d %u\n", INT_MIN, INT_MAX, UINT_MAX);
    printf("%ld %ld %lu\n", LONG_MIN, LONG_MAX, ULONG_MAX);
    int8_t i8 = (int8_t)200;
    uint8_t u8 = (uint8_t)300;
    int16_t i16 = (int16_t)40000;
    uint32_t u32 = (uint32_t)-1;
    int64_t i64 = INT64_C(-5000000000);
    uint64_t u64 = UINT64_C(1) << 63;
    printf("%d %d %d %u %lld %llu\n", i8, u8, i16, u32, (long long)i64, (unsigned long long)u64);
    int_least16_t l16 = 1000;
    int_fast32_t f32 = 100000;
    intmax_t im = INTMAX_MAX;
    uintmax_t um = UINTMAX_MAX;
    printf("%d %ld %jd %ju\n", (int)l16, (long)f32, im, um);
    printf("%d %d %d %d\n", (int)sizeof(int8_t), (int)sizeof(int16_t), (int)sizeof(int32_t), (int)sizeof(int64_t));
    return 0;
}
