/*
 * wstdio.c - wide-character stdio in the C locale (C11 7.29.2, 7.29.3): the wprintf family,
 * fputwc/fgetwc & co., and swscanf.
 *
 * A wide character of the C locale is one ASCII byte in a stream, so none of this needs a
 * formatter or a buffer of its own: the wprintf family narrows its format and formats with the
 * printf engine (printf.c, which writes wide buffers too); the character functions put and get
 * bytes with fputc and fgetc. A wide character above 0x7f is written to a stream as '?' (as
 * glibc does); a byte above 0x7f read, or printed with %s, has no wide counterpart: EILSEQ.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>
#include "libc.h"

/* ---- narrowing ------------------------------------------------------------------------------ */

/* A malloc'd narrow copy of the wide string s; NULL with EILSEQ (or ENOMEM). */
static char *narrow_copy(const wchar_t *s)
{
    size_t n = wcslen(s);
    char *out = malloc(n + 1);

    if (out == NULL)
        return NULL;
    if (wcstombs(out, s, n + 1) == (size_t)-1) {
        free(out);
        return NULL;                            /* errno is EILSEQ */
    }
    return out;
}

/* A malloc'd narrow copy of a wprintf format, for the printf engine. Its text beyond ASCII
 * becomes '?', what a wide stream of the C locale prints for it. */
static char *narrow_format(const wchar_t *format)
{
    size_t n = wcslen(format);
    char *out = malloc(n + 1);

    if (out == NULL)
        return NULL;
    for (size_t i = 0; i <= n; i++)
        out[i] = wctob((wint_t)format[i]) == EOF ? '?' : (char)format[i];
    return out;
}

/* ---- the wprintf family --------------------------------------------------------------------- */

int vfwprintf(FILE *stream, const wchar_t *format, va_list ap)
{
    char *narrow = narrow_format(format);
    int n;

    if (narrow == NULL)
        return -1;
    fwide(stream, 1);
    n = __vfwprintf_narrowed(stream, narrow, ap);
    free(narrow);
    return n;
}

int vwprintf(const wchar_t *format, va_list ap)
{
    return vfwprintf(stdout, format, ap);
}

/* Text beyond ASCII in the format comes out as '?' (glibc keeps it). */
int vswprintf(wchar_t *ws, size_t n, const wchar_t *format, va_list ap)
{
    char *narrow = narrow_format(format);
    int r;

    if (narrow == NULL)
        return -1;
    r = __vswprintf_narrowed(ws, n, narrow, ap);
    free(narrow);
    return r;
}

int wprintf(const wchar_t *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vfwprintf(stdout, format, ap);
    va_end(ap);
    return n;
}

int fwprintf(FILE *stream, const wchar_t *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vfwprintf(stream, format, ap);
    va_end(ap);
    return n;
}

int swprintf(wchar_t *ws, size_t n, const wchar_t *format, ...)
{
    va_list ap;
    int r;

    va_start(ap, format);
    r = vswprintf(ws, n, format, ap);
    va_end(ap);
    return r;
}

/* ---- swscanf: both strings narrowed, then sscanf's engine ----------------------------------- */

int vswscanf(const wchar_t *ws, const wchar_t *format, va_list ap)
{
    char *input = narrow_copy(ws), *narrow = narrow_copy(format);
    int r = EOF;

    if (input != NULL && narrow != NULL)
        r = vsscanf(input, narrow, ap);
    free(input);
    free(narrow);
    return r;
}

int swscanf(const wchar_t *ws, const wchar_t *format, ...)
{
    va_list ap;
    int r;

    va_start(ap, format);
    r = vswscanf(ws, format, ap);
    va_end(ap);
    return r;
}

/* ---- characters and lines ------------------------------------------------------------------- */

wint_t fputwc(wchar_t wc, FILE *stream)
{
    int byte = wctob((wint_t)wc);

    fwide(stream, 1);
    return fputc(byte == EOF ? '?' : byte, stream) == EOF ? WEOF : (wint_t)wc;
}

wint_t putwc(wchar_t wc, FILE *stream)
{
    return fputwc(wc, stream);
}

wint_t putwchar(wchar_t wc)
{
    return fputwc(wc, stdout);
}

int fputws(const wchar_t *ws, FILE *stream)
{
    for (; *ws != 0; ws++)
        if (fputwc(*ws, stream) == WEOF)
            return -1;
    return 0;
}

/* A byte above 0x7f stays read (glibc too cannot put it back) and fails with EILSEQ. */
wint_t fgetwc(FILE *stream)
{
    int c;

    fwide(stream, 1);
    c = fgetc(stream);
    if (c == EOF)
        return WEOF;
    if (btowc(c) == WEOF) {
        errno = EILSEQ;
        return WEOF;
    }
    return (wint_t)c;
}

wint_t getwc(FILE *stream)
{
    return fgetwc(stream);
}

wint_t getwchar(void)
{
    return fgetwc(stdin);
}

/* Like fgets: up to n - 1 characters, through the first newline; NULL if nothing was read. */
wchar_t *fgetws(wchar_t *ws, int n, FILE *stream)
{
    int i = 0;
    wint_t c;

    if (n <= 0)
        return NULL;
    while (i < n - 1) {
        c = fgetwc(stream);
        if (c == WEOF) {
            if (i == 0 || !feof(stream))        /* a read error or EILSEQ */
                return NULL;
            break;
        }
        ws[i++] = (wchar_t)c;
        if (c == L'\n')
            break;
    }
    ws[i] = 0;
    return ws;
}

wint_t ungetwc(wint_t wc, FILE *stream)
{
    int byte = wctob(wc);

    if (wc == WEOF || byte == EOF)
        return WEOF;
    return ungetc(byte, stream) == EOF ? WEOF : wc;
}
