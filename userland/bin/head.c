/*
 * head - print the first lines of files.
 *
 *     head [-n N] [-N] [FILE...]
 *
 * Prints the first N lines (default 10) of each FILE, or of standard input for no FILE or "-".
 * -N is the old way to write -n N. With several files, each one is introduced by a header
 * "==> FILE <==", and the files are separated by a blank line.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    fprintf(stderr, "usage: head [-n N] [FILE...]\n");
    exit(1);
}

/* A line count: digits only. */
static long parse_count(const char *s)
{
    char *end;
    long n;

    if (!isdigit((unsigned char)*s))
        goto bad;
    n = strtol(s, &end, 10);
    if (*end == '\0')
        return n;
bad:
    fprintf(stderr, "head: invalid number of lines: '%s'\n", s);
    exit(1);
}

/* Copy the first n lines of f to stdout. */
static void head(FILE *f, long n)
{
    int c;

    while (n > 0 && (c = getc(f)) != EOF) {
        putchar(c);
        if (c == '\n')
            n--;
    }
}

int main(int argc, char **argv)
{
    long lines = 10;
    int i, status = 0, nfiles;

    /* Options by hand: getopt cannot parse the old form -N. */
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (isdigit((unsigned char)argv[i][1])) {
            lines = parse_count(argv[i] + 1);
        } else if (argv[i][1] == 'n') {
            if (argv[i][2] != '\0')
                lines = parse_count(argv[i] + 2);
            else if (i + 1 < argc)
                lines = parse_count(argv[++i]);
            else
                usage();
        } else {
            fprintf(stderr, "head: invalid option -- '%c'\n", argv[i][1]);
            usage();
        }
    }
    nfiles = argc - i;
    if (nfiles == 0) {
        head(stdin, lines);
        return 0;
    }
    for (; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "head: cannot open '%s' for reading: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (nfiles > 1) {
            static int first = 1;
            printf("%s==> %s <==\n", first ? "" : "\n",
                   f == stdin ? "standard input" : argv[i]);
            first = 0;
        }
        head(f, lines);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
