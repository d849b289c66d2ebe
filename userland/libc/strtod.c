/*
 * strtod.c - reading floating-point numbers: strtod, strtof, atof.
 *
 * Accepted (after leading whitespace, with an optional sign):
 *     decimal      digits [. digits] [e [sign] digits]
 *     hexadecimal  0x hexdigits [. hexdigits] [p [sign] digits]
 *     inf, infinity, nan, nan(chars)   (any case)
 *
 * A decimal number is rounded CORRECTLY to the nearest double (ties to even): a first guess
 * from ordinary double arithmetic is checked, and moved by a unit in the last place until it is
 * right, by comparing the exact decimal value with the exact halfway points between doubles,
 * all as big integers (bigint.c). Inputs with at most 15 digits and small exponents take a fast
 * path that is exact already.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "bigint.h"

#define MAX_SIG_DIGITS 800  /* more digits than this only matter as "something non-zero" */

union double_bits {
    double d;
    unsigned long u;
};

static const double exact_powers[] = {
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
    1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

/* 10**e in double arithmetic (approximate for |e| > 22). */
static double power_of_ten(int e)
{
    double r = 1.0, p = 10.0;
    int n = e < 0 ? -e : e;

    if (n <= 22)
        return e < 0 ? 1.0 / exact_powers[n] : exact_powers[n];
    while (n > 0) {
        if (n & 1)
            r *= p;
        p *= p;
        n >>= 1;
    }
    return e < 0 ? 1.0 / r : r;
}

/* x * 10**e in double arithmetic: the first guess for correct(). 10**e alone overflows for
 * |e| > 308 (to inf, or to 0 as 1 / inf) even when the product is an ordinary number, such as
 * 2.2250738585072014e-308 = 22250738585072014 * 10**-324; so take such powers in two steps. */
static double scale_by_power_of_ten(double x, int e)
{
    if (e < -300)
        return x * power_of_ten(-300) * power_of_ten(e + 300);
    if (e > 300)
        return x * power_of_ten(300) * power_of_ten(e - 300);
    return x * power_of_ten(e);
}

/* Compare the decimal value DIGITS x 10**e10 (digits: the big integer `digits`, plus
 * `truncated` if non-zero digits were dropped) with the point halfway between the double with
 * bits u and the next one up. -1, 0 or 1. */
static int compare_halfway(const struct bigint *digits, int truncated, int e10, unsigned long u)
{
    struct bigint left, right;
    unsigned long m = u & ((1UL << 52) - 1);
    int k = (int)(u >> 52), p2, c;

    if (k == 0) {
        k = -1074;
    } else {
        m |= 1UL << 52;
        k -= 1075;
    }
    /* halfway = (2m + 1) * 2**(k - 1); compare digits * 5**e10 * 2**(e10 - k + 1) with 2m + 1 */
    left = *digits;
    __big_set(&right, 2 * m + 1);
    if (e10 >= 0)
        __big_mul_pow5(&left, e10);
    else
        __big_mul_pow5(&right, -e10);
    p2 = e10 - k + 1;
    if (p2 >= 0)
        __big_shift_left(&left, p2);
    else
        __big_shift_left(&right, -p2);
    c = __big_compare(&left, &right);
    if (c == 0 && truncated)
        c = 1;
    return c;
}

/* Round DIGITS x 10**e10 to the nearest double, starting from the guess `guess` (> 0). */
static double correct(const struct bigint *digits, int truncated, int e10, double guess)
{
    union double_bits b;
    const unsigned long INF = 0x7ff0000000000000UL;
    int c;

    b.d = guess;
    if (b.u >= INF)
        b.u = INF - 1;                      /* start from the largest finite double */
    for (;;) {
        c = compare_halfway(digits, truncated, e10, b.u);
        if (c > 0) {                        /* above the halfway point: at least one up */
            b.u++;
            if (b.u == INF)
                break;
            continue;
        }
        if (c == 0) {                       /* exactly halfway: the even one */
            if (b.u & 1)
                b.u++;
            break;
        }
        if (b.u == 0)
            break;
        c = compare_halfway(digits, truncated, e10, b.u - 1);
        if (c > 0)
            break;                          /* between the two halfway points: b is right */
        b.u--;
        if (c == 0) {
            if (b.u & 1)
                b.u++;
            break;
        }
    }
    return b.d;
}

/* Case-insensitive prefix test. */
static int starts_with(const char *s, const char *word)
{
    for (; *word != '\0'; s++, word++)
        if (tolower((unsigned char)*s) != *word)
            return 0;
    return 1;
}

/* mantissa * 2**exp2, correctly rounded (sticky: non-zero bits were dropped below mantissa). */
static double make_double(unsigned long mantissa, long exp2, int sticky)
{
    union double_bits b;
    int shift = 0;
    unsigned long dropped, half;

    if (mantissa == 0)
        return 0.0;
    while (!(mantissa >> 63)) {             /* normalise: top bit at bit 63 */
        mantissa <<= 1;
        exp2--;
    }
    exp2 += 63;                             /* value = 1.xxx * 2**exp2 */
    if (exp2 > 1023)
        return HUGE_VAL;
    shift = 11;                             /* keep 53 bits */
    if (exp2 < -1022) {                     /* subnormal: keep fewer */
        if (exp2 < -1022 - 53)
            return 0.0;
        shift += (int)(-1022 - exp2);
    }
    dropped = shift >= 64 ? mantissa : mantissa & ((1UL << shift) - 1);
    half = 1UL << (shift - 1);
    mantissa = shift >= 64 ? 0 : mantissa >> shift;
    if (dropped > half || (dropped == half && (sticky || (mantissa & 1))))
        mantissa++;
    if (exp2 < -1022) {
        b.u = mantissa;                     /* may round up into the smallest normal: fine */
    } else {
        if (mantissa >> 53) {               /* rounding carried: 10.000... */
            mantissa >>= 1;
            exp2++;
            if (exp2 > 1023)
                return HUGE_VAL;
        }
        b.u = ((unsigned long)(exp2 + 1023) << 52) | (mantissa & ((1UL << 52) - 1));
    }
    return b.d;
}

/* The exponent after an 'e' or a 'p' at *s: its value (clamped to +-100000, which is beyond any
 * double), with *s moved past it. With no digits after the letter (and its sign) there is no
 * exponent: 0, and *s stays on the letter, which is then not part of the number. */
static long read_exponent(const char **s)
{
    const char *t = *s + 1;
    long e = 0;
    int sign = 1;

    if (*t == '+' || *t == '-')
        sign = *t++ == '-' ? -1 : 1;
    if (!isdigit((unsigned char)*t))
        return 0;
    for (; isdigit((unsigned char)*t); t++)
        if (e < 100000)
            e = e * 10 + (*t - '0');
    *s = t;
    return sign * e;
}

/* 0x...: hexadecimal digits, an optional point, an optional binary exponent p... */
static double scan_hex(const char *s, const char **end)
{
    unsigned long mantissa = 0;
    long exp2 = 0;
    int sticky = 0, any = 0, d;

    for (;; s++) {
        if (*s == '.' && !(any & 2)) {
            any |= 2;                       /* seen the point */
            continue;
        }
        if (!isxdigit((unsigned char)*s))
            break;
        d = isdigit((unsigned char)*s) ? *s - '0' : tolower((unsigned char)*s) - 'a' + 10;
        any |= 1;
        if (mantissa >> 60) {               /* no room: the digit only makes it inexact */
            sticky |= d != 0;
            if (!(any & 2))
                exp2 += 4;
        } else {
            mantissa = mantissa * 16 + (unsigned long)d;
            if (any & 2)
                exp2 -= 4;
        }
    }
    if (!(any & 1))
        return -1.0;                        /* no digits: not a hex number */
    if (*s == 'p' || *s == 'P')
        exp2 += read_exponent(&s);
    *end = s;
    return make_double(mantissa, exp2, sticky);
}

double strtod(const char *nptr, char **endptr)
{
    const char *s = nptr, *t;
    int negative = 0, ndigits = 0, truncated = 0, seen_digit = 0, seen_point = 0;
    long e10 = 0;
    unsigned long first = 0;                /* the first 19 significant digits */
    int nfirst = 0;
    struct bigint digits;
    union double_bits bits;
    double v;

    while (isspace((unsigned char)*s))
        s++;
    if (*s == '+' || *s == '-')
        negative = *s++ == '-';

    if (starts_with(s, "inf")) {
        s += starts_with(s, "infinity") ? 8 : 3;
        v = HUGE_VAL;
        goto out;
    }
    if (starts_with(s, "nan")) {
        s += 3;
        if (*s == '(') {
            for (t = s + 1; isalnum((unsigned char)*t) || *t == '_'; t++)
                ;
            if (*t == ')')
                s = t + 1;
        }
        bits.u = 0x7ff8000000000000UL;     /* a quiet NaN, positive */
        v = bits.d;
        goto out;
    }
    if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        v = scan_hex(s + 2, &t);
        if (v >= 0) {
            s = t;
            if (v == HUGE_VAL)
                errno = ERANGE;
            goto out;
        }
        /* "0x" with no hex digits: just the 0 */
    }

    /* decimal: the significant digits into `digits` (a big integer) and `first` */
    __big_set(&digits, 0);
    for (;; s++) {
        if (*s == '.' && !seen_point) {
            seen_point = 1;
            continue;
        }
        if (!isdigit((unsigned char)*s))
            break;
        seen_digit = 1;
        if (ndigits == 0 && *s == '0') {    /* a leading zero */
            if (seen_point)
                e10--;
            continue;
        }
        if (ndigits < MAX_SIG_DIGITS) {
            __big_mul_small(&digits, 10);
            __big_add_small(&digits, (unsigned int)(*s - '0'));
            if (nfirst < 19) {
                first = first * 10 + (unsigned long)(*s - '0');
                nfirst++;
            }
            ndigits++;
            if (seen_point)
                e10--;
        } else {
            truncated |= *s != '0';
            if (!seen_point)
                e10++;
        }
    }
    if (!seen_digit) {
        s = nptr;                           /* no number at all */
        v = 0.0;
        negative = 0;
        goto out;
    }
    if (*s == 'e' || *s == 'E')
        e10 += read_exponent(&s);

    if (ndigits == 0) {
        v = 0.0;
    } else if (ndigits + e10 > 310) {
        v = HUGE_VAL;
        errno = ERANGE;
    } else if (ndigits + e10 < -330) {
        v = 0.0;
        errno = ERANGE;
    } else if (ndigits <= 15 && !truncated && e10 >= -22 && e10 <= 22) {
        v = e10 < 0 ? (double)first / exact_powers[-e10] : (double)first * exact_powers[e10];
    } else {
        /* a guess from the first digits, then corrected exactly */
        v = scale_by_power_of_ten((double)first, (int)(e10 + ndigits - nfirst));
        if (v == 0.0)
            v = 4.9406564584124654e-324;
        v = correct(&digits, truncated, (int)e10, v);
        if (v == 0.0 || v == HUGE_VAL)
            errno = ERANGE;
    }
out:
    if (endptr != NULL)
        *endptr = (char *)s;
    return negative ? -v : v;
}

float strtof(const char *nptr, char **endptr)
{
    return (float)strtod(nptr, endptr);
}

long double strtold(const char *nptr, char **endptr)
{
    return strtod(nptr, endptr);
}

double atof(const char *nptr)
{
    return strtod(nptr, NULL);
}
