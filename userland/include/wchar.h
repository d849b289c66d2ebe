/*
 * wchar.h - wide characters and strings (C11 7.29), for the C locale.
 *
 * wchar_t is a 32-bit int (L"..." makes arrays of it) and a multibyte character is one ASCII
 * byte: the conversions (here and mbtowc & co. in stdlib.h) refuse bytes and wide characters
 * above 0x7f with EILSEQ, as glibc's C locale does. Wide stdio (libc/wstdio.c) reads and
 * writes one byte per wide character, '?' for one above 0x7f (as glibc); the wprintf family
 * formats with printf's engine (so text above 0x7f in a swprintf format becomes '?').
 * swscanf narrows its strings and scans with sscanf: %ls, %lc and %l[ are not supported, and
 * there is no fwscanf/wscanf.
 */
#ifndef _WCHAR_H
#define _WCHAR_H

#include <sys/_types.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

typedef int wchar_t;
typedef unsigned int wint_t;
typedef struct { int __count; } mbstate_t;   /* every character is one byte: the only state is
                                                c16rtomb's pending high surrogate (uchar.h) */

#define WEOF ((wint_t)-1)
#ifndef WCHAR_MIN
#define WCHAR_MIN INT32_MIN
#define WCHAR_MAX INT32_MAX
#endif

size_t wcslen(const wchar_t *s);
size_t wcsnlen(const wchar_t *s, size_t maxlen);
wchar_t *wcscpy(wchar_t *dest, const wchar_t *src);
wchar_t *wcsncpy(wchar_t *dest, const wchar_t *src, size_t n);
wchar_t *wcscat(wchar_t *dest, const wchar_t *src);
wchar_t *wcsncat(wchar_t *dest, const wchar_t *src, size_t n);
int wcscmp(const wchar_t *s1, const wchar_t *s2);
int wcsncmp(const wchar_t *s1, const wchar_t *s2, size_t n);
wchar_t *wcschr(const wchar_t *s, wchar_t c);
wchar_t *wcsrchr(const wchar_t *s, wchar_t c);
wchar_t *wcsstr(const wchar_t *haystack, const wchar_t *needle);
size_t wcsspn(const wchar_t *s, const wchar_t *accept);
size_t wcscspn(const wchar_t *s, const wchar_t *reject);
wchar_t *wmemcpy(wchar_t *dest, const wchar_t *src, size_t n);
wchar_t *wmemmove(wchar_t *dest, const wchar_t *src, size_t n);
wchar_t *wmemset(wchar_t *s, wchar_t c, size_t n);
int wmemcmp(const wchar_t *s1, const wchar_t *s2, size_t n);
wchar_t *wmemchr(const wchar_t *s, wchar_t c, size_t n);

wint_t btowc(int c);
int wctob(wint_t c);
int mbsinit(const mbstate_t *ps);
size_t mbrlen(const char *s, size_t n, mbstate_t *ps);
size_t mbrtowc(wchar_t *pwc, const char *s, size_t n, mbstate_t *ps);
size_t wcrtomb(char *s, wchar_t wc, mbstate_t *ps);
size_t mbsrtowcs(wchar_t *dest, const char **src, size_t len, mbstate_t *ps);
size_t wcsrtombs(char *dest, const wchar_t **src, size_t len, mbstate_t *ps);

long wcstol(const wchar_t *nptr, wchar_t **endptr, int base);
unsigned long wcstoul(const wchar_t *nptr, wchar_t **endptr, int base);
long long wcstoll(const wchar_t *nptr, wchar_t **endptr, int base);
unsigned long long wcstoull(const wchar_t *nptr, wchar_t **endptr, int base);
double wcstod(const wchar_t *nptr, wchar_t **endptr);

/* wide stdio */
int fwide(FILE *stream, int mode);
int wprintf(const wchar_t *format, ...);
int fwprintf(FILE *stream, const wchar_t *format, ...);
int swprintf(wchar_t *ws, size_t n, const wchar_t *format, ...);
int vwprintf(const wchar_t *format, va_list ap);
int vfwprintf(FILE *stream, const wchar_t *format, va_list ap);
int vswprintf(wchar_t *ws, size_t n, const wchar_t *format, va_list ap);
int swscanf(const wchar_t *ws, const wchar_t *format, ...);
int vswscanf(const wchar_t *ws, const wchar_t *format, va_list ap);
wint_t fputwc(wchar_t wc, FILE *stream);
wint_t putwc(wchar_t wc, FILE *stream);
wint_t putwchar(wchar_t wc);
int fputws(const wchar_t *ws, FILE *stream);
wint_t fgetwc(FILE *stream);
wint_t getwc(FILE *stream);
wint_t getwchar(void);
wchar_t *fgetws(wchar_t *ws, int n, FILE *stream);
wint_t ungetwc(wint_t wc, FILE *stream);

#endif
