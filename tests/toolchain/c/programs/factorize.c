// Trial-division factorisation of some 32- and 64-bit numbers, divisor counts, perfect numbers.
// expected: host
#include <stdio.h>

static void factor(unsigned long n) {
    printf("%lu =", n);
    const char *sep = " ";
    for (unsigned long d = 2; d * d <= n; d += d == 2 ? 1 : 2) {
        int e = 0;
        while (n % d == 0) {
            n /= d;
            e++;
        }
        if (e) {
            printf(e > 1 ? "%s%lu^%d" : "%s%lu", sep, d, e);
            sep = " * ";
        }
    }
    if (n > 1)
        printf("%s%lu", sep, n);
    printf("\n");
}

static int divisors(int n) {
    int c = 0;
    for (int d = 1; d * d <= n; d++)
        if (n % d == 0)
            c += d * d == n ? 1 : 2;
    return c;
}

int main(void) {
    unsigned long nums[] = {2, 12, 97, 360, 1001, 65536, 999999, 2147483647, 600851475143UL, 1234567890123UL};
    for (int i = 0; i < 10; i++)
        factor(nums[i]);
    int best = 1;
    for (int n = 1; n <= 1000; n++)
        if (divisors(n) > divisors(best))
            best = n;
    printf("most divisors below 1000: %d (%d)\n", best, divisors(best));
    for (int n = 2; n < 10000; n += 2) {                 /* the even perfect numbers */
        int s = 1;
        for (int d = 2; d * d <= n; d++)
            if (n % d == 0)
                s += d + (d * d == n ? 0 : n / d);
        if (s == n)
            printf("perfect %d\n", n);
    }
    return 0;
}
