/*
 * cmp - compare two files byte by byte.
 *
 *     cmp [-l | -s] FILE1 [FILE2]
 *
 * Reads FILE1 and FILE2 (standard input if FILE2 is missing or either one is "-") and reports
 * the first byte where they differ: "FILE1 FILE2 differ: char N, line L" (POSIX's words;
 * bytes and lines counted from 1). If one file is a beginning of the other, says so on
 * stderr: "cmp: EOF on FILE1 after byte N, line L". -l lists every differing byte instead:
 * its number (decimal) and the two values (octal). -s prints nothing: only the exit status
 * tells.
 * Exit status: 0 the same, 1 different, 2 trouble (a file could not be read, bad options).
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static void usage(void)
{
    fprintf(stderr, "usage: cmp [-l | -s] FILE1 [FILE2]\n");
}

static FILE *open_input(const char *name)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");

    if (f == NULL)
        fprintf(stderr, "cmp: %s: %s\n", name, strerror(errno));
    return f;
}

int main(int argc, char **argv)
{
    const char *name1, *name2;
    FILE *f1, *f2;
    long byte = 1, line = 1;
    int c, c1, c2, last = 0, list = 0, silent = 0, differ = 0;

    while ((c = getopt(argc, argv, "ls")) != -1) {
        switch (c) {
        case 'l': list = 1; break;
        case 's': silent = 1; break;
        default: usage(); return 2;
        }
    }
    if (argc - optind < 1 || argc - optind > 2 || (list && silent)) {
        if (argc - optind < 1)
            fprintf(stderr, "cmp: missing operand\n");
        else if (argc - optind > 2)
            fprintf(stderr, "cmp: extra operand '%s'\n", argv[optind + 2]);
        else
            fprintf(stderr, "cmp: options -l and -s are incompatible\n");
        usage();
        return 2;
    }
    name1 = argv[optind];
    name2 = argc - optind == 2 ? argv[optind + 1] : "-";
    if ((f1 = open_input(name1)) == NULL || (f2 = open_input(name2)) == NULL)
        return 2;

    for (;; byte++) {
        c1 = getc(f1);
        c2 = getc(f2);
        if (c1 == EOF || c2 == EOF)
            break;
        if (c1 != c2) {
            differ = 1;
            if (silent)
                return 1;
            if (!list) {
                printf("%s %s differ: char %ld, line %ld\n", name1, name2, byte, line);
                return 1;
            }
            printf("%ld %3o %3o\n", byte, c1, c2);
        }
        if (c1 == '\n')
            line++;
        last = c1;
    }
    if (c1 == c2)                   /* both at EOF */
        return differ;
    if (!silent) {                  /* one ended first: it is shorter */
        const char *shorter = c1 == EOF ? name1 : name2;
        if (byte == 1)
            fprintf(stderr, "cmp: EOF on %s which is empty\n", shorter);
        else if (list)
            fprintf(stderr, "cmp: EOF on %s after byte %ld\n", shorter, byte - 1);
        else
            fprintf(stderr, "cmp: EOF on %s after byte %ld, line %ld\n", shorter, byte - 1,
                    last == '\n' ? line - 1 : line);       /* the line of that last byte */
    }
    return 1;
}
