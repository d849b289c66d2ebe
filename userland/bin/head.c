/*
 * head - print the first lines, or bytes, of files.
 *
 *     head [-n [-]N] [-c [-]N] [-q | -v] [FILE...]
 *     head -N [FILE...]
 *
 * Prints the first N lines (default 10) of each FILE, or of standard input for no FILE or "-";
 * -n -N prints all but the last N lines. -c N and -c -N count bytes instead. With several files,
 * each one is introduced by a header "==> FILE <==" and the files are separated by a blank line;
 * -q never prints the headers, -v always does. -N is the old way to write -n N, and as in GNU's
 * head only the first argument can be one. Other options may follow the files: libc's getopt
 * reorders them, as glibc's does (head file -n 3).
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <unistd.h>
#define PROGRAM "head"
#define SIGNS "-"
#include "headtail.h"

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: head [-n [-]N] [-c [-]N] [-q | -v] [FILE...]\n");
    exit(1);
}

/* The first n lines of f, or its first n bytes. */
static void head_first(FILE *f, long n, int bytes)
{
    int c;

    while (n > 0 && (c = getc(f)) != EOF) {
        putchar(c);
        if (bytes || c == '\n')
            n--;
    }
}

/* All of f but its last n bytes: a ring of n bytes holds back what might be among the last. */
static void head_but_last_bytes(FILE *f, long n)
{
    char *ring = malloc(n ? (size_t)n : 1);
    long count = 0;
    int c;

    if (ring == NULL) {
        fprintf(stderr, "head: out of memory\n");
        exit(1);
    }
    while ((c = getc(f)) != EOF) {
        if (n == 0) {
            putchar(c);
            continue;
        }
        if (count >= n)
            putchar(ring[count % n]);      /* n bytes have come after it: it is not among the last */
        ring[count++ % n] = (char)c;
    }
    free(ring);
}

/* All of f but its last n lines (a last line without a newline counts), the same way with a ring
 * of n lines. */
static void head_but_last_lines(FILE *f, long n)
{
    char **ring = calloc(n ? (size_t)n : 1, sizeof *ring);
    size_t *lens = calloc(n ? (size_t)n : 1, sizeof *lens);
    char *text = NULL;
    size_t size = 0;
    ssize_t len;
    long count = 0, i;

    if (ring == NULL || lens == NULL) {
        fprintf(stderr, "head: out of memory\n");
        exit(1);
    }
    while ((len = getline(&text, &size, f)) >= 0) {
        if (n == 0) {
            fwrite(text, 1, (size_t)len, stdout);
            continue;
        }
        if (count >= n)
            fwrite(ring[count % n], 1, lens[count % n], stdout);
        free(ring[count % n]);
        ring[count % n] = text;            /* keep getline's buffer; it allocates a new one */
        lens[count++ % n] = (size_t)len;
        text = NULL;
        size = 0;
    }
    free(text);
    for (i = 0; i < n; i++)
        free(ring[i]);
    free(ring);
    free(lens);
}

int main(int argc, char **argv)
{
    struct counting k = {10, 0, 0, -1};
    int c, status = 0, i;
    FILE *f;

    old_count(&argc, &argv, &k);
    while ((c = getopt(argc, argv, "n:c:qv")) != -1)
        if (!count_option(c, &k))
            usage();
    files_or_stdin(argc, argv, &optind, &k);
    for (i = optind; i < argc; i++) {
        if ((f = open_file(argv[i], &k, &status)) == NULL)
            continue;
        if (k.sign != '-')
            head_first(f, k.count, k.bytes);
        else if (k.bytes)
            head_but_last_bytes(f, k.count);
        else
            head_but_last_lines(f, k.count);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
