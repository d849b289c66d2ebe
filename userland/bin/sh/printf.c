/*
 * printf.c - the printf builtin: printf FORMAT [ARG...].
 *
 * The format's backslash escapes (\n, \t, \\, \NNN octal ...) and conversions (%s %b %c %d %i %u
 * %o %x %X %e %f %g %%, with flags, width and precision, * included) work as in C, with the
 * arguments as strings. When there are more arguments than conversions, the format is used again
 * until they run out; a missing argument is "" or 0. A numeric argument may be 'c: the code of c.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct pf {
    char **args;
    int nargs, next;
    int status;
    struct strbuf out;
};

static const char *next_arg(struct pf *p)
{
    return p->next < p->nargs ? p->args[p->next++] : NULL;
}

static long number_arg(struct pf *p)
{
    const char *s = next_arg(p);
    char *end;
    long v;

    if (s == NULL || *s == '\0')
        return 0;
    if (s[0] == '\'' || s[0] == '"')
        return (unsigned char)s[1];
    errno = 0;
    v = strtol(s, &end, 0);
    if (*end != '\0' || errno != 0) {
        sh_warn("printf: %s: %s", s, end == s ? "expected numeric value" : "not completely converted");
        p->status = 1;
    }
    return v;
}

static double float_arg(struct pf *p)
{
    const char *s = next_arg(p);
    char *end;
    double v;

    if (s == NULL || *s == '\0')
        return 0;
    v = strtod(s, &end);
    if (*end != '\0') {
        sh_warn("printf: %s: not completely converted", s);
        p->status = 1;
    }
    return v;
}

/* A backslash escape at s (just after the \); adds it to sb, returns the characters used, or -1
 * for \c (stop all output). */
static int escape(struct strbuf *sb, const char *s, int in_b)
{
    int v = 0, i = 0;

    switch (*s) {
    case 'a': sb_addc(sb, '\a'); return 1;
    case 'b': sb_addc(sb, '\b'); return 1;
    case 'c': return in_b ? -1 : (sb_adds(sb, "\\c"), 1);
    case 'f': sb_addc(sb, '\f'); return 1;
    case 'n': sb_addc(sb, '\n'); return 1;
    case 'r': sb_addc(sb, '\r'); return 1;
    case 't': sb_addc(sb, '\t'); return 1;
    case 'v': sb_addc(sb, '\v'); return 1;
    case '\\': sb_addc(sb, '\\'); return 1;
    case '"': sb_addc(sb, '"'); return 1;
    case '\'': sb_addc(sb, '\''); return 1;
    default: break;
    }
    if (*s >= '0' && *s <= '7') {
        if (in_b && *s == '0')          /* %b: \0NNN */
            i = 1;
        while (i < (in_b ? 4 : 3) && s[i] >= '0' && s[i] <= '7')
            v = v * 8 + (s[i++] - '0');
        sb_addc(sb, v);
        return i;
    }
    sb_addc(sb, '\\');
    return 0;
}

/* %b: the argument with its escapes. 0 after \c. */
static int add_b(struct pf *p, const char *s)
{
    while (*s) {
        if (*s == '\\' && s[1]) {
            int n = escape(&p->out, s + 1, 1);

            if (n < 0)
                return 0;
            s += 1 + n;
        } else {
            sb_addc(&p->out, *s++);
        }
    }
    return 1;
}

/* Format one conversion with C's snprintf: spec is "%[flags][width][.prec]" and conv its letter. */
static void convert(struct pf *p, const char *spec, size_t speclen, char conv)
{
    char fmt[64], buf[512];
    char *big = NULL;
    int n = 0;

    if (speclen > 40)
        speclen = 40;
    memcpy(fmt, spec, speclen);
    switch (conv) {
    case 'd': case 'i': case 'o': case 'u': case 'x': case 'X': {
        long v = number_arg(p);

        fmt[speclen] = 'l';
        fmt[speclen + 1] = conv == 'i' ? 'd' : conv;
        fmt[speclen + 2] = '\0';
        n = snprintf(buf, sizeof buf, fmt, v);
        break;
    }
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
        double v = float_arg(p);

        fmt[speclen] = conv;
        fmt[speclen + 1] = '\0';
        n = snprintf(buf, sizeof buf, fmt, v);
        break;
    }
    case 'c': {
        const char *s = next_arg(p);

        fmt[speclen] = 'c';
        fmt[speclen + 1] = '\0';
        n = snprintf(buf, sizeof buf, fmt, s && *s ? *s : '\0');
        if (s == NULL || *s == '\0') {
            n = 0;          /* %c of nothing prints nothing (but the width) */
            buf[0] = '\0';
        }
        break;
    }
    default: {  /* 's' */
        const char *s = next_arg(p);

        fmt[speclen] = 's';
        fmt[speclen + 1] = '\0';
        n = snprintf(buf, sizeof buf, fmt, s ? s : "");
        if (n >= (int)sizeof buf) {
            big = xmalloc((size_t)n + 1);
            snprintf(big, (size_t)n + 1, fmt, s ? s : "");
        }
        break;
    }
    }
    if (n > 0)
        sb_addn(&p->out, big ? big : buf, big ? (size_t)n : strlen(buf));
    free(big);
}

/* One pass over the format. Returns 0 if output must stop (\c in %b). */
static int format_once(struct pf *p, const char *f)
{
    while (*f) {
        struct strbuf spec;
        char conv;

        if (*f == '\\') {
            f += 1 + escape(&p->out, f + 1, 0);
            continue;
        }
        if (*f != '%') {
            sb_addc(&p->out, *f++);
            continue;
        }
        if (f[1] == '%') {
            sb_addc(&p->out, '%');
            f += 2;
            continue;
        }
        sb_init(&spec);
        sb_addc(&spec, *f++);
        while (*f && strchr("-+ #0", *f))
            sb_addc(&spec, *f++);
        for (;;) {          /* width, then precision; a * takes an argument */
            if (*f == '*') {
                char num[24];

                snprintf(num, sizeof num, "%ld", number_arg(p));
                sb_adds(&spec, num);
                f++;
            } else {
                while (*f >= '0' && *f <= '9')
                    sb_addc(&spec, *f++);
            }
            if (*f != '.' || strchr(spec.s, '.') != NULL)
                break;
            sb_addc(&spec, *f++);
        }
        conv = *f;
        if (conv == '\0' || !strchr("diouxXeEfFgGcsb", conv)) {
            sh_warn("printf: %%%c: invalid directive", conv ? conv : ' ');
            p->status = 1;
            sb_free(&spec);
            return 0;
        }
        f++;
        if (conv == 'b') {
            const char *s = next_arg(p);

            if (s != NULL && !add_b(p, s)) {
                sb_free(&spec);
                return 0;
            }
        } else {
            convert(p, spec.s, spec.len, conv);
        }
        sb_free(&spec);
    }
    return 1;
}

int builtin_printf(int argc, char **argv)
{
    struct pf p;
    int argi = 1;

    if (argc > 1 && strcmp(argv[1], "--") == 0)
        argi++;
    if (argi >= argc) {
        sh_warn("printf: usage: printf format [arg ...]");
        return 2;
    }
    p.args = argv + argi + 1;
    p.nargs = argc - argi - 1;
    p.next = 0;
    p.status = 0;
    sb_init(&p.out);
    for (;;) {
        int before = p.next;

        if (!format_once(&p, argv[argi]))
            break;
        if (p.next >= p.nargs || p.next == before)     /* done, or the format takes none */
            break;
    }
    if (p.out.len > 0) {
        size_t done = 0;

        while (done < p.out.len) {
            ssize_t k = write(1, p.out.s + done, p.out.len - done);

            if (k <= 0)
                break;
            done += (size_t)k;
        }
    }
    sb_free(&p.out);
    return p.status;
}
