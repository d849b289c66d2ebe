/*
 * printf - print formatted text.
 *
 *     printf FORMAT [ARGUMENT...]
 *
 * Prints FORMAT, in which backslash escapes (\n \t \\ \a \b \f \r \v \" \NNN octal,
 * \xHH hex) stand for
 * characters and % directives are replaced by the ARGUMENTs in turn, as C's printf does:
 *     %d %i %o %u %x %X %c    integers ('A or "A stands for the code of A; 0x.. hex, 0.. octal)
 *     %f %F %e %E %g %G       floating point
 *     %s                      a string;  %b  a string in which the escapes above are expanded
 *     %%                      a '%'
 * with the flags - + space # 0, a width and a precision (numbers, or * for an ARGUMENT).
 * A missing ARGUMENT counts as "" or 0. If ARGUMENTs are left over once FORMAT is done, FORMAT
 * is used again, until they are all used.
 * Exit status: 0, or 1 if an ARGUMENT was not a number where one was needed.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **args;
static int nargs, status;

static const char *next_arg(void)
{
    if (nargs == 0)
        return "";
    nargs--;
    return *args++;
}

/* Check that strtoX parsed all of s; report it otherwise. */
static void check_number(const char *s, const char *end)
{
    if (end == s) {
        fprintf(stderr, "printf: '%s': expected a numeric value\n", s);
        status = 1;
    } else if (*end != '\0') {
        fprintf(stderr, "printf: '%s': value not completely converted\n", s);
        status = 1;
    } else if (errno == ERANGE) {
        fprintf(stderr, "printf: '%s': %s\n", s, strerror(ERANGE));
        status = 1;
    }
}

static long long integer_arg(int is_unsigned)
{
    const char *s = next_arg();
    char *end;
    long long n;

    if (*s == '\'' || *s == '"')            /* 'A: the character code of A */
        return (unsigned char)s[1];
    if (*s == '\0')
        return 0;
    errno = 0;
    n = is_unsigned && *s != '-' ? (long long)strtoull(s, &end, 0) : strtoll(s, &end, 0);
    check_number(s, end);
    return n;
}

static double double_arg(void)
{
    const char *s = next_arg();
    char *end;
    double x;

    if (*s == '\'' || *s == '"')
        return (unsigned char)s[1];
    if (*s == '\0')
        return 0;
    errno = 0;
    x = strtod(s, &end);
    check_number(s, end);
    return x;
}

/* Expand the escape at *pp (just after a backslash); advances *pp. Returns the character, or
 * -1 for \c (in %b: stop printing altogether). in_b: %b's octal form \0NNN. */
static int escape(const char **pp, int in_b)
{
    const char *p = *pp;
    int c = (unsigned char)*p++, i, max = 3;

    switch (c) {
    case 'a': c = '\a'; break;
    case 'b': c = '\b'; break;
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'v': c = '\v'; break;
    case 'c':
        if (in_b)
            c = -1;
        break;
    case '\0':                      /* a backslash at the very end: itself */
        p--;
        c = '\\';
        break;
    case 'x':                       /* \xHH: one or two hex digits */
        if (!isxdigit((unsigned char)*p)) {
            p--;
            c = '\\';
            break;
        }
        for (c = 0, i = 0; i < 2 && isxdigit((unsigned char)*p); i++, p++) {
            int d = tolower((unsigned char)*p);
            c = c * 16 + (isdigit(d) ? d - '0' : d - 'a' + 10);
        }
        break;
    default:
        if (c >= '0' && c <= '7') {
            if (in_b && c == '0')   /* \0NNN */
                c = 0;
            else
                c -= '0', max = 2;
            for (i = 0; i < max && *p >= '0' && *p <= '7'; i++)
                c = c * 8 + *p++ - '0';
            c &= 0xff;
        } else if (c != '\\' && c != '"' && c != '\'') {
            p--;                    /* not an escape: print the backslash and go on */
            c = '\\';
        }
    }
    *pp = p;
    return c;
}

/* The string s with %b's escapes expanded (malloc'd); *stop set if it had \c. */
static char *expand(const char *s, int *stop)
{
    char *out = malloc(strlen(s) + 1), *o = out;

    if (out == NULL)
        exit(1);
    while (*s != '\0') {
        int c = (unsigned char)*s++;
        if (c == '\\' && (c = escape(&s, 1)) < 0) {
            *stop = 1;
            break;
        }
        *o++ = (char)c;
    }
    *o = '\0';
    return out;
}

/* Print FORMAT once. Returns 1 if printing must stop (\c). */
static int format_once(const char *f)
{
    char spec[64];

    while (*f != '\0') {
        size_t n = 0;
        int width = 0, prec = -1, has_width = 0, stop = 0, conv;
        if (*f == '\\') {
            f++;
            putchar(escape(&f, 0));
            continue;
        }
        if (*f != '%') {
            putchar(*f++);
            continue;
        }
        if (f[1] == '%') {
            putchar('%');
            f += 2;
            continue;
        }
        /* Collect "%[flags]" into spec, then add the width and precision as numbers */
        spec[n++] = *f++;
        while (*f != '\0' && strchr("-+ #0", *f) != NULL && n < 8)
            spec[n++] = *f++;
        if (*f == '*') {
            width = (int)integer_arg(0);
            has_width = 1;
            f++;
        } else if (isdigit((unsigned char)*f)) {
            width = (int)strtol(f, (char **)&f, 10);
            has_width = 1;
        }
        if (*f == '.') {
            f++;
            if (*f == '*') {
                prec = (int)integer_arg(0);
                f++;
            } else {
                prec = (int)strtol(f, (char **)&f, 10);
            }
        }
        if (has_width)
            n += (size_t)snprintf(spec + n, 20, "%d", width);
        if (prec >= 0)
            n += (size_t)snprintf(spec + n, 20, ".%d", prec);
        conv = *f;
        if (conv == '\0' || strchr("diouxXcsbfFeEgG", conv) == NULL) {
            fprintf(stderr, "printf: %%%c: invalid conversion specification\n", conv ? conv : ' ');
            exit(1);
        }
        f++;
        switch (conv) {
        case 'd':
        case 'i':
            strcpy(spec + n, "lld");
            printf(spec, integer_arg(0));
            break;
        case 'o':
        case 'u':
        case 'x':
        case 'X':
            spec[n] = 'l';
            spec[n + 1] = 'l';
            spec[n + 2] = (char)conv;
            spec[n + 3] = '\0';
            printf(spec, (unsigned long long)integer_arg(1));
            break;
        case 'c':
            strcpy(spec + n, "c");
            printf(spec, *next_arg());
            break;
        case 's':
            strcpy(spec + n, "s");
            printf(spec, next_arg());
            break;
        case 'b': {
            char *s = expand(next_arg(), &stop);
            strcpy(spec + n, "s");
            printf(spec, s);
            free(s);
            if (stop)
                return 1;
            break;
        }
        default:                    /* f F e E g G */
            spec[n] = (char)conv;
            spec[n + 1] = '\0';
            printf(spec, double_arg());
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    int before;

    if (argc < 2) {
        fprintf(stderr, "usage: printf FORMAT [ARGUMENT...]\n");
        return 1;
    }
    args = argv + 2;
    nargs = argc - 2;
    do {
        before = nargs;
        if (format_once(argv[1]))
            break;
    } while (nargs > 0 && nargs < before);   /* again, while it uses up ARGUMENTs */
    return status;
}
