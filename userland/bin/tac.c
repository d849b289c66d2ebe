/*
 * tac - write files last line first ("cat" backwards).
 *
 *     tac [-b] [-s SEPARATOR] [FILE...]
 *
 * Each file (standard input without one, or for "-") is read whole and its records written in
 * the opposite order. A record is a line: what ends with a newline (the SEPARATOR string with
 * -s). A last record without one is written as it is, so "a\nb" comes out as "ba\n", as GNU's.
 *   -b            the separator starts a record instead of ending it
 *   -s SEPARATOR  records end with this string, not a newline ('' is a NUL byte)
 * GNU's long options --before and --separator=SEP are understood.
 * Not supported: -r (a regular-expression separator): ufos's regexec stops at a NUL byte and
 * has no REG_STARTEND, so it cannot search a file's bytes as they are.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *separator = "\n";
static size_t sep_len = 1;
static int before;

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: tac [-b] [-s SEPARATOR] [FILE...]\n");
    exit(1);
}

/* all of f, into *size bytes */
static char *read_all(FILE *f, size_t *size)
{
    size_t cap = 4096, len = 0, n;
    char *buf = malloc(cap);

    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
    }
    *size = len;
    return buf;
}

/* where the last separator in buf[0, end) starts, or -1 */
static long rfind(const char *buf, size_t end)
{
    for (size_t i = end; i >= sep_len; i--)
        if (memcmp(buf + i - sep_len, separator, sep_len) == 0)
            return (long)(i - sep_len);
    return -1;
}

/* the records from the last: GNU's tac also searches backwards (which matters only for a
   separator that can overlap itself) */
static void tac(const char *buf, size_t len)
{
    size_t end = len, written_to = len;
    long at;

    while ((at = rfind(buf, end)) >= 0) {
        size_t cut = before ? (size_t)at : (size_t)at + sep_len;

        fwrite(buf + cut, 1, written_to - cut, stdout);
        written_to = cut;
        end = (size_t)at;
    }
    fwrite(buf, 1, written_to, stdout);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "before", no_argument, NULL, 'b' },
        { "separator", required_argument, NULL, 's' },
        { NULL, 0, NULL, 0 },
    };
    int status = 0, c;

    while ((c = getopt_long(argc, argv, "bs:", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': before = 1; break;
        case 's':
            separator = optarg;
            sep_len = strlen(optarg);
            if (sep_len == 0)               /* -s '': a NUL byte, as in GNU tac */
                sep_len = 1;
            break;
        default: usage();
        }
    }
    if (optind == argc)
        argv[--optind] = "-";
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        size_t len;
        char *buf;

        if (f == NULL) {
            fprintf(stderr, "tac: failed to open '%s' for reading: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        buf = read_all(f, &len);
        tac(buf, len);
        free(buf);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
