/*
 * tail - print the last lines of files.
 *
 *     tail [-n N] [-n +N] [-N] [FILE...]
 *
 * Prints the last N lines (default 10) of each FILE, or of standard input for no FILE or "-";
 * with -n +N, every line from line N on. -N is the old way to write -n N. With several files,
 * each one is introduced by a header "==> FILE <==", separated by a blank line.
 * The last N lines are kept in a ring of N lines while the file is read, so any input works,
 * a pipe included, in memory for only N lines.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct line {
    char *text;
    size_t len;
};

static void usage(void)
{
    fprintf(stderr, "usage: tail [-n [+]N] [FILE...]\n");
    exit(1);
}

/* "N" or "+N" (*from_start set for "+N"). */
static long parse_count(const char *s, int *from_start)
{
    char *end;
    long n;

    *from_start = *s == '+';
    if (*s == '+')
        s++;
    if (isdigit((unsigned char)*s)) {
        n = strtol(s, &end, 10);
        if (*end == '\0')
            return n;
    }
    fprintf(stderr, "tail: invalid number of lines: '%s'\n", s);
    exit(1);
}

/* Print the lines of f from line n on (1-based). */
static void tail_from(FILE *f, long n)
{
    char *text = NULL;
    size_t size = 0;
    ssize_t len;
    long lineno = 0;

    while ((len = getline(&text, &size, f)) >= 0)
        if (++lineno >= n)
            fwrite(text, 1, (size_t)len, stdout);
    free(text);
}

/* Print the last n lines of f. */
static void tail_last(FILE *f, long n)
{
    struct line *ring;
    long count = 0, i;
    char *text = NULL;
    size_t size = 0;
    ssize_t len;

    if (n == 0)
        return;
    ring = calloc((size_t)n, sizeof *ring);
    if (ring == NULL) {
        fprintf(stderr, "tail: out of memory\n");
        exit(1);
    }
    while ((len = getline(&text, &size, f)) >= 0) {
        struct line *slot = &ring[count++ % n];
        free(slot->text);
        slot->text = text;          /* keep getline's buffer; it allocates a new one */
        slot->len = (size_t)len;
        text = NULL;
        size = 0;
    }
    free(text);
    for (i = count > n ? count - n : 0; i < count; i++)
        fwrite(ring[i % n].text, 1, ring[i % n].len, stdout);
    for (i = 0; i < n; i++)
        free(ring[i].text);
    free(ring);
}

int main(int argc, char **argv)
{
    long lines = 10;
    int i, status = 0, nfiles, from_start = 0, first = 1;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (isdigit((unsigned char)argv[i][1])) {
            lines = parse_count(argv[i] + 1, &from_start);
        } else if (argv[i][1] == 'n') {
            if (argv[i][2] != '\0')
                lines = parse_count(argv[i] + 2, &from_start);
            else if (i + 1 < argc)
                lines = parse_count(argv[++i], &from_start);
            else
                usage();
        } else {
            fprintf(stderr, "tail: invalid option -- '%c'\n", argv[i][1]);
            usage();
        }
    }
    nfiles = argc - i;
    if (nfiles == 0) {
        argv[--i] = "-";            /* read standard input, as if "-" had been given */
        nfiles = 1;
    }
    for (; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "tail: cannot open '%s' for reading: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (nfiles > 1) {
            printf("%s==> %s <==\n", first ? "" : "\n", f == stdin ? "standard input" : argv[i]);
            first = 0;
        }
        if (from_start)
            tail_from(f, lines);
        else
            tail_last(f, lines);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
