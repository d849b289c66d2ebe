// long long and unsigned long long: arithmetic, comparison, printing with %lld and %llu.
// expected: host
#include <stdio.h>
#include <limits.h>

int main(void) {
    long long a = 123456789012345LL;
    long long b = -987654321LL;
    printf("%lld %lld %lld\n", a + b, a - b, a * 7);
    printf("%lld %lld\n", a / b, a % b);
    printf("%lld %lld\n", LLONG_MIN, LLONG_MAX);
    printf("%llu\n", ULLONG_MAX);
    unsigned long long u = 1ULL << 63;
    printf("%llu %llx\n", u, u);
    printf("%d\n", a > b);
    long long f = 1;
    for (int i = 1; i <= 20; i++)
        f *= i;
    printf("%lld\n", f);
    unsigned long long x = 0x9E3779B97F4A7C15ULL;
    for (int i = 0; i < 5; i++)
        x ^= x >> 7, x ^= x << 9, x *= 0xff51afd7ed558ccdULL;
    printf("%llx\n", x);
    return 0;
}
