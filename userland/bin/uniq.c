/*
 * uniq - report or drop repeated lines.
 *
 *     uniq [-c] [-d] [-u] [INPUT [OUTPUT]]
 *
 * Copies INPUT (default standard input; "-" too) to OUTPUT (default standard output), writing
 * each run of adjacent identical lines once. Lines that are equal but not next to each other
 * are not runs: sort first ("sort | uniq"). -c puts the length of each run in front of its line
 * (as "%7d "); -d prints only the lines that were repeated, -u only those that were not.
 * Exit status: 0, or 1 on an error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int show_count, only_repeated, only_single;

static void put_run(FILE *out, const char *text, size_t len, long count)
{
    if ((only_repeated && count == 1) || (only_single && count > 1))
        return;
    if (show_count)
        fprintf(out, "%7ld ", count);
    fwrite(text, 1, len, out);
}

int main(int argc, char **argv)
{
    FILE *in = stdin, *out = stdout;
    char *prev = NULL, *line = NULL, *swap;
    size_t prev_size = 0, size = 0, prev_len = 0, swap_size;
    ssize_t len;
    long count = 0;
    int c;

    while ((c = getopt(argc, argv, "cdu")) != -1) {
        switch (c) {
        case 'c': show_count = 1; break;
        case 'd': only_repeated = 1; break;
        case 'u': only_single = 1; break;
        default:
            fprintf(stderr, "usage: uniq [-c] [-d] [-u] [INPUT [OUTPUT]]\n");
            return 1;
        }
    }
    if (argc - optind > 2) {
        fprintf(stderr, "uniq: extra operand '%s'\n", argv[optind + 2]);
        return 1;
    }
    if (optind < argc && strcmp(argv[optind], "-") != 0 && (in = fopen(argv[optind], "r")) == NULL) {
        fprintf(stderr, "uniq: %s: %s\n", argv[optind], strerror(errno));
        return 1;
    }
    if (optind + 1 < argc && (out = fopen(argv[optind + 1], "w")) == NULL) {
        fprintf(stderr, "uniq: %s: %s\n", argv[optind + 1], strerror(errno));
        return 1;
    }
    while ((len = getline(&line, &size, in)) >= 0) {
        if (len > 0 && line[len - 1] != '\n') {     /* a last line without '\n': as if it had one */
            if ((size_t)len + 1 >= size)
                line = realloc(line, size = (size_t)len + 2);
            line[len++] = '\n';
            line[len] = '\0';
        }
        if (count > 0 && (size_t)len == prev_len && memcmp(line, prev, prev_len) == 0) {
            count++;
            continue;
        }
        if (count > 0)
            put_run(out, prev, prev_len, count);
        /* this line becomes prev: swap the two buffers (getline reuses the other one) */
        swap = prev;
        prev = line;
        line = swap;
        swap_size = prev_size;
        prev_size = size;
        size = swap_size;
        prev_len = (size_t)len;
        count = 1;
    }
    if (count > 0)
        put_run(out, prev, prev_len, count);
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "uniq: %s: %s\n", argv[optind + 1], strerror(errno));
        return 1;
    }
    return 0;
}
