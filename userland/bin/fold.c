/*
 * fold - break long lines to fit a width.
 *
 *     fold [-bs] [-w WIDTH] [FILE...]
 *
 * Copies the files (standard input without one, or for "-"), breaking each line longer than
 * WIDTH columns (80) with a newline after the last character that fits.
 *   -w WIDTH  the width (the old form -WIDTH too, as GNU's)
 *   -s        break after the last blank (space or tab) that fits, if the line has one
 *   -b        count bytes; without it a tab goes to the next multiple of 8, a backspace goes back
 *             one column and a carriage return back to column 0, as on a terminal
 * GNU's long options --bytes, --spaces and --width=WIDTH are understood.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TAB_WIDTH 8

static size_t width = 80;
static int count_bytes, break_spaces;

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: fold [-bs] [-w WIDTH] [FILE...]\n");
    exit(1);
}

/* the column after c is written at column */
static size_t adjust_column(size_t column, int c)
{
    if (count_bytes)
        return column + 1;
    if (c == '\b')
        return column > 0 ? column - 1 : 0;
    if (c == '\r')
        return 0;
    if (c == '\t')
        return column + TAB_WIDTH - column % TAB_WIDTH;
    return column + 1;
}

static void fold_file(FILE *f)
{
    static char *line;                      /* the output line not yet written */
    static size_t size;
    size_t column = 0, len = 0;
    int c;

    while ((c = getc(f)) != EOF) {
        if (len + 2 > size)
            line = realloc(line, size = size * 2 + 128);
        if (c == '\n') {
            line[len++] = (char)c;
            fwrite(line, 1, len, stdout);
            column = len = 0;
            continue;
        }
    again:
        column = adjust_column(column, c);
        if (column > width) {
            /* c does not fit: end the line before it */
            if (break_spaces) {
                size_t end = len;

                while (end > 0 && !(line[end - 1] == ' ' || line[end - 1] == '\t'))
                    end--;
                if (end > 0) {
                    /* write up to the blank; what follows it starts the next line */
                    fwrite(line, 1, end, stdout);
                    putchar('\n');
                    memmove(line, line + end, len - end);
                    len -= end;
                    column = 0;
                    for (size_t i = 0; i < len; i++)
                        column = adjust_column(column, (unsigned char)line[i]);
                    goto again;
                }
            }
            if (len == 0) {                 /* a line must hold at least one character */
                line[len++] = (char)c;
                continue;
            }
            line[len++] = '\n';
            fwrite(line, 1, len, stdout);
            column = len = 0;
            goto again;
        }
        line[len++] = (char)c;
    }
    fwrite(line, 1, len, stdout);
}

static void set_width(const char *arg)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(arg, &end, 10);
    if (end == arg || *end != '\0' || errno != 0 || n < 1) {
        fprintf(stderr, "fold: invalid number of columns: '%s'\n", arg);
        exit(1);
    }
    width = (size_t)n;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "bytes", no_argument, NULL, 'b' },
        { "spaces", no_argument, NULL, 's' },
        { "width", required_argument, NULL, 'w' },
        { NULL, 0, NULL, 0 },
    };
    int status = 0, c;

    /* the old -WIDTH: made -wWIDTH before getopt sees it (up to "--") */
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (argv[i][0] == '-' && isdigit((unsigned char)argv[i][1])) {
            char *arg = malloc(strlen(argv[i]) + 2);

            sprintf(arg, "-w%s", argv[i] + 1);
            argv[i] = arg;
        }
    }
    while ((c = getopt_long(argc, argv, "bsw:", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': count_bytes = 1; break;
        case 's': break_spaces = 1; break;
        case 'w': set_width(optarg); break;
        default: usage();
        }
    }
    if (optind == argc)
        fold_file(stdin);
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");

        if (f == NULL) {
            fprintf(stderr, "fold: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        fold_file(f);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
