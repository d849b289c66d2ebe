/*
 * cut - print selected parts of each line.
 *
 *     cut -c LIST [FILE...]
 *     cut -f LIST [-d DELIM] [-s] [FILE...]
 *
 * -c LIST prints the characters (bytes) at the positions in LIST; -b is the same. -f LIST
 * prints the fields in LIST, fields being separated by DELIM (-d, one character; default a
 * tab) and printed separated by it; a line without DELIM is printed whole, or not at all with
 * -s. LIST is a comma-separated list of positions, counted from 1, and ranges: N, N-M, N-
 * (N to the end), -M (1 to M). Whatever the order of LIST, the parts come out in line order.
 * Input: the FILEs, or standard input for no FILE or "-".
 * Exit status: 0, or 1 on an error.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MAX_RANGES 64

static long range_lo[MAX_RANGES], range_hi[MAX_RANGES];    /* hi = 0: to the end */
static int nranges;

static void usage(void)
{
    fprintf(stderr, "usage: cut -c LIST [FILE...]\n       cut -f LIST [-d DELIM] [-s] [FILE...]\n");
    exit(1);
}

static long parse_position(const char **pp)
{
    long n = 0;

    while (isdigit((unsigned char)**pp))
        n = n * 10 + *(*pp)++ - '0';
    return n;
}

static void parse_list(const char *s)
{
    const char *list = s;

    do {
        long lo = 1, hi;
        if (nranges == MAX_RANGES || !(isdigit((unsigned char)*s) || *s == '-'))
            goto bad;
        if (*s != '-')
            lo = parse_position(&s);
        hi = lo;
        if (*s == '-') {
            s++;
            hi = isdigit((unsigned char)*s) ? parse_position(&s) : 0;
            if (hi == 0 && lo == 1 && s[-1] == '-' && s - 1 == list)
                goto bad;               /* a lone "-" */
        }
        if (lo == 0 || (hi != 0 && hi < lo) || (*s != ',' && *s != '\0'))
            goto bad;
        range_lo[nranges] = lo;
        range_hi[nranges++] = hi;
    } while (*s++ == ',');
    return;
bad:
    fprintf(stderr, "cut: invalid list: '%s'\n", list);
    exit(1);
}

static int selected(long position)
{
    int i;

    for (i = 0; i < nranges; i++)
        if (position >= range_lo[i] && (range_hi[i] == 0 || position <= range_hi[i]))
            return 1;
    return 0;
}

static int by_fields, only_delimited;
static char delim = '\t';

/* One line, without its newline. */
static void cut_line(const char *line, size_t len)
{
    size_t i, start;
    long field = 1;
    int printed = 0;

    if (!by_fields) {
        for (i = 0; i < len; i++)
            if (selected((long)i + 1))
                putchar(line[i]);
        putchar('\n');
        return;
    }
    if (memchr(line, delim, len) == NULL) {
        if (!only_delimited) {
            fwrite(line, 1, len, stdout);
            putchar('\n');
        }
        return;
    }
    for (start = i = 0; i <= len; i++) {
        if (i < len && line[i] != delim)
            continue;
        if (selected(field)) {
            if (printed)
                putchar(delim);
            fwrite(line + start, 1, i - start, stdout);
            printed = 1;
        }
        field++;
        start = i + 1;
    }
    putchar('\n');
}

int main(int argc, char **argv)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    int c, i, status = 0, have_list = 0;

    while ((c = getopt(argc, argv, "b:c:f:d:s")) != -1) {
        switch (c) {
        case 'b':
        case 'c':
        case 'f':
            if (have_list++)
                usage();
            by_fields = c == 'f';
            parse_list(optarg);
            break;
        case 'd':
            if (strlen(optarg) != 1) {
                fprintf(stderr, "cut: the delimiter must be a single character\n");
                usage();
            }
            delim = optarg[0];
            break;
        case 's':
            only_delimited = 1;
            break;
        default:
            usage();
        }
    }
    if (!have_list)
        usage();
    if (optind == argc)
        argv[--optind] = "-";
    for (i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "cut: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        while ((len = getline(&line, &size, f)) >= 0) {
            if (len > 0 && line[len - 1] == '\n')
                len--;
            cut_line(line, (size_t)len);
        }
        if (f != stdin)
            fclose(f);
    }
    free(line);
    return status;
}
