/*
 * util.c - the small tools every part of the server uses: memory that never comes back NULL,
 * binary-safe strings, integers and floats parsed as strictly as Redis parses them, glob patterns (KEYS,
 * SCAN MATCH, CONFIG GET) and the clocks.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "server.h"

static void out_of_memory(size_t n)
{
    log_msg('#', "Out of memory allocating %lu bytes!", (unsigned long)n);
    _exit(1);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        out_of_memory(n);
    return p;
}

void *xrealloc(void *p, size_t n)
{
    void *q = realloc(p, n ? n : 1);
    if (!q)
        out_of_memory(n);
    return q;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = xmalloc(n * size);
    memset(p, 0, n * size);
    return p;
}

/* A string is one allocation, the header then the bytes: a malloc costs about a thousand
 * instructions here, and the hot path makes many strings. */
struct str *str_new(const char *p, size_t len)
{
    struct str *s = xmalloc(sizeof *s + len + 1);
    s->len = len;
    s->buf = (char *)(s + 1);
    if (p)
        memcpy(s->buf, p, len);
    else
        memset(s->buf, 0, len);
    s->buf[len] = 0;
    return s;
}

/* s becomes a copy of t inside s's own allocation, if t fits there and would not leave most of it
 * unused (a big value overwritten by a small one gives its memory back instead): 1 if done. */
int str_overwrite(struct str *s, const struct str *t)
{
    size_t room = malloc_usable_size(s) - sizeof *s - 1;
    if (t->len > room || room > 2 * t->len + 64)
        return 0;
    memcpy(s->buf, t->buf, t->len);
    s->len = t->len;
    s->buf[t->len] = 0;
    return 1;
}

struct str *str_from_ll(long long v)
{
    char buf[24];
    return str_new(buf, ll_to_str(buf, v));
}

void str_free(struct str *s)
{
    free(s);
}

/* s lengthened to len bytes, the new ones zero; NULL if there is no memory for that, and s is
 * untouched. (SETRANGE asks for up to 512 MB in one small command: that gets an error, not the
 * server's end.) */
struct str *str_resize(struct str *s, size_t len)
{
    size_t old = s->len;
    if (len > SIZE_MAX - sizeof *s - 1 || !(s = realloc(s, sizeof *s + len + 1)))
        return NULL;
    s->buf = (char *)(s + 1);
    memset(s->buf + old, 0, len - old + 1);
    s->len = len;
    return s;
}

struct str *str_append(struct str *s, const char *p, size_t len)
{
    size_t at = s->len;
    struct str *t = str_resize(s, at + len);
    if (!t)
        out_of_memory(at + len);
    memcpy(t->buf + at, p, len);
    return t;
}

int parse_ll(const char *p, size_t len, long long *out)
{
    size_t i = 0;
    int neg = 0;
    unsigned long long v = 0, limit;

    if (len == 0 || len > 20)
        return 0;
    if (len == 1 && p[0] == '0') {
        *out = 0;
        return 1;
    }
    if (p[0] == '-') {
        neg = 1;
        i = 1;
        if (len == 1)
            return 0;
    }
    if (p[i] < '1' || p[i] > '9')      /* no leading zero, no "+", no space */
        return 0;
    limit = neg ? 9223372036854775808ULL : 9223372036854775807ULL;
    for (; i < len; i++) {
        if (p[i] < '0' || p[i] > '9')
            return 0;
        unsigned long long d = (unsigned long long)(p[i] - '0');
        if (v > (limit - d) / 10)
            return 0;
        v = v * 10 + d;
    }
    *out = neg ? (long long)(0 - v) : (long long)v;
    return 1;
}

int ll_to_str(char *buf, long long v)
{
    char tmp[24];
    int n = 0, len = 0;
    unsigned long long u = v < 0 ? 0 - (unsigned long long)v : (unsigned long long)v;

    if (u < 10 && v >= 0) {                 /* one digit, the usual length: no loop, no copy */
        buf[0] = (char)('0' + u);
        buf[1] = 0;
        return 1;
    }
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        buf[len++] = '-';
    while (n)
        buf[len++] = tmp[--n];
    buf[len] = 0;
    return len;
}

/* A floating-point number as Redis reads one (INCRBYFLOAT, HINCRBYFLOAT): what strtod takes, but
 * all of the bytes, no leading space, and not NaN; at most 5 KB, Redis's MAX_LONG_DOUBLE_CHARS
 * (INCRBYFLOAT can make a number of 309 digits, which must read back). */
int parse_double(const char *p, size_t len, double *out)
{
    char buf[5 * 1024], *end;
    if (len == 0 || len >= sizeof buf || isspace((unsigned char)p[0]))
        return 0;
    memcpy(buf, p, len);
    buf[len] = 0;
    errno = 0;
    double v = strtod(buf, &end);
    if (*end || isnan(v) || (errno == ERANGE && (v == HUGE_VAL || v == -HUGE_VAL || v == 0)))
        return 0;
    *out = v;
    return 1;
}

/* A double as INCRBYFLOAT answers it: fixed-point, never an exponent, no trailing zeros ("10.6",
 * "7000"). Redis computes in long double and prints 17 digits; a double keeps 15 (DBL_DIG), so we
 * print 15 significant digits, which gives Redis's answer for the sums people write (10.5 + 0.1 is
 * "10.6", not "10.5999999999999996"). Its length; buf needs 512 bytes. */
int double_to_str(char *buf, double v)
{
    int magnitude = v == 0 ? 0 : (int)floor(log10(fabs(v)));
    int decimals = magnitude >= 14 ? 0 : 14 - magnitude;
    int n = snprintf(buf, 512, "%.*f", decimals > 300 ? 300 : decimals, v);
    if (strchr(buf, '.')) {
        while (buf[n - 1] == '0')
            buf[--n] = 0;
        if (buf[n - 1] == '.')
            buf[--n] = 0;
    }
    if (strcmp(buf, "-0") == 0)
        n = snprintf(buf, 512, "0");
    return n;
}

static int fold(int ch, int nocase)
{
    return nocase && ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

/* One [...] class at pat (just after '['): does ch match it? *used: the bytes of the class. */
static int class_match(const char *pat, size_t plen, int ch, int nocase, size_t *used)
{
    size_t i = 0;
    int negate = 0, match = 0;

    if (i < plen && pat[i] == '^') {
        negate = 1;
        i++;
    }
    while (i < plen && pat[i] != ']') {
        if (pat[i] == '\\' && i + 1 < plen) {
            if (fold(pat[i + 1], nocase) == fold(ch, nocase))
                match = 1;
            i += 2;
        } else if (i + 2 < plen && pat[i + 1] == '-' && pat[i + 2] != ']') {
            int lo = fold(pat[i], nocase), hi = fold(pat[i + 2], nocase), c = fold(ch, nocase);
            if (lo > hi) {
                int t = lo;
                lo = hi;
                hi = t;
            }
            if (c >= lo && c <= hi)
                match = 1;
            i += 3;
        } else {
            if (fold(pat[i], nocase) == fold(ch, nocase))
                match = 1;
            i++;
        }
    }
    *used = i < plen ? i + 1 : i;      /* past the ']' (an unclosed class ends the pattern) */
    return negate ? !match : match;
}

/* Redis's glob: * ? [abc] [^a-z] and \x, over binary strings. */
int glob_match(const char *pat, size_t plen, const char *s, size_t slen, int nocase)
{
    while (plen && slen) {
        size_t used;
        switch (pat[0]) {
        case '*':
            while (plen > 1 && pat[1] == '*') {
                pat++;
                plen--;
            }
            if (plen == 1)
                return 1;
            for (size_t i = 0; i <= slen; i++)
                if (glob_match(pat + 1, plen - 1, s + i, slen - i, nocase))
                    return 1;
            return 0;
        case '?':
            break;
        case '[':
            if (!class_match(pat + 1, plen - 1, (unsigned char)s[0], nocase, &used))
                return 0;
            pat += used;
            plen -= used;
            break;
        case '\\':
            if (plen >= 2) {
                pat++;
                plen--;
            }
            /* fall through: the escaped byte matches itself */
        default:
            if (fold(pat[0], nocase) != fold(s[0], nocase))
                return 0;
            break;
        }
        pat++;
        plen--;
        s++;
        slen--;
    }
    while (plen && pat[0] == '*') {
        pat++;
        plen--;
    }
    return plen == 0 && slen == 0;
}

long long now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

long long mono_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

long long now_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}
