/*
 * shuf - writes its input lines in a random order: GNU's shuf.
 *
 *     shuf [-n COUNT] [-r] [-o FILE] [--random-source=FILE] [FILE]
 *     shuf -e [OPTION...] [ARG...]
 *     shuf -i LO-HI [OPTION...]
 *
 * A random permutation of the lines of FILE (standard input if none, or "-"), each written with a
 * newline; every order is equally likely (Fisher and Yates's shuffle).
 *   -e, --echo               the ARGs are the lines
 *   -i LO-HI, --input-range=LO-HI   the numbers LO to HI are the lines
 *   -n COUNT, --head-count=COUNT    at most COUNT lines
 *   -r, --repeat             lines picked at random, each time from all of them: COUNT of them,
 *                            or without end
 *   -o FILE, --output=FILE   write to FILE
 *   --random-source=FILE     take the random bytes from FILE, not the kernel (getrandom): the
 *                            same FILE gives the same order (not GNU's order, though)
 * Exit status: 0, or 1 if a file could not be read, the random source ran out, or an option was
 * bad.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

static FILE *random_source;         /* --random-source; NULL: the kernel's generator */
static const char *random_source_name;

static void usage_error(void)
{
    fprintf(stderr, "Try 'shuf --help' for more information.\n");
    exit(1);
}

static uint64_t random_word(void)
{
    uint64_t w;

    if (random_source == NULL) {
        if (getrandom(&w, sizeof w, 0) != (ssize_t)sizeof w) {
            fprintf(stderr, "shuf: getrandom: %s\n", strerror(errno));
            exit(1);
        }
    } else if (fread(&w, sizeof w, 1, random_source) != 1) {
        fprintf(stderr, "shuf: '%s': end of file\n", random_source_name);
        exit(1);
    }
    return w;
}

/* a number from 0 to n - 1, all equally likely: the words past the last whole multiple of n
 * would favour the small numbers, so they are drawn again */
static size_t random_below(size_t n)
{
    uint64_t limit = UINT64_MAX - UINT64_MAX % n, w;

    while ((w = random_word()) >= limit)
        ;
    return (size_t)(w % n);
}

/* --- the lines ----------------------------------------------------------------------------------- */
static char **lines;
static size_t nlines;

static void add_line(char *line)
{
    lines = realloc(lines, (nlines + 1) * sizeof *lines);
    lines[nlines++] = line;
}

static void read_lines(const char *file)
{
    FILE *f = strcmp(file, "-") == 0 ? stdin : fopen(file, "r");
    char *line = NULL;
    size_t size = 0;
    ssize_t n;

    if (f == NULL) {
        fprintf(stderr, "shuf: %s: %s\n", file, strerror(errno));
        exit(1);
    }
    while ((n = getline(&line, &size, f)) > 0) {
        if (line[n - 1] == '\n')
            line[n - 1] = '\0';
        add_line(line);
        line = NULL;
        size = 0;
    }
    free(line);
}

/* -i LO-HI: the numbers as lines; HI may be LO - 1 (no lines), as GNU's allows */
static void range_lines(const char *range)
{
    char *end, *hi_end;
    unsigned long lo = strtoul(range, &end, 10), hi;

    if (end == range || *end != '-' || !(end[1] >= '0' && end[1] <= '9')
        || (hi = strtoul(end + 1, &hi_end, 10), *hi_end != '\0') || hi + 1 < lo) {
        fprintf(stderr, "shuf: invalid input range: '%s'\n", range);
        exit(1);
    }
    if (hi + 1 == lo)
        return;
    for (unsigned long i = lo;; i++) {
        char *number = malloc(24);

        snprintf(number, 24, "%lu", i);
        add_line(number);
        if (i == hi)
            break;              /* not i <= hi: hi may be the largest number, and i++ wrap */
    }
}

/* --- the output -------------------------------------------------------------------------------------- */
/* the first count places of a random permutation: each place takes one of the lines not yet placed */
static void shuffle(size_t count)
{
    for (size_t i = 0; i < count && i < nlines; i++) {
        size_t j = i + random_below(nlines - i);
        char *t = lines[i];

        lines[i] = lines[j];
        lines[j] = t;
        printf("%s\n", lines[i]);
    }
}

/* -r: count lines (SIZE_MAX: without end), each any of them */
static void repeat(size_t count)
{
    if (nlines == 0) {
        if (count > 0) {
            fprintf(stderr, "shuf: no lines to repeat\n");
            exit(1);
        }
        return;
    }
    for (size_t i = 0; i < count; i++)
        if (printf("%s\n", lines[random_below(nlines)]) < 0)
            exit(1);
}

static size_t line_count(const char *s)
{
    char *end;
    unsigned long long n;

    errno = 0;
    n = strtoull(s, &end, 10);
    if (end == s || *end != '\0' || *s == '-' || errno != 0) {
        fprintf(stderr, "shuf: invalid line count: '%s'\n", s);
        exit(1);
    }
    return (size_t)n;
}

int main(int argc, char **argv)
{
    enum { RANDOM_SOURCE = 256 };
    static const struct option longopts[] = {
        { "echo", no_argument, NULL, 'e' }, { "input-range", required_argument, NULL, 'i' },
        { "head-count", required_argument, NULL, 'n' }, { "repeat", no_argument, NULL, 'r' },
        { "output", required_argument, NULL, 'o' },
        { "random-source", required_argument, NULL, RANDOM_SOURCE }, { NULL, 0, NULL, 0 },
    };
    int echo = 0, repeating = 0, c;
    const char *range = NULL, *output = NULL;
    size_t count = SIZE_MAX;

    while ((c = getopt_long(argc, argv, "ei:n:ro:", longopts, NULL)) != -1) {
        switch (c) {
        case 'e': echo = 1; break;
        case 'i': range = optarg; break;
        case 'n': { size_t n = line_count(optarg); count = n < count ? n : count; } break;
        case 'r': repeating = 1; break;
        case 'o': output = optarg; break;
        case RANDOM_SOURCE: random_source_name = optarg; break;
        default: usage_error();
        }
    }
    if (echo && range != NULL) {
        fprintf(stderr, "shuf: cannot combine -e and -i options\n");
        usage_error();
    }
    if (range != NULL && optind < argc) {
        fprintf(stderr, "shuf: extra operand '%s'\n", argv[optind]);
        usage_error();
    }
    if (!echo && argc - optind > 1) {
        fprintf(stderr, "shuf: extra operand '%s'\n", argv[optind + 1]);
        usage_error();
    }
    if (random_source_name != NULL && (random_source = fopen(random_source_name, "r")) == NULL) {
        fprintf(stderr, "shuf: %s: %s\n", random_source_name, strerror(errno));
        return 1;
    }
    if (echo)
        for (int i = optind; i < argc; i++)
            add_line(argv[i]);
    else if (range != NULL)
        range_lines(range);
    else
        read_lines(optind < argc ? argv[optind] : "-");
    if (output != NULL && freopen(output, "w", stdout) == NULL) {
        fprintf(stderr, "shuf: %s: %s\n", output, strerror(errno));
        return 1;
    }
    if (repeating)
        repeat(count);
    else
        shuffle(count);
    return 0;
}
