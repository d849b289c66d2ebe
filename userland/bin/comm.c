/*
 * comm - compare two sorted files line by line.
 *
 *     comm [-123] [-z] [--check-order|--nocheck-order] [--output-delimiter=STR] [--total] FILE1 FILE2
 *
 * Writes three columns: the lines only in FILE1, the lines only in FILE2, and the lines in both,
 * each column indented by one delimiter (a tab) more than the one before. -1, -2 and -3 leave out
 * that column (and its indentation). Either file may be "-", standard input.
 * The files must be sorted in byte order (LC_ALL=C, "sort"). As GNU's comm, a file found out of
 * order gives "comm: file N is not in sorted order" once and the status 1 at the end, but is
 * only checked once some line has not been paired (--check-order: always, and stop at once;
 * --nocheck-order: never).
 *   --output-delimiter=STR  STR between the columns     --total  a last line of the three counts
 *   -z  lines end with NUL bytes, not newlines
 * A last line without a newline is written with one.
 * Exit status: 0, or 1 if a file could not be read or was not sorted.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct line {
    char *text;                 /* with its line end (one is added to a last line without) */
    size_t len;
    size_t size;
};

static int show[4] = { 0, 1, 1, 1 };        /* the columns, 1 to 3 */
static const char *separator = "\t";
static size_t separator_len = 1;            /* --output-delimiter='' is one NUL byte, as GNU's */
static int line_end = '\n';
enum { CHECK_DEFAULT, CHECK_ALWAYS, CHECK_NEVER } check = CHECK_DEFAULT;
static int unpaired;                        /* some line has been only in one file */
static int disorder[2];                     /* the warning was given for the file */

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: comm [-123] [-z] [--check-order] [--nocheck-order] "
                    "[--output-delimiter=STR] [--total] FILE1 FILE2\n");
    exit(1);
}

/* the next line of f into l: 0 at the end of the file */
static int read_line(FILE *f, struct line *l)
{
    int c;

    l->len = 0;
    while ((c = getc(f)) != EOF) {
        if (l->len + 2 > l->size)
            l->text = realloc(l->text, l->size = l->size * 2 + 64);
        l->text[l->len++] = (char)c;
        if (c == line_end)
            return 1;
    }
    if (l->len == 0)
        return 0;
    l->text[l->len++] = (char)line_end;
    return 1;
}

/* the lines' order as bytes, their ends aside (a line is less than a longer one it starts) */
static int compare(const struct line *a, const struct line *b)
{
    size_t n = (a->len < b->len ? a->len : b->len) - 1;
    int order = memcmp(a->text, b->text, n);

    if (order != 0)
        return order;
    return (a->len > b->len) - (a->len < b->len);
}

static void check_order(const struct line *prev, const struct line *cur, int file)
{
    if (check == CHECK_NEVER || (check == CHECK_DEFAULT && !unpaired) || disorder[file - 1])
        return;
    if (compare(prev, cur) > 0) {
        fflush(stdout);
        fprintf(stderr, "comm: file %d is not in sorted order\n", file);
        if (check == CHECK_ALWAYS)
            exit(1);
        disorder[file - 1] = 1;
    }
}

static void write_line(const struct line *l, int column)
{
    if (!show[column])
        return;
    /* the columns before this one that are shown indent it */
    for (int c = 1; c < column; c++)
        if (show[c])
            fwrite(separator, 1, separator_len, stdout);
    fwrite(l->text, 1, l->len, stdout);
}

static FILE *open_input(const char *name)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");

    if (f == NULL) {
        fprintf(stderr, "comm: %s: %s\n", name, strerror(errno));
        exit(1);
    }
    return f;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "check-order", no_argument, NULL, 'C' },
        { "nocheck-order", no_argument, NULL, 'N' },
        { "output-delimiter", required_argument, NULL, 'D' },
        { "total", no_argument, NULL, 'T' },
        { "zero-terminated", no_argument, NULL, 'z' },
        { NULL, 0, NULL, 0 },
    };
    /* three lines a file: the current one, the one before and the one before that (GNU checks
       the last two again at the end of a file) */
    struct line lines[2][3] = { 0 };
    struct line *cur[2], *prev[2], *prev2[2], *swap;
    int have[2], total = 0, separator_set = 0, c;
    long counts[4] = { 0 };
    FILE *f[2];

    while ((c = getopt_long(argc, argv, "123z", longopts, NULL)) != -1) {
        switch (c) {
        case '1': case '2': case '3': show[c - '0'] = 0; break;
        case 'z': line_end = '\0'; break;
        case 'C': check = CHECK_ALWAYS; break;
        case 'N': check = CHECK_NEVER; break;
        case 'D':
            if (separator_set && strcmp(separator, optarg) != 0) {
                fprintf(stderr, "comm: multiple output delimiters specified\n");
                exit(1);
            }
            separator = optarg;
            separator_len = *optarg ? strlen(optarg) : 1;
            separator_set = 1;
            break;
        case 'T': total = 1; break;
        default: usage();
        }
    }
    if (argc - optind < 2) {
        if (argc == optind)
            fprintf(stderr, "comm: missing operand\n");
        else
            fprintf(stderr, "comm: missing operand after '%s'\n", argv[argc - 1]);
        usage();
    }
    if (argc - optind > 2) {
        fprintf(stderr, "comm: extra operand '%s'\n", argv[optind + 2]);
        usage();
    }
    for (int i = 0; i < 2; i++) {
        f[i] = open_input(argv[optind + i]);
        cur[i] = &lines[i][0];
        prev[i] = &lines[i][1];
        prev2[i] = &lines[i][2];
        have[i] = read_line(f[i], cur[i]);
    }
    while (have[0] || have[1]) {
        int order;

        if (!have[0])
            order = 1;
        else if (!have[1])
            order = -1;
        else
            order = compare(cur[0], cur[1]);
        if (order == 0) {
            write_line(cur[1], 3);
            counts[3]++;
        } else {
            unpaired = 1;
            write_line(order < 0 ? cur[0] : cur[1], order < 0 ? 1 : 2);
            counts[order < 0 ? 1 : 2]++;
        }
        for (int i = 0; i < 2; i++) {
            if ((i == 0 && order > 0) || (i == 1 && order < 0))
                continue;                   /* this file's line waits */
            swap = prev2[i];
            prev2[i] = prev[i];
            prev[i] = cur[i];
            cur[i] = swap;
            have[i] = read_line(f[i], cur[i]);
            if (have[i])
                check_order(prev[i], cur[i], i + 1);
            else if (prev2[i]->text != NULL)
                check_order(prev2[i], prev[i], i + 1);
        }
    }
    if (total) {
        for (int column = 1; column <= 3; column++) {
            printf("%ld", counts[column]);
            fwrite(separator, 1, separator_len, stdout);
        }
        printf("total%c", line_end);
    }
    fflush(stdout);
    if (disorder[0] || disorder[1]) {
        fprintf(stderr, "comm: input is not in sorted order\n");
        return 1;
    }
    return 0;
}
