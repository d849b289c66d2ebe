/*
 * stdlib.c - numbers from strings (strtol and friends), integer arithmetic, pseudo-random
 * numbers and binary search. (strtod is in strtod.c, qsort in qsort.c, getenv in env.c,
 * malloc in malloc.c, exit in exit.c.)
 */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* ---- strtol and friends --------------------------------------------------------------------- */

static int digit_value(int c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

/*
 * Read [whitespace][sign][0x or 0 prefix]digits in base (0: decided by the prefix). Returns the
 * magnitude, saturated at ULONG_MAX with *overflow set; *negative tells the sign. *endptr (if
 * not NULL) points after the number, or to nptr if there was none.
 */
static unsigned long scan_integer(const char *nptr, char **endptr, int base, int *negative,
                                  int *overflow)
{
    const char *s = nptr;
    unsigned long value = 0;
    int d, any = 0;

    *negative = 0;
    *overflow = 0;
    if (base < 0 || base == 1 || base > 36) {
        errno = EINVAL;
        if (endptr != NULL)
            *endptr = (char *)nptr;
        return 0;
    }
    while (isspace((unsigned char)*s))
        s++;
    if (*s == '+' || *s == '-')
        *negative = *s++ == '-';
    if ((base == 0 || base == 16) && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')
            && digit_value((unsigned char)s[2]) < 16) {
        s += 2;
        base = 16;
    } else if (base == 0) {
        base = s[0] == '0' ? 8 : 10;
    }
    for (; (d = digit_value((unsigned char)*s)) < base; s++) {
        any = 1;
        if (value > (ULONG_MAX - (unsigned long)d) / (unsigned long)base)
            *overflow = 1;
        else
            value = value * (unsigned long)base + (unsigned long)d;
    }
    if (endptr != NULL)
        *endptr = (char *)(any ? s : nptr);
    return *overflow ? ULONG_MAX : value;
}

long strtol(const char *nptr, char **endptr, int base)
{
    int negative, overflow;
    unsigned long v = scan_integer(nptr, endptr, base, &negative, &overflow);

    if (negative) {
        if (overflow || v > (unsigned long)LONG_MAX + 1) {
            errno = ERANGE;
            return LONG_MIN;
        }
        return (long)(0UL - v);
    }
    if (overflow || v > (unsigned long)LONG_MAX) {
        errno = ERANGE;
        return LONG_MAX;
    }
    return (long)v;
}

/* A minus sign negates the value in unsigned arithmetic, as C says. */
unsigned long strtoul(const char *nptr, char **endptr, int base)
{
    int negative, overflow;
    unsigned long v = scan_integer(nptr, endptr, base, &negative, &overflow);

    if (overflow) {
        errno = ERANGE;
        return ULONG_MAX;
    }
    return negative ? 0UL - v : v;
}

long long strtoll(const char *nptr, char **endptr, int base)
{
    return strtol(nptr, endptr, base);
}

unsigned long long strtoull(const char *nptr, char **endptr, int base)
{
    return strtoul(nptr, endptr, base);
}

intmax_t strtoimax(const char *nptr, char **endptr, int base)
{
    return strtol(nptr, endptr, base);
}

uintmax_t strtoumax(const char *nptr, char **endptr, int base)
{
    return strtoul(nptr, endptr, base);
}

int atoi(const char *nptr)
{
    return (int)strtol(nptr, NULL, 10);
}

long atol(const char *nptr)
{
    return strtol(nptr, NULL, 10);
}

long long atoll(const char *nptr)
{
    return strtol(nptr, NULL, 10);
}

/* ---- integer arithmetic --------------------------------------------------------------------- */

int abs(int j)
{
    return j < 0 ? -j : j;
}

long labs(long j)
{
    return j < 0 ? -j : j;
}

long long llabs(long long j)
{
    return j < 0 ? -j : j;
}

intmax_t imaxabs(intmax_t j)
{
    return j < 0 ? -j : j;
}

div_t div(int numer, int denom)
{
    div_t r;

    r.quot = numer / denom;
    r.rem = numer % denom;
    return r;
}

ldiv_t ldiv(long numer, long denom)
{
    ldiv_t r;

    r.quot = numer / denom;
    r.rem = numer % denom;
    return r;
}

lldiv_t lldiv(long long numer, long long denom)
{
    lldiv_t r;

    r.quot = numer / denom;
    r.rem = numer % denom;
    return r;
}

imaxdiv_t imaxdiv(intmax_t numer, intmax_t denom)
{
    imaxdiv_t r;

    r.quot = numer / denom;
    r.rem = numer % denom;
    return r;
}

/* ---- pseudo-random numbers ------------------------------------------------------------------ */

/*
 * A 64-bit linear congruential generator (Knuth's MMIX constants); rand() returns the top 31
 * bits of the state. Deterministic: the same seed always gives the same sequence, and the seed
 * is 1 until srand is called, as C requires.
 */
static unsigned long rand_state = 1;

static unsigned long lcg_next(unsigned long *state)
{
    *state = *state * 6364136223846793005UL + 1442695040888963407UL;
    return *state >> 33;
}

int rand(void)
{
    return (int)lcg_next(&rand_state);
}

void srand(unsigned int seed)
{
    rand_state = seed;
}

int rand_r(unsigned int *seedp)
{
    unsigned long state = *seedp;
    int r = (int)lcg_next(&state);

    *seedp = (unsigned int)state;
    return r;
}

long random(void)
{
    return rand();
}

void srandom(unsigned int seed)
{
    srand(seed);
}

/*
 * The drand48 family (POSIX): a 48-bit linear congruential generator whose constants POSIX
 * fixes, X' = (0x5DEECE66D * X + 0xB) mod 2^48, so every system gives the same numbers from the
 * same seed. X is kept as three 16-bit parts, low first: the functions with an xsubi argument
 * take their state from the caller, the others share one.
 */
#define RAND48_A 0x5DEECE66DUL
#define RAND48_C 0xBUL
#define RAND48_MASK ((1UL << 48) - 1)

static unsigned short rand48_state[3];      /* 0 until seeded, as in glibc */

static unsigned long rand48_next(unsigned short xsubi[3])
{
    unsigned long x = (unsigned long)xsubi[0] | (unsigned long)xsubi[1] << 16 | (unsigned long)xsubi[2] << 32;

    x = (RAND48_A * x + RAND48_C) & RAND48_MASK;
    xsubi[0] = (unsigned short)x;
    xsubi[1] = (unsigned short)(x >> 16);
    xsubi[2] = (unsigned short)(x >> 32);
    return x;
}

double erand48(unsigned short xsubi[3])
{
    return (double)rand48_next(xsubi) / (double)(1UL << 48);     /* exact: 48 bits fit a double */
}

double drand48(void)
{
    return erand48(rand48_state);
}

long nrand48(unsigned short xsubi[3])
{
    return (long)(rand48_next(xsubi) >> 17);                    /* [0, 2^31) */
}

long lrand48(void)
{
    return nrand48(rand48_state);
}

long jrand48(unsigned short xsubi[3])
{
    return (long)(int)(unsigned int)(rand48_next(xsubi) >> 16); /* [-2^31, 2^31) */
}

long mrand48(void)
{
    return jrand48(rand48_state);
}

void srand48(long seedval)
{
    rand48_state[0] = 0x330E;
    rand48_state[1] = (unsigned short)seedval;
    rand48_state[2] = (unsigned short)(seedval >> 16);
}

/* Sets the whole state; returns the state before, which the next call overwrites. */
unsigned short *seed48(unsigned short seed16v[3])
{
    static unsigned short previous[3];

    memcpy(previous, rand48_state, sizeof previous);
    memcpy(rand48_state, seed16v, sizeof rand48_state);
    return previous;
}

/* ---- searching ------------------------------------------------------------------------------ */

void *bsearch(const void *key, const void *base, size_t nmemb, size_t size,
              int (*compar)(const void *, const void *))
{
    const char *lo = base;
    const char *mid;
    int c;

    while (nmemb > 0) {
        mid = lo + (nmemb / 2) * size;
        c = compar(key, mid);
        if (c == 0)
            return (void *)mid;
        if (c > 0) {
            lo = mid + size;
            nmemb -= nmemb / 2 + 1;
        } else {
            nmemb /= 2;
        }
    }
    return NULL;
}
