/*
 * printf.c - printf: print formatted text. The one implementation, shared by the shell's builtin
 * and /bin/printf (see tools.h).
 *
 *     printf FORMAT [ARGUMENT...]
 *
 * Prints FORMAT, in which backslash escapes (\\ \a \b \e \f \n \r \t \v, \NNN octal, \xHH hex)
 * stand for characters and % directives are replaced by the ARGUMENTs in turn, as C's printf does:
 *     %d %i %o %u %x %X %c    integers ('A or "A stands for the code of A; 0x.. hex, 0.. octal)
 *     %f %F %e %E %g %G %a %A floating point
 *     %s                      a string;  %b  a string in which the escapes above are expanded,
 *                             \0NNN is octal too, and \c stops all output
 *     %%                      a '%'
 * with the flags - + space # 0, a width and a precision (numbers, or * for an ARGUMENT).
 * A missing ARGUMENT counts as "" or 0. If ARGUMENTs are left over once FORMAT is done, FORMAT
 * is used again, until they are all used.
 * Exit status: 0; 1 if an ARGUMENT was not a number where one was needed (it counts as what
 * could be read of it); 2 for a bad FORMAT, which stops printing there.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "tools.h"

static warn_fn warn;
static char **args;             /* the ARGUMENTs not used yet */
static int nargs, status;

static const char *next_arg(void)
{
    if (nargs == 0)
        return "";
    nargs--;
    return *args++;
}

/* Check that strtoX read all of s; report it otherwise. */
static void check_number(const char *s, const char *end)
{
    const char *problem = NULL;

    if (end == s)
        problem = "expected numeric value";
    else if (*end != '\0')
        problem = "not completely converted";
    else if (errno == ERANGE)
        problem = strerror(ERANGE);
    if (problem != NULL) {
        warn("printf: %s: %s", s, problem);
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
 * -1 for %b's \c (stop printing altogether). in_b: %b's rules (\c, and \0NNN octal). Anything
 * else after the backslash is no escape: the backslash stands for itself. */
static int escape(const char **pp, int in_b)
{
    const char *p = *pp;
    int c = (unsigned char)*p++, i, max = 3;

    switch (c) {
    case '\\': break;
    case 'a': c = '\a'; break;
    case 'b': c = '\b'; break;
    case 'e': c = '\033'; break;  /* escape (dash, GNU) */
    case 'f': c = '\f'; break;
    case 'n': c = '\n'; break;
    case 'r': c = '\r'; break;
    case 't': c = '\t'; break;
    case 'v': c = '\v'; break;
    case 'c':
        if (in_b)
            return -1;
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
        } else {
            p--;                    /* not an escape, or a backslash that ends the string */
            c = '\\';
        }
    }
    *pp = p;
    return c;
}

/* The string s with %b's escapes expanded (malloc'd), its length in *len: it may hold NULs
 * (\0); *stop set if it had \c. */
static char *expand(const char *s, size_t *len, int *stop)
{
    char *out = malloc(strlen(s) + 1), *o = out;

    if (out == NULL)
        return NULL;
    while (*s != '\0') {
        int c = (unsigned char)*s++;
        if (c == '\\' && (c = escape(&s, 1)) < 0) {
            *stop = 1;
            break;
        }
        *o++ = (char)c;
    }
    *len = (size_t)(o - out);
    return out;
}

/* %b's output: n bytes of s (NULs too, which C's %s would stop at), cut to the precision and
 * padded to the width as %s would do it; left_align is the - flag (or a width below 0). */
static void print_b(const char *s, size_t n, int width, int prec, int left_align)
{
    size_t pad;

    if (width < 0) {
        left_align = 1;
        width = -width;
    }
    if (prec >= 0 && (size_t)prec < n)
        n = (size_t)prec;
    pad = width > 0 && (size_t)width > n ? (size_t)width - n : 0;
    if (!left_align)
        while (pad-- > 0)
            putchar(' ');
    fwrite(s, 1, n, stdout);
    if (left_align)
        while (pad-- > 0)
            putchar(' ');
}

/* Print FORMAT once. Returns 1 if printing must stop (\c, or a bad directive). */
static int format_once(const char *f)
{
    char spec[64];

    while (*f != '\0') {
        const char *start = f;
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
        if (conv == '\0') {
            warn("printf: missing format character");
            status = 2;
            return 1;
        }
        if (strchr("diouxXcsbfFeEgGaA", conv) == NULL) {
            warn("printf: %.*s: invalid directive", (int)(f + 1 - start), start);
            status = 2;
            return 1;
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
            size_t len = 0;
            char *s = expand(next_arg(), &len, &stop);

            spec[n] = '\0';
            print_b(s != NULL ? s : "", len, width, prec, strchr(spec, '-') != NULL);
            free(s);
            if (stop)
                return 1;
            break;
        }
        default:                    /* f F e E g G a A */
            spec[n] = (char)conv;
            spec[n + 1] = '\0';
            printf(spec, double_arg());
        }
    }
    return 0;
}

int printf_main(int argc, char **argv, warn_fn warn_with)
{
    const char *format;
    int before;

    warn = warn_with;
    argv++, argc--;
    if (argc > 0 && strcmp(argv[0], "--") == 0)
        argv++, argc--;
    if (argc == 0) {
        warn("printf: usage: printf format [arg ...]");
        return 2;
    }
    format = argv[0];
    args = argv + 1;
    nargs = argc - 1;
    status = 0;
    do {
        before = nargs;
        if (format_once(format))
            break;
    } while (nargs > 0 && nargs < before);   /* again, while it uses up ARGUMENTs */
    fflush(stdout);                          /* all of it, before the shell's next command */
    return status;
}
