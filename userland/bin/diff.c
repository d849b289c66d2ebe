/*
 * diff - show how two text files differ, line by line.
 *
 *     diff [-q] [-u | -U N] FILE1 FILE2
 *
 * Either FILE may be "-" (standard input). Without options the output is POSIX's "normal"
 * format: each change is a command that would turn FILE1 into FILE2 ("3a4,5", "7,8d6",
 * "10c12"), followed by the lines it removes ("< line") and adds ("> line"), "---" between.
 *   -u      the unified format: "--- FILE1" and "+++ FILE2" (with their times), then hunks
 *           "@@ -start,count +start,count @@" where each line is " " kept, "-" removed or
 *           "+" added, with 3 lines of context around the changes
 *   -U N    the same with N lines of context
 *   -q      only say "Files FILE1 and FILE2 differ"
 * A last line without a newline is followed by "\ No newline at end of file".
 * Exit status: 0 if the files are the same, 1 if they differ, 2 on trouble.
 * Not supported: -c, -r (directories), -b, -i, -w, -e.
 *
 * How it works: the lines both files begin and end with are set aside; for the rest, a table
 * holds the length of the longest common subsequence (LCS) of every pair of suffixes, and a walk
 * from the start keeps the lines of that subsequence and removes or adds the others (removals
 * first, as GNU diff prints them). Runs of removed and added lines between kept ones are the
 * changes. The table has a cell per pair of lines, so very different files of many thousand
 * lines are too big for it (diff says so).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_CELLS 16000000      /* the LCS table's limit: 64 MB */

struct file {
    const char *name;
    char **lines;               /* each without its '\n' */
    int n;
    int last_unterminated;      /* the last line had no '\n' */
    time_t mtime;
};

/* A change: FILE1's lines [a0, a1) are replaced by FILE2's [b0, b1) (0-based; either may be
 * empty). */
struct change {
    int a0, a1, b0, b1;
};

static _Noreturn void trouble(const char *what, const char *name)
{
    fprintf(stderr, "diff: %s: %s\n", name, what);
    exit(2);
}

static void *xrealloc(void *p, size_t n)
{
    p = realloc(p, n);
    if (p == NULL)
        trouble("out of memory", "diff");
    return p;
}

/* All of a file (or standard input) in memory, cut into lines. */
static void read_lines(struct file *f, const char *name)
{
    FILE *in = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    struct stat st;
    char *text = NULL, *line;
    size_t len = 0, cap = 0, got;
    int cap_lines = 0;

    if (in == NULL)
        trouble(strerror(errno), name);
    f->name = name;
    f->mtime = fstat(fileno(in), &st) == 0 && in != stdin ? st.st_mtime : time(NULL);
    for (;;) {
        if (len + 4096 > cap)
            text = xrealloc(text, cap = cap * 2 + 4096);
        got = fread(text + len, 1, cap - len - 1, in);
        if (got == 0)
            break;
        len += got;
    }
    if (ferror(in))
        trouble(strerror(errno), name);
    text[len] = '\0';
    f->n = 0;
    f->lines = NULL;
    f->last_unterminated = len > 0 && text[len - 1] != '\n';
    for (line = text; line < text + len; ) {
        char *nl = memchr(line, '\n', (size_t)(text + len - line));

        if (f->n == cap_lines)
            f->lines = xrealloc(f->lines, sizeof *f->lines * (size_t)(cap_lines = cap_lines * 2 + 64));
        f->lines[f->n++] = line;
        if (nl == NULL)
            break;
        *nl = '\0';
        line = nl + 1;
    }
}

/* Is line i the file's last, without a newline? ("x" and "x\n" are different lines.) */
static int unterminated(struct file *f, int i)
{
    return i == f->n - 1 && f->last_unterminated;
}

static int same_line(struct file *a, int i, struct file *b, int j)
{
    return strcmp(a->lines[i], b->lines[j]) == 0 && unterminated(a, i) == unterminated(b, j);
}

/* The changes that turn a into b, in order; returns how many. */
static int find_changes(struct file *a, struct file *b, struct change **out)
{
    int prefix = 0, suffix = 0, n, m, i, j, count = 0, cap = 0;
    unsigned *lcs;
    struct change *changes = NULL;

    while (prefix < a->n && prefix < b->n && same_line(a, prefix, b, prefix))
        prefix++;
    while (suffix < a->n - prefix && suffix < b->n - prefix &&
           same_line(a, a->n - 1 - suffix, b, b->n - 1 - suffix))
        suffix++;
    n = a->n - prefix - suffix;
    m = b->n - prefix - suffix;
    if ((double)(n + 1) * (m + 1) > MAX_CELLS)
        trouble("files too large and too different to compare", a->name);

    /* lcs[i * (m+1) + j]: the LCS length of a's middle lines from i on and b's from j on */
    lcs = calloc((size_t)(n + 1) * (size_t)(m + 1), sizeof *lcs);
    if (lcs == NULL)
        trouble("out of memory", "diff");
#define LCS(i, j) lcs[(size_t)(i) * (size_t)(m + 1) + (size_t)(j)]
    for (i = n - 1; i >= 0; i--)
        for (j = m - 1; j >= 0; j--)
            LCS(i, j) = same_line(a, prefix + i, b, prefix + j) ? LCS(i + 1, j + 1) + 1
                      : LCS(i + 1, j) >= LCS(i, j + 1) ? LCS(i + 1, j) : LCS(i, j + 1);

    for (i = j = 0; i < n || j < m; ) {
        struct change c;

        if (i < n && j < m && same_line(a, prefix + i, b, prefix + j)) {
            i++, j++;
            continue;
        }
        c.a0 = prefix + i;
        c.b0 = prefix + j;
        while (i < n || j < m) {        /* removals, then additions, up to the next kept line */
            if (i < n && j < m && same_line(a, prefix + i, b, prefix + j))
                break;
            if (i < n && (j == m || LCS(i + 1, j) >= LCS(i, j + 1)))
                i++;
            else
                j++;
        }
        c.a1 = prefix + i;
        c.b1 = prefix + j;
        if (count == cap)
            changes = xrealloc(changes, sizeof *changes * (size_t)(cap = cap * 2 + 16));
        changes[count++] = c;
    }
#undef LCS
    free(lcs);
    *out = changes;
    return count;
}

/* One line of output: the marker ("< ", "> ", "-", "+", " "), the line, and the note if it is
 * the file's last and had no newline. */
static void print_line(const char *marker, struct file *f, int i)
{
    printf("%s%s\n", marker, f->lines[i]);
    if (unterminated(f, i))
        printf("\\ No newline at end of file\n");
}

/* A range of lines in the normal format: "4" or "4,6" (1-based). */
static void print_range(int first, int last)
{
    if (first == last)
        printf("%d", first);
    else
        printf("%d,%d", first, last);
}

static void print_normal(struct file *a, struct file *b, struct change *changes, int count)
{
    int k, i;

    for (k = 0; k < count; k++) {
        struct change *c = &changes[k];

        if (c->a0 == c->a1) {                   /* lines added after a's line a0 */
            printf("%da", c->a0);
            print_range(c->b0 + 1, c->b1);
        } else if (c->b0 == c->b1) {            /* lines removed; b goes on after its line b0 */
            print_range(c->a0 + 1, c->a1);
            printf("d%d", c->b0);
        } else {
            print_range(c->a0 + 1, c->a1);
            printf("c");
            print_range(c->b0 + 1, c->b1);
        }
        printf("\n");
        for (i = c->a0; i < c->a1; i++)
            print_line("< ", a, i);
        if (c->a0 != c->a1 && c->b0 != c->b1)
            printf("---\n");
        for (i = c->b0; i < c->b1; i++)
            print_line("> ", b, i);
    }
}

/* "--- name\t2026-01-31 12:00:00.000000000 +0000", the header line of the unified format */
static void print_file_header(const char *marker, struct file *f)
{
    char when[64];
    struct tm tm;

    localtime_r(&f->mtime, &tm);
    strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S.000000000 %z", &tm);
    printf("%s %s\t%s\n", marker, f->name, when);
}

/* A hunk's range in the unified format: "start,count", "start" when count is 1, and for no
 * lines the line before them, "3,0". */
static void print_hunk_range(int first, int count)
{
    if (count == 1)
        printf("%d", first + 1);
    else
        printf("%d,%d", count == 0 ? first : first + 1, count);
}

static void print_unified(struct file *a, struct file *b, struct change *changes, int count,
                          int context)
{
    int k = 0, i, j;

    print_file_header("---", a);
    print_file_header("+++", b);
    while (k < count) {
        /* A hunk: changes whose context would touch or overlap go together. */
        int last = k, a_start, a_end, b_start, b_end;

        while (last + 1 < count && changes[last + 1].a0 - changes[last].a1 <= 2 * context)
            last++;
        a_start = changes[k].a0 - context > 0 ? changes[k].a0 - context : 0;
        a_end = changes[last].a1 + context < a->n ? changes[last].a1 + context : a->n;
        b_start = changes[k].b0 - (changes[k].a0 - a_start);    /* the same context lines */
        b_end = changes[last].b1 + (a_end - changes[last].a1);
        printf("@@ -");
        print_hunk_range(a_start, a_end - a_start);
        printf(" +");
        print_hunk_range(b_start, b_end - b_start);
        printf(" @@\n");
        for (i = a_start; k <= last; k++) {
            for (; i < changes[k].a0; i++)
                print_line(" ", a, i);
            for (; i < changes[k].a1; i++)
                print_line("-", a, i);
            for (j = changes[k].b0; j < changes[k].b1; j++)
                print_line("+", b, j);
        }
        for (; i < a_end; i++)
            print_line(" ", a, i);
    }
}

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: diff [-q] [-u | -U N] FILE1 FILE2\n");
    exit(2);
}

int main(int argc, char **argv)
{
    struct file a, b;
    struct change *changes;
    int quiet = 0, context = -1, count, c;
    char *end;

    while ((c = getopt(argc, argv, "quU:")) != -1) {
        switch (c) {
        case 'q': quiet = 1; break;
        case 'u': context = 3; break;
        case 'U':
            context = (int)strtol(optarg, &end, 10);
            if (*optarg == '\0' || *end != '\0' || context < 0) {
                fprintf(stderr, "diff: invalid context length '%s'\n", optarg);
                usage();
            }
            break;
        default: usage();
        }
    }
    if (argc - optind != 2)
        usage();
    read_lines(&a, argv[optind]);
    read_lines(&b, argv[optind + 1]);
    count = find_changes(&a, &b, &changes);
    if (count == 0)
        return 0;
    if (quiet)
        printf("Files %s and %s differ\n", a.name, b.name);
    else if (context >= 0)
        print_unified(&a, &b, changes, count, context);
    else
        print_normal(&a, &b, changes, count);
    return 1;
}
