/*
 * sort - sort lines of text.
 *
 *     sort [-n] [-r] [-u] [FILE...]
 *
 * Reads every line of the FILEs (or of standard input, for no FILE or "-") and prints them in
 * order: by their bytes (as in the C locale), or with -n by the number they start with
 * (leading blanks, an optional '-', digits, an optional fraction; a line without one counts
 * as 0). Lines that compare equal are ordered by their bytes, as GNU sort does. -r reverses
 * the order; -u prints only the first (in input order) of each set of equal lines (equal as -n
 * compares them, with -n).
 * Exit status: 0, or 2 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct line {
    char *text;                 /* without its newline */
    size_t len;
    size_t index;               /* where it was read: for -u, the first of equal lines wins */
};

static struct line *lines;
static size_t nlines, cap;
static int numeric, reverse, unique;

static void read_lines(FILE *f)
{
    char *text = NULL;
    size_t size = 0;
    ssize_t len;

    while ((len = getline(&text, &size, f)) >= 0) {
        if (len > 0 && text[len - 1] == '\n')
            text[--len] = '\0';
        if (nlines == cap) {
            cap = cap ? 2 * cap : 64;
            lines = realloc(lines, cap * sizeof *lines);
            if (lines == NULL) {
                fprintf(stderr, "sort: out of memory\n");
                exit(2);
            }
        }
        lines[nlines].text = text;
        lines[nlines].len = (size_t)len;
        lines[nlines].index = nlines;
        nlines++;
        text = NULL;            /* the line keeps the buffer; getline allocates another */
        size = 0;
    }
    free(text);
}

/* The number a line starts with, for -n. */
static double leading_number(const char *s)
{
    double value = 0, scale = 1;
    int negative = 0;

    while (*s == ' ' || *s == '\t')
        s++;
    if (*s == '-') {
        negative = 1;
        s++;
    }
    for (; isdigit((unsigned char)*s); s++)
        value = value * 10 + (*s - '0');
    if (*s == '.')
        for (s++; isdigit((unsigned char)*s); s++)
            value += (*s - '0') * (scale /= 10);
    return negative ? -value : value;
}

/* Compare by the bytes, as unsigned chars; a line that is a prefix of another comes first. */
static int compare_bytes(const struct line *a, const struct line *b)
{
    size_t n = a->len < b->len ? a->len : b->len;
    int d = memcmp(a->text, b->text, n);

    if (d != 0)
        return d;
    return a->len < b->len ? -1 : a->len > b->len;
}

/* The sort key comparison: what -u calls "equal". */
static int compare_keys(const struct line *a, const struct line *b)
{
    if (numeric) {
        double x = leading_number(a->text), y = leading_number(b->text);
        return x < y ? -1 : x > y;
    }
    return compare_bytes(a, b);
}

static int compare(const void *pa, const void *pb)
{
    const struct line *a = pa, *b = pb;
    int d = compare_keys(a, b);

    if (d == 0 && unique)           /* keep equal lines in input order (qsort is not stable) */
        return a->index < b->index ? -1 : a->index > b->index;
    if (d == 0)
        d = compare_bytes(a, b);    /* the last resort: the whole line */
    return reverse ? -d : d;
}

int main(int argc, char **argv)
{
    int c, i, status = 0;
    size_t k;

    while ((c = getopt(argc, argv, "nru")) != -1) {
        switch (c) {
        case 'n': numeric = 1; break;
        case 'r': reverse = 1; break;
        case 'u': unique = 1; break;
        default:
            fprintf(stderr, "usage: sort [-n] [-r] [-u] [FILE...]\n");
            return 2;
        }
    }
    if (optind == argc)
        read_lines(stdin);
    for (i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "sort: cannot read: %s: %s\n", argv[i], strerror(errno));
            status = 2;
            continue;
        }
        read_lines(f);
        if (f != stdin)
            fclose(f);
    }
    if (status != 0)
        return status;              /* like GNU sort: no output if an input was missing */
    qsort(lines, nlines, sizeof *lines, compare);
    for (k = 0; k < nlines; k++) {
        if (unique && k > 0 && compare_keys(&lines[k - 1], &lines[k]) == 0)
            continue;
        fwrite(lines[k].text, 1, lines[k].len, stdout);
        putchar('\n');
    }
    return 0;
}
