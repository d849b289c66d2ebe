/*
 * wchar.c - wide strings and the multibyte conversions of the C locale (C11 7.22.7, 7.22.8, 7.29).
 *
 * In the C locale a multibyte character is one ASCII byte and its wide character has the same
 * value; a byte or a wide character above 0x7f has no counterpart (EILSEQ), as in glibc. The
 * restartable functions (mbrtowc...) need no state, so their mbstate_t is ignored.
 * The wide number conversions (wcstol...) narrow their string and use the narrow ones.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <wchar.h>

/* ---- wide strings --------------------------------------------------------------------------- */
size_t wcslen(const wchar_t *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}

size_t wcsnlen(const wchar_t *s, size_t maxlen)
{
    size_t n = 0;
    while (n < maxlen && s[n])
        n++;
    return n;
}

wchar_t *wcscpy(wchar_t *dest, const wchar_t *src)
{
    size_t i = 0;
    while ((dest[i] = src[i]) != 0)
        i++;
    return dest;
}

wchar_t *wcsncpy(wchar_t *dest, const wchar_t *src, size_t n)
{
    size_t i = 0;
    for (; i < n && src[i]; i++)
        dest[i] = src[i];
    for (; i < n; i++)
        dest[i] = 0;
    return dest;
}

wchar_t *wcscat(wchar_t *dest, const wchar_t *src)
{
    wcscpy(dest + wcslen(dest), src);
    return dest;
}

wchar_t *wcsncat(wchar_t *dest, const wchar_t *src, size_t n)
{
    wchar_t *end = dest + wcslen(dest);
    size_t i = 0;
    for (; i < n && src[i]; i++)
        end[i] = src[i];
    end[i] = 0;
    return dest;
}

/* Wide characters compare as the signed ints they are (glibc does the same). */
int wcsncmp(const wchar_t *s1, const wchar_t *s2, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s1[i] != s2[i])
            return s1[i] < s2[i] ? -1 : 1;
        if (s1[i] == 0)
            return 0;
    }
    return 0;
}

int wcscmp(const wchar_t *s1, const wchar_t *s2)
{
    return wcsncmp(s1, s2, (size_t)-1);
}

wchar_t *wcschr(const wchar_t *s, wchar_t c)
{
    for (;; s++) {
        if (*s == c)
            return (wchar_t *)s;
        if (*s == 0)
            return NULL;
    }
}

wchar_t *wcsrchr(const wchar_t *s, wchar_t c)
{
    const wchar_t *found = NULL;
    for (;; s++) {
        if (*s == c)
            found = s;
        if (*s == 0)
            return (wchar_t *)found;
    }
}

wchar_t *wcsstr(const wchar_t *haystack, const wchar_t *needle)
{
    size_t n = wcslen(needle);
    for (; *haystack; haystack++)
        if (wcsncmp(haystack, needle, n) == 0)
            return (wchar_t *)haystack;
    return n == 0 ? (wchar_t *)haystack : NULL;
}

size_t wcsspn(const wchar_t *s, const wchar_t *accept)
{
    size_t n = 0;
    while (s[n] && wcschr(accept, s[n]))
        n++;
    return n;
}

size_t wcscspn(const wchar_t *s, const wchar_t *reject)
{
    size_t n = 0;
    while (s[n] && !wcschr(reject, s[n]))
        n++;
    return n;
}

wchar_t *wmemcpy(wchar_t *dest, const wchar_t *src, size_t n)
{
    for (size_t i = 0; i < n; i++)
        dest[i] = src[i];
    return dest;
}

wchar_t *wmemmove(wchar_t *dest, const wchar_t *src, size_t n)
{
    if (dest < src)
        return wmemcpy(dest, src, n);
    for (size_t i = n; i > 0; i--)
        dest[i - 1] = src[i - 1];
    return dest;
}

wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        s[i] = c;
    return s;
}

int wmemcmp(const wchar_t *s1, const wchar_t *s2, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s1[i] != s2[i])
            return s1[i] < s2[i] ? -1 : 1;
    return 0;
}

wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] == c)
            return (wchar_t *)s + i;
    return NULL;
}

/* ---- one character: the C locale is ASCII ------------------------------------------------- */
wint_t btowc(int c)
{
    return c >= 0 && c < 0x80 ? (wint_t)c : WEOF;
}

int wctob(wint_t c)
{
    return c < 0x80 ? (int)c : -1;         /* EOF */
}

int mbsinit(const mbstate_t *ps)
{
    /* there is never a partial character; only c16rtomb (uchar.c) keeps something: the first
       half of a surrogate pair */
    return ps == NULL || ps->__count == 0;
}

/* The one conversion every other goes through: the byte at s (n > 0) -> *pwc; its length
   (0 for the null character), or -1 with EILSEQ for a byte that is not ASCII. */
static int byte_to_wide(wchar_t *pwc, const char *s)
{
    unsigned char c = (unsigned char)*s;
    if (c >= 0x80) {
        errno = EILSEQ;
        return -1;
    }
    if (pwc != NULL)
        *pwc = c;
    return c != 0;
}

/* The other way: wc -> one byte at s; 1, or -1 with EILSEQ if wc is not ASCII. */
static int wide_to_byte(char *s, wchar_t wc)
{
    if (wc < 0 || wc >= 0x80) {
        errno = EILSEQ;
        return -1;
    }
    *s = (char)wc;
    return 1;
}

size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps)
{
    (void)ps;
    if (s == NULL)
        return 0;
    if (n == 0)
        return (size_t)-2;                  /* an incomplete character */
    return (size_t)byte_to_wide(pwc, s);
}

size_t mbrlen(const char *s, size_t n, mbstate_t *ps)
{
    return mbrtowc(NULL, s, n, ps);
}

size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps)
{
    char ignored;
    (void)ps;
    return (size_t)wide_to_byte(s != NULL ? s : &ignored, s != NULL ? wc : 0);
}

size_t mbsrtowcs(wchar_t *dest, const char **src, size_t len, mbstate_t *ps)
{
    const char *s = *src;
    size_t n = 0;
    (void)ps;
    for (; dest == NULL || n < len; s++, n++) {
        wchar_t wc;
        if (byte_to_wide(&wc, s) < 0)
            return (size_t)-1;
        if (dest != NULL)
            dest[n] = wc;
        if (wc == 0) {
            if (dest != NULL)
                *src = NULL;
            return n;
        }
    }
    *src = s;
    return n;
}

size_t wcsrtombs(char *dest, const wchar_t **src, size_t len, mbstate_t *ps)
{
    const wchar_t *w = *src;
    size_t n = 0;
    (void)ps;
    for (; dest == NULL || n < len; w++, n++) {
        char c;
        if (wide_to_byte(&c, *w) < 0)
            return (size_t)-1;
        if (dest != NULL)
            dest[n] = c;
        if (c == 0) {
            if (dest != NULL)
                *src = NULL;
            return n;
        }
    }
    *src = w;
    return n;
}

/* ---- stdlib.h's multibyte functions ------------------------------------------------------- */
int mblen(const char *s, size_t n)
{
    return mbtowc(NULL, s, n);
}

int mbtowc(wchar_t *pwc, const char *s, size_t n)
{
    if (s == NULL)
        return 0;                           /* no shift states */
    if (n == 0)
        return -1;
    return byte_to_wide(pwc, s);
}

int wctomb(char *s, wchar_t wc)
{
    if (s == NULL)
        return 0;
    return wide_to_byte(s, wc);
}

size_t mbstowcs(wchar_t *dest, const char *src, size_t n)
{
    return mbsrtowcs(dest, &src, n, NULL);
}

size_t wcstombs(char *dest, const wchar_t *src, size_t n)
{
    return wcsrtombs(dest, &src, n, NULL);
}

/* ---- numbers: the narrow conversions on an ASCII copy --------------------------------------- */

/* A malloc'd narrow copy of s up to its first character that is not ASCII (no number goes past
 * one); NULL if there is no memory. */
static char *ascii_prefix(const wchar_t *s)
{
    size_t n = 0;
    char *out;

    while (s[n] != 0 && wctob((wint_t)s[n]) != EOF)
        n++;
    out = malloc(n + 1);
    if (out == NULL)
        return NULL;
    for (size_t i = 0; i < n; i++)
        out[i] = (char)s[i];
    out[n] = '\0';
    return out;
}

/* After a narrow conversion of text (ascii_prefix(nptr), maybe NULL) that stopped at end: point
 * *endptr at the wide character where it stopped, and free text. */
static void finish_conversion(const wchar_t *nptr, wchar_t **endptr, char *text, const char *end)
{
    if (endptr != NULL)
        *endptr = (wchar_t *)nptr + (text != NULL ? end - text : 0);
    free(text);
}

/* The integer conversions: narrow is the narrow function, type what it gives. A failed malloc
 * converts nothing (errno ENOMEM). */
#define WIDE_STRTO(name, type, narrow)                                                          \
    type name(const wchar_t *nptr, wchar_t **endptr, int base)                                  \
    {                                                                                           \
        char *text = ascii_prefix(nptr), *end = text;                                           \
        type value = text != NULL ? narrow(text, &end, base) : 0;                               \
        finish_conversion(nptr, endptr, text, end);                                             \
        return value;                                                                           \
    }

WIDE_STRTO(wcstol, long, strtol)
WIDE_STRTO(wcstoul, unsigned long, strtoul)
WIDE_STRTO(wcstoll, long long, strtoll)
WIDE_STRTO(wcstoull, unsigned long long, strtoull)
WIDE_STRTO(wcstoimax, intmax_t, strtoimax)
WIDE_STRTO(wcstoumax, uintmax_t, strtoumax)

double wcstod(const wchar_t *nptr, wchar_t **endptr)
{
    char *text = ascii_prefix(nptr), *end = text;
    double value = text != NULL ? strtod(text, &end) : 0;

    finish_conversion(nptr, endptr, text, end);
    return value;
}
