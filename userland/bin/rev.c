/*
 * rev - reverse the characters of each line (util-linux's rev).
 *
 *     rev [-0] [FILE...]
 *
 * Copies the files (standard input without one), each line written backwards; the
 * newline stays at the end, and a last line without one is written without one.
 *   -0  lines end with NUL bytes, not newlines (--zero; util-linux 2.39's)
 * Characters are bytes, as in the C locale (ufos has no other). As in util-linux's rev, "-" is
 * a file's name, not standard input.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int line_end = '\n';

static void rev_file(FILE *f)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t n;

    while ((n = getdelim(&line, &size, line_end, f)) > 0) {
        size_t len = (size_t)n;
        int ended = line[len - 1] == line_end;

        if (ended)
            len--;
        for (size_t i = 0; i < len / 2; i++) {
            char t = line[i];

            line[i] = line[len - 1 - i];
            line[len - 1 - i] = t;
        }
        fwrite(line, 1, (size_t)n, stdout);
    }
    free(line);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "zero", no_argument, NULL, '0' },
        { NULL, 0, NULL, 0 },
    };
    int status = 0, c;

    while ((c = getopt_long(argc, argv, "0", longopts, NULL)) != -1) {
        switch (c) {
        case '0': line_end = '\0'; break;
        default:
            fprintf(stderr, "usage: rev [-0] [FILE...]\n");
            return 1;
        }
    }
    if (optind == argc)
        rev_file(stdin);
    for (int i = optind; i < argc; i++) {
        FILE *f = fopen(argv[i], "r");

        if (f == NULL) {
            fprintf(stderr, "rev: cannot open %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        rev_file(f);
        fclose(f);
    }
    return status;
}
