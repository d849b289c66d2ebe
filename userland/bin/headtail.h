/*
 * headtail.h - what head.c and tail.c share: their common options, GNU's, and the opening of each
 * file with its header. Each includer defines PROGRAM (its name, which its messages start with)
 * and SIGNS (the signs its counts take: head's "-", tail's "+-").
 *
 *   -n N, -c N   how many lines, or bytes; a sign before N means what the program says
 *   -N           -n N, the old way, as the first argument only (as in GNU's head and tail)
 *   -q, -v       never, or always, the "==> FILE <==" headers (by default: with several files)
 *
 * Options may follow the files: libc's getopt reorders them, as glibc's does (head file -n 3).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* What the options ask for. */
struct counting {
    long count;         /* lines, or bytes */
    int bytes;          /* -c */
    int sign;           /* the sign written before the count ('+', '-'), or 0 */
    int headers;        /* -q 0, -v 1, else -1 */
};

/* A count, digits after one of SIGNS, into k; what: "lines" or "bytes". */
static void parse_count(const char *s, const char *what, struct counting *k)
{
    const char *digits = s + (*s != '\0' && strchr(SIGNS, *s) != NULL);
    char *end;

    k->sign = digits == s ? 0 : *s;
    if (isdigit((unsigned char)*digits)) {
        errno = 0;
        k->count = strtol(digits, &end, 10);
        if (*end == '\0' && errno == 0)
            return;
    }
    fprintf(stderr, "%s: invalid number of %s: '%s'\n", PROGRAM, what, s);
    exit(1);
}

/* The old form, a count as the first argument ("-N", tail's "+N"): taken out of argv. */
static void old_count(int *argc, char ***argv, struct counting *k)
{
    char **v = *argv;

    if (*argc > 1 && v[1][0] != '\0' && strchr(SIGNS, v[1][0]) && isdigit((unsigned char)v[1][1])) {
        parse_count(v[1], "lines", k);
        if (k->sign == '-')
            k->sign = 0;            /* -N is N, the last N */
        v[1] = v[0];
        (*argv)++;
        (*argc)--;
    }
}

/* One of the common options, from getopt: 1 if c was one. */
static int count_option(int c, struct counting *k)
{
    switch (c) {
    case 'n':
    case 'c':
        k->bytes = c == 'c';
        parse_count(optarg, k->bytes ? "bytes" : "lines", k);
        return 1;
    case 'q':
        k->headers = 0;
        return 1;
    case 'v':
        k->headers = 1;
        return 1;
    }
    return 0;
}

/* The files to read, argv[*first..argc): "-" (standard input) if there are none. Sets the
 * headers' default. */
static void files_or_stdin(int argc, char **argv, int *first, struct counting *k)
{
    if (*first == argc)
        argv[--*first] = "-";       /* as if "-" had been given */
    if (k->headers < 0)
        k->headers = argc - *first > 1;
}

/* The file name names, open, with its header if there are headers; NULL (said, *status 1) if it
 * cannot be opened. */
static FILE *open_file(const char *name, const struct counting *k, int *status)
{
    static int first = 1;
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");

    if (f == NULL) {
        fprintf(stderr, "%s: cannot open '%s' for reading: %s\n", PROGRAM, name, strerror(errno));
        *status = 1;
        return NULL;
    }
    if (k->headers) {
        printf("%s==> %s <==\n", first ? "" : "\n", f == stdin ? "standard input" : name);
        first = 0;
    }
    return f;
}
