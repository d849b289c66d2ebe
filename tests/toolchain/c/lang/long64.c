// 64-bit long: arithmetic, conversions to and from int and unsigned int, printing.
// expected: host
#include <stdio.h>
#include <limits.h>

int main(void) {
    long a = 3000000000L;
    long b = a * 3;
    printf("%ld\n", b);                         /* 9000000000 */
    printf("%ld\n", LONG_MAX);
    printf("%ld\n", LONG_MIN);
    printf("%lu\n", ULONG_MAX);
    printf("%lx\n", (unsigned long)LONG_MIN);
    long c = 0x123456789ABCDEF0L;
    printf("%lx\n", c);
    printf("%ld\n", c / 1000000007L);
    printf("%ld\n", c % 1000000007L);
    int i = -5;
    long li = i;                                /* sign extension */
    printf("%ld\n", li);
    unsigned int u = 4000000000u;
    long lu = u;                                /* zero extension */
    printf("%ld\n", lu);
    unsigned long ul = (unsigned int)-1;
    printf("%lu\n", ul);                        /* 4294967295 */
    long big = 0x1234567887654321L;
    int t = (int)big;                           /* keeps the low 32 bits */
    printf("%d %x\n", t, (unsigned)t);
    unsigned long m = 1000000007UL * 1000000009UL;
    printf("%lu\n", m);
    long neg = -0x100000000L;
    printf("%ld %lx\n", neg, (unsigned long)neg);
    long sum = 0;
    for (long k = 1; k <= 100000; k++)
        sum += k * k;
    printf("%ld\n", sum);                       /* 333338333350000 */
    printf("%d\n", (int)sizeof(long));
    printf("%d\n", (int)sizeof(long long));
    printf("%d\n", a > 2147483647);             /* 1 */
    unsigned long p = 1;
    for (int k = 0; k < 13; k++)
        p *= 31;
    printf("%lu\n", p);
    return 0;
}
