/*
 * split - cuts a file into pieces: GNU's split.
 *
 *     split [-l N | -b SIZE] [-d] [-a N] [FILE [PREFIX]]
 *
 * Writes FILE (standard input if none, or "-") into files of 1000 lines each, named PREFIX ("x")
 * and a suffix: xaa, xab, ..., xaz, xba, ... An empty input makes no file.
 *   -l N, --lines=N        N lines a file
 *   -b SIZE, --bytes=SIZE  SIZE bytes a file: a number, maybe with a unit, K M G (powers of 1024)
 *                          or KB MB GB (of 1000)
 *   -d, --numeric-suffixes suffixes of digits: x00, x01, ...
 *   -a N, --suffix-length=N   suffixes of N characters; without -a, 2, and as GNU's, the names
 *                          grow when they run short: after xyz come xzaaa ... xzyzz, xzzaaaa ...
 *                          (x89: x9000); with -a, running out is an error
 * Exit status: 0, or 1 if a file could not be read or written, or an option was bad.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *alphabet = "abcdefghijklmnopqrstuvwxyz";
static size_t suffix_length = 2;
static int suffix_auto = 1;         /* no -a: names grow instead of running out */
static char *name;                  /* the current output file's name: the prefix, then the suffix */
static size_t prefix_length;
static int out = -1;                /* the current output file; -1 before the first */

/* "split: WHAT: the error", and exit 1 */
static void fail(const char *what)
{
    fprintf(stderr, "split: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* the next name: the suffix counted up in the alphabet, as an odometer */
static void next_name(const char *prefix)
{
    size_t n = strlen(alphabet);

    if (name == NULL) {
        prefix_length = strlen(prefix);
        name = malloc(prefix_length + suffix_length + 1);
        strcpy(name, prefix);
        memset(name + prefix_length, alphabet[0], suffix_length);
        name[prefix_length + suffix_length] = '\0';
        return;
    }
    for (size_t i = prefix_length + suffix_length; i-- > prefix_length;) {
        const char *digit = strchr(alphabet, name[i]);

        if (digit[1] != '\0') {
            name[i] = digit[1];
            break;
        }
        if (i == prefix_length) {
            fprintf(stderr, "split: output file suffixes exhausted\n");
            exit(1);
        }
        name[i] = alphabet[0];
    }
    /* GNU's growing names: when the suffix's first letter becomes the last of the alphabet, it
     * joins the prefix and the suffix starts again one longer, so names stay in sorted order */
    if (suffix_auto && name[prefix_length] == alphabet[n - 1]) {
        prefix_length++;
        name = realloc(name, prefix_length + ++suffix_length + 1);
        memset(name + prefix_length, alphabet[0], suffix_length);
        name[prefix_length + suffix_length] = '\0';
    }
}

static void start_file(const char *prefix)
{
    if (out >= 0)
        close(out);
    next_name(prefix);
    if ((out = open(name, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0)
        fail(name);
}

static void put(const char *data, size_t n)
{
    if (write(out, data, n) != (ssize_t)n)
        fail(name);
}

/* -l N / -b N: N lines or bytes a file; a new file is opened only when there is more to write */
static void split(int fd, const char *prefix, long long count, int by_lines)
{
    static char buf[8192];
    long long left = 0;             /* lines or bytes the current file may still take */
    ssize_t got;

    while ((got = read(fd, buf, sizeof buf)) > 0) {
        for (char *p = buf, *end = buf + got; p < end;) {
            size_t take;

            if (left == 0) {
                start_file(prefix);
                left = count;
            }
            if (by_lines) {         /* up to the end of the line that ends this file's share */
                char *q = p;

                while (q < end && left > 0)
                    if (*q++ == '\n')
                        left--;
                take = (size_t)(q - p);
            } else {
                take = (size_t)(end - p) < (unsigned long long)left ? (size_t)(end - p) : (size_t)left;
                left -= (long long)take;
            }
            put(p, take);
            p += take;
        }
    }
    if (got < 0)
        fail("read error");
    if (out >= 0)
        close(out);
}

static void usage_error(void)
{
    fprintf(stderr, "Try 'split --help' for more information.\n");
    exit(1);
}

/* N for -l, -b or -a, with units for -b; 0 is invalid for -l and -b, as in GNU's */
static long long number(const char *s, const char *what, int units)
{
    char *end;
    long long n;

    errno = 0;
    n = strtoll(s, &end, 10);
    if (units && end != s && *end != '\0') {
        const char *unit = strchr("KMGTPE", *end == 'k' ? 'K' : *end);
        long long base = strcmp(end + 1, "B") == 0 ? 1000 : 1024;

        if (unit != NULL && (end[1] == '\0' || strcmp(end + 1, "B") == 0 || strcmp(end + 1, "iB") == 0)) {
            for (long i = unit - "KMGTPE"; i >= 0; i--)
                n *= base;
            end = "";
        }
    }
    if (end == s || *end != '\0' || n < 0 || errno != 0) {
        fprintf(stderr, "split: invalid %s: '%s'\n", what, s);
        exit(1);
    }
    if (n == 0 && units >= 0) {
        fprintf(stderr, "split: invalid %s: '%s': %s\n", what, s, strerror(ERANGE));
        exit(1);
    }
    return n;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "lines", required_argument, NULL, 'l' }, { "bytes", required_argument, NULL, 'b' },
        { "numeric-suffixes", no_argument, NULL, 'd' },
        { "suffix-length", required_argument, NULL, 'a' }, { NULL, 0, NULL, 0 },
    };
    long long count = 1000;
    int by_lines = 1, fd = 0, c;
    const char *file = "-", *prefix = "x";

    while ((c = getopt_long(argc, argv, "l:b:da:", longopts, NULL)) != -1) {
        switch (c) {
        case 'l': count = number(optarg, "number of lines", 0), by_lines = 1; break;
        case 'b': count = number(optarg, "number of bytes", 1), by_lines = 0; break;
        case 'd': alphabet = "0123456789"; break;
        case 'a': suffix_length = (size_t)number(optarg, "suffix length", -1), suffix_auto = 0; break;
        default: usage_error();
        }
    }
    if (argc - optind > 2) {
        fprintf(stderr, "split: extra operand '%s'\n", argv[optind + 2]);
        usage_error();
    }
    if (optind < argc)
        file = argv[optind];
    if (optind + 1 < argc)
        prefix = argv[optind + 1];
    if (strcmp(file, "-") != 0 && (fd = open(file, O_RDONLY)) < 0) {
        fprintf(stderr, "split: cannot open '%s' for reading: %s\n", file, strerror(errno));
        return 1;
    }
    split(fd, prefix, count, by_lines);
    return 0;
}
