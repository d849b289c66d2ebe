/*
 * scanf.c - the scanf family: read text and convert it as a format says.
 *
 * One engine reads characters from a source (a stream, or a string for sscanf), one at a time
 * with one character of look-ahead. Numbers are collected into a small buffer and converted
 * with strtol / strtoul / strtod.
 *
 * Supported: whitespace (skips any amount), ordinary characters (must match), and conversions
 * %[*][width][length]C with C one of d i u o x X c s [ f e g a E G A p n %. %p reads a
 * hexadecimal address, which comes back as a pointer without any authority (untagged).
 * The result is the number of items assigned, or EOF if the input ended before the first one.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct source {
    FILE *stream;           /* read from this stream, or */
    const char *str;        /* from this string */
    long count;             /* characters consumed, for %n */
};

static int get(struct source *src)
{
    int c;

    if (src->stream != NULL) {
        c = fgetc(src->stream);
    } else {
        c = *src->str == '\0' ? EOF : (unsigned char)*src->str;
        if (c != EOF)
            src->str++;
    }
    if (c != EOF)
        src->count++;
    return c;
}

static void unget(struct source *src, int c)
{
    if (c == EOF)
        return;
    src->count--;
    if (src->stream != NULL)
        ungetc(c, src->stream);
    else
        src->str--;
}

/* Skip whitespace; the first other character (or EOF) stays unread and is returned. */
static int skip_space(struct source *src)
{
    int c;

    do
        c = get(src);
    while (c != EOF && isspace(c));
    unget(src, c);
    return c;
}

static int is_digit_in(int c, int base)
{
    if (base <= 10)
        return c >= '0' && c < '0' + base;
    return isdigit(c) || (c >= 'a' && c < 'a' + base - 10) || (c >= 'A' && c < 'A' + base - 10);
}

/* Collect the longest prefix that can be an integer in base (0: C's prefixes decide) into
 * buf; *base is set to the base found. Returns the number of characters. */
static int collect_integer(struct source *src, char *buf, int width, int *base)
{
    int n = 0, c = get(src);

    if (n < width && (c == '+' || c == '-')) {
        buf[n++] = (char)c;
        c = get(src);
    }
    if (n < width && c == '0' && (*base == 0 || *base == 16)) {
        buf[n++] = (char)c;
        c = get(src);
        if (n < width && (c == 'x' || c == 'X')) {
            int next = get(src);
            if (is_digit_in(next, 16)) {
                buf[n++] = (char)c;
                *base = 16;
                c = next;
            } else {
                unget(src, next);           /* "0x" then no digit: the number is "0" */
            }
        } else if (*base == 0) {
            *base = 8;
        }
    }
    if (*base == 0)
        *base = 10;
    while (n < width && is_digit_in(c, *base)) {
        buf[n++] = (char)c;
        c = get(src);
    }
    unget(src, c);
    buf[n] = '\0';
    return n;
}

/* Collect the longest prefix that can be a floating-point number. */
static int collect_float(struct source *src, char *buf, int width)
{
    int n = 0, c = get(src), digits = 0;

    if (n < width && (c == '+' || c == '-')) {
        buf[n++] = (char)c;
        c = get(src);
    }
    if (c == 'i' || c == 'I' || c == 'n' || c == 'N') {     /* inf, infinity, nan */
        while (n < width && isalpha(c)) {
            buf[n++] = (char)c;
            c = get(src);
        }
        unget(src, c);
        buf[n] = '\0';
        return n;
    }
    while (n < width && isdigit(c)) {
        buf[n++] = (char)c;
        c = get(src);
        digits++;
    }
    if (n < width && c == '.') {
        buf[n++] = (char)c;
        c = get(src);
        while (n < width && isdigit(c)) {
            buf[n++] = (char)c;
            c = get(src);
            digits++;
        }
    }
    if (digits > 0 && n < width && (c == 'e' || c == 'E')) {
        buf[n++] = (char)c;
        c = get(src);
        if (n < width && (c == '+' || c == '-')) {
            buf[n++] = (char)c;
            c = get(src);
        }
        while (n < width && isdigit(c)) {
            buf[n++] = (char)c;
            c = get(src);
        }
    }
    unget(src, c);
    buf[n] = '\0';
    return digits > 0 ? n : 0;
}

/* Store an integer through the next argument, as wide as the length modifier says. */
static void store_integer(va_list *ap, int length, unsigned long v)
{
    switch (length) {
    case 'H':
        *va_arg(*ap, signed char *) = (signed char)v;
        break;
    case 'h':
        *va_arg(*ap, short *) = (short)v;
        break;
    case 'l':
        *va_arg(*ap, long *) = (long)v;
        break;
    default:
        *va_arg(*ap, int *) = (int)v;
        break;
    }
}

static int vscan(struct source *src, const char *fmt, va_list ap_in)
{
    va_list ap;
    int assigned = 0, suppress, width, length, c, base, n, negate;
    char buf[128], *p;
    unsigned char set[256];

    va_copy(ap, ap_in);
    for (; *fmt != '\0'; fmt++) {
        if (isspace((unsigned char)*fmt)) {
            skip_space(src);
            continue;
        }
        if (*fmt != '%' || fmt[1] == '%') {
            if (*fmt == '%')
                fmt++;
            c = get(src);
            if (c != (unsigned char)*fmt) {
                unget(src, c);
                if (c == EOF && assigned == 0)
                    assigned = EOF;
                break;
            }
            continue;
        }
        fmt++;
        suppress = *fmt == '*';
        if (suppress)
            fmt++;
        width = 0;
        while (isdigit((unsigned char)*fmt))
            width = width * 10 + (*fmt++ - '0');
        length = 0;                         /* 'H' hh, 'h', 'l' (l ll j z t L q) */
        if (*fmt == 'h') {
            length = fmt[1] == 'h' ? 'H' : 'h';
            fmt += fmt[1] == 'h' ? 2 : 1;
        } else if (*fmt == 'l' || *fmt == 'j' || *fmt == 'z' || *fmt == 't' || *fmt == 'L'
                   || *fmt == 'q') {
            length = 'l';
            fmt += (fmt[0] == 'l' && fmt[1] == 'l') ? 2 : 1;
        }
        if (*fmt == '\0')
            break;

        if (*fmt == 'n') {
            if (!suppress)
                store_integer(&ap, length, (unsigned long)src->count);
            continue;
        }
        if (*fmt != 'c' && *fmt != '[' && skip_space(src) == EOF) {
            if (assigned == 0)
                assigned = EOF;
            break;
        }

        switch (*fmt) {
        case 'd': case 'i': case 'u': case 'o': case 'x': case 'X': case 'p':
            base = *fmt == 'd' || *fmt == 'u' ? 10 : *fmt == 'i' ? 0 : *fmt == 'o' ? 8 : 16;
            n = collect_integer(src, buf, width > 0 && width < 127 ? width : 127, &base);
            if (n == 0 || (n == 1 && (buf[0] == '+' || buf[0] == '-')))
                goto done;                  /* a matching failure */
            if (!suppress) {
                if (*fmt == 'p')
                    *va_arg(ap, void **) = (void *)strtoul(buf, NULL, 16);
                else if (*fmt == 'd' || *fmt == 'i')
                    store_integer(&ap, length, (unsigned long)strtol(buf, NULL, base));
                else
                    store_integer(&ap, length, strtoul(buf, NULL, base));
                assigned++;
            }
            break;
        case 'f': case 'e': case 'g': case 'a': case 'E': case 'G': case 'A': case 'F':
            n = collect_float(src, buf, width > 0 && width < 127 ? width : 127);
            if (n == 0)
                goto done;
            if (!suppress) {
                double v = strtod(buf, NULL);
                if (length == 'l')
                    *va_arg(ap, double *) = v;
                else
                    *va_arg(ap, float *) = (float)v;
                assigned++;
            }
            break;
        case 'c':
            if (width == 0)
                width = 1;
            p = suppress ? NULL : va_arg(ap, char *);
            for (n = 0; n < width; n++) {
                c = get(src);
                if (c == EOF)
                    break;
                if (p != NULL)
                    p[n] = (char)c;
            }
            if (n == 0) {
                if (assigned == 0)
                    assigned = EOF;
                goto done;
            }
            if (!suppress)
                assigned++;
            break;
        case 's':
        case '[':
            memset(set, 0, sizeof set);
            if (*fmt == 's') {
                for (c = 0; c < 256; c++)
                    set[c] = !isspace(c);
            } else {                        /* %[abc], %[^abc], %[a-z], %[]abc] */
                fmt++;
                negate = *fmt == '^';
                if (negate)
                    fmt++;
                if (*fmt == ']')
                    set[(unsigned char)*fmt++] = 1;
                for (; *fmt != '\0' && *fmt != ']'; fmt++) {
                    if (fmt[1] == '-' && fmt[2] != ']' && fmt[2] != '\0') {
                        for (c = (unsigned char)fmt[0]; c <= (unsigned char)fmt[2]; c++)
                            set[c] = 1;
                        fmt += 2;
                    } else {
                        set[(unsigned char)*fmt] = 1;
                    }
                }
                if (negate)
                    for (c = 0; c < 256; c++)
                        set[c] = !set[c];
                if (*fmt == '\0')
                    goto done;
            }
            p = suppress ? NULL : va_arg(ap, char *);
            for (n = 0; width == 0 || n < width; n++) {
                c = get(src);
                if (c == EOF || !set[c]) {
                    unget(src, c);
                    break;
                }
                if (p != NULL)
                    p[n] = (char)c;
            }
            if (n == 0)
                goto done;
            if (p != NULL) {
                p[n] = '\0';
                assigned++;
            }
            break;
        default:
            goto done;
        }
    }
done:
    va_end(ap);
    return assigned;
}

int vsscanf(const char *str, const char *format, va_list ap)
{
    struct source src;

    src.stream = NULL;
    src.str = str;
    src.count = 0;
    return vscan(&src, format, ap);
}

int vfscanf(FILE *stream, const char *format, va_list ap)
{
    struct source src;

    src.stream = stream;
    src.str = NULL;
    src.count = 0;
    return vscan(&src, format, ap);
}

int vscanf(const char *format, va_list ap)
{
    return vfscanf(stdin, format, ap);
}

int sscanf(const char *str, const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vsscanf(str, format, ap);
    va_end(ap);
    return n;
}

int fscanf(FILE *stream, const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vfscanf(stream, format, ap);
    va_end(ap);
    return n;
}

int scanf(const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vfscanf(stdin, format, ap);
    va_end(ap);
    return n;
}
