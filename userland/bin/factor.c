/*
 * factor - prints the prime factors of numbers: GNU's factor.
 *
 *     factor [NUMBER...]
 *
 * Writes "N: P1 P2 ..." for each NUMBER, its prime factors from the smallest, repeated as often as
 * they divide it (0 and 1 have none); with no NUMBER, factors the numbers (separated by blanks or
 * newlines) of standard input. NUMBERs go up to 2^64 - 1 (GNU's go beyond).
 * Small factors are found by trial division; what is left, if it is not prime (a Miller-Rabin
 * test), is split by Pollard's rho, which finds a factor of n in about n^(1/4) steps, where trial
 * division would need n^(1/2): seconds, not hours, for 64-bit numbers.
 * Exit status: 0, or 1 if a NUMBER was not a valid positive integer.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* a * b mod m without 128-bit arithmetic: by doubling, as multiplication by hand, one bit a step */
static uint64_t mulmod(uint64_t a, uint64_t b, uint64_t m)
{
    uint64_t r = 0;

    a %= m;
    for (; b > 0; b >>= 1) {
        if (b & 1)
            r = r >= m - a ? r - (m - a) : r + a;       /* r + a mod m, without overflowing */
        a = a >= m - a ? a - (m - a) : a + a;
    }
    return r;
}

static uint64_t powmod(uint64_t b, uint64_t e, uint64_t m)
{
    uint64_t r = 1;

    for (; e > 0; e >>= 1, b = mulmod(b, b, m))
        if (e & 1)
            r = mulmod(r, b, m);
    return r;
}

/* Miller-Rabin with the first twelve primes as bases: exact for every n below 2^64 (n odd, > 37) */
static int is_prime(uint64_t n)
{
    static const uint64_t bases[] = { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37 };
    uint64_t d = n - 1;
    int s = 0;

    for (; (d & 1) == 0; d >>= 1)
        s++;                                            /* n - 1 = d * 2^s, d odd */
    for (size_t i = 0; i < sizeof bases / sizeof *bases; i++) {
        uint64_t x = powmod(bases[i], d, n);
        int r;

        if (x == 1 || x == n - 1)
            continue;
        for (r = 1; r < s && (x = mulmod(x, x, n)) != n - 1; r++)
            ;
        if (r == s)
            return 0;                                   /* bases[i] witnesses that n is composite */
    }
    return 1;
}

static uint64_t gcd(uint64_t a, uint64_t b)
{
    while (b != 0) {
        uint64_t t = a % b;

        a = b;
        b = t;
    }
    return a;
}

/* a factor of the composite odd n, neither 1 nor n: Pollard's rho. x -> x^2 + c mod n runs into a
 * cycle mod each prime p of n long before one mod n; Floyd's tortoise and hare find where x and y
 * meet mod p, which gcd(|x - y|, n) shows. A c that meets mod n too is changed. */
static uint64_t rho(uint64_t n)
{
    for (uint64_t c = 1;; c++) {
        uint64_t x = 2, y = 2, d = 1;

        while (d == 1) {
            x = (mulmod(x, x, n) + c) % n;
            y = (mulmod(y, y, n) + c) % n;
            y = (mulmod(y, y, n) + c) % n;
            d = gcd(x > y ? x - y : y - x, n);
        }
        if (d != n)
            return d;
    }
}

/* the factors of n (no factor below 41 left), in any order, appended to f */
static void split(uint64_t n, uint64_t *f, int *count)
{
    uint64_t d;

    if (n <= 1)                                         /* 0 and 1 have no prime factors */
        return;
    if (is_prime(n)) {
        f[(*count)++] = n;
        return;
    }
    d = rho(n);
    split(d, f, count);
    split(n / d, f, count);
}

static int ascending(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

    return x < y ? -1 : x > y;
}

static void print_factors(uint64_t n)
{
    uint64_t f[64];
    int count = 0;

    printf("%llu:", (unsigned long long)n);
    for (uint64_t p = 2; p < 41 && n > 1; p++)         /* also what Miller-Rabin's bases need */
        for (; n % p == 0; n /= p)
            f[count++] = p;
    split(n, f, &count);
    qsort(f, count, sizeof *f, ascending);
    for (int i = 0; i < count; i++)
        printf(" %llu", (unsigned long long)f[i]);
    putchar('\n');
}

/* one NUMBER: 0, or 1 (after GNU's message) if it is not one */
static int factor(const char *s)
{
    const char *digits = s;
    char *end;
    unsigned long long n;

    while (isspace((unsigned char)*digits))
        digits++;
    if (*digits == '+')
        digits++;
    errno = 0;
    n = strtoull(digits, &end, 10);
    if (!isdigit((unsigned char)*digits) || *end != '\0' || errno != 0) {
        fflush(stdout);
        fprintf(stderr, errno == ERANGE ? "factor: '%s' is too large\n"
                                        : "factor: '%s' is not a valid positive integer\n", s);
        return 1;
    }
    print_factors(n);
    return 0;
}

int main(int argc, char **argv)
{
    char word[64];
    int status = 0;

    if (getopt(argc, argv, "") != -1) {            /* no options, but "--" as GNU's (-1 is one) */
        fprintf(stderr, "Try 'factor --help' for more information.\n");
        return 1;
    }
    for (int i = optind; i < argc; i++)
        status |= factor(argv[i]);
    if (optind < argc)
        return status;
    while (scanf("%63s", word) == 1)
        status |= factor(word);
    return status;
}
