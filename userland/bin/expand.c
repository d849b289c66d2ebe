/*
 * expand - turn tabs into spaces.
 *
 *     expand [-i] [-t LIST] [FILE...]
 *
 * Copies the files (standard input without one, or for "-"), read as one stream, writing each
 * tab as the spaces up to the next tab stop (every 8 columns). A backspace goes back a column.
 *   -t LIST  a number N: a stop every N columns; a list of columns (commas or blanks between
 *            them, ascending): the stops, and past the last a tab is one space, unless the
 *            last is /N (then every N columns) or +N (every N columns after the one before);
 *            the old -N and -N,M... too
 *   -i       only the tabs before the first character that is not a blank
 * GNU's long options --initial and --tabs=LIST are understood.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROGRAM "expand"

static int initial_only;

#include "tabstops.h"

static void expand(void)
{
    int c;

    do {
        unsigned long column = 0;
        size_t tab_index = 0;
        int convert = 1;

        do {
            c = next_char();
            if (convert) {
                if (c == '\t') {
                    int last;
                    unsigned long next = next_tab_column(column, &tab_index, &last);

                    if (last)
                        next = column + 1;
                    while (++column < next)
                        putchar(' ');
                    c = ' ';
                } else if (c == '\b') {
                    /* back a column, and find the next stop again */
                    column -= column > 0;
                    tab_index -= tab_index > 0;
                } else {
                    column++;
                }
                convert &= !initial_only || c == ' ' || c == '\t';
            }
            if (c == EOF)
                return;
            putchar(c);
        } while (c != '\n');
    } while (c != EOF);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "initial", no_argument, NULL, 'i' },
        { "tabs", required_argument, NULL, 't' },
        { "old-tabs", required_argument, NULL, 'o' },
        { NULL, 0, NULL, 0 },
    };
    int c;

    old_tab_options(argc, argv);
    while ((c = getopt_long(argc, argv, "it:", longopts, NULL)) != -1) {
        switch (c) {
        case 'i': initial_only = 1; break;
        case 't': case 'o': parse_tab_stops(optarg); break;
        default:
            fprintf(stderr, "usage: expand [-i] [-t LIST] [FILE...]\n");
            return 1;
        }
    }
    finalize_tab_stops();
    set_files(argc, argv);
    expand();
    return status;
}
