/*
 * unexpand - turn spaces into tabs.
 *
 *     unexpand [-a] [--first-only] [-t LIST] [FILE...]
 *
 * Copies the files (standard input without one, or for "-"), read as one stream, writing the
 * blanks before the first character that is not a blank of each line (all of them with -a)
 * with tabs where they reach a tab stop (every 8 columns). A single space just before a stop
 * stays a space, as in GNU's unexpand; a backspace goes back a column.
 *   -a            every run of blanks, not only the leading ones
 *   -t LIST       the tab stops, as in expand (a number N: every N columns; a list of
 *                 columns, the last perhaps /N or +N); implies -a. The old -N,M... too (without -a)
 *   --first-only  only the leading blanks, even with -t
 * GNU's long options --all and --tabs=LIST are understood.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define PROGRAM "unexpand"

static int all_blanks;

#include "tabstops.h"

/* GNU's algorithm: blanks are held back (pending) until it is known whether they reach a stop */
static void unexpand(void)
{
    char *pending_blank = malloc(4096);
    size_t pending_size = 4096;
    int c;

    for (;;) {
        int convert = 1, one_blank_before_stop = 0, prev_blank = 1;
        unsigned long column = 0, next = 0;
        size_t tab_index = 0, pending = 0;

        do {
            c = next_char();
            if (convert) {
                int blank = c == ' ' || c == '\t';

                if (blank) {
                    int last;

                    next = next_tab_column(column, &tab_index, &last);
                    if (last)
                        convert = 0;
                    if (convert) {
                        if (c == '\t') {
                            column = next;
                            if (pending)
                                pending_blank[0] = '\t';
                        } else {
                            column++;
                            if (!(prev_blank && column == next)) {
                                /* not yet known whether these blanks become a tab */
                                if (column == next)
                                    one_blank_before_stop = 1;
                                if (pending == pending_size)
                                    pending_blank = realloc(pending_blank, pending_size *= 2);
                                pending_blank[pending++] = (char)c;
                                prev_blank = 1;
                                continue;
                            }
                            /* the blanks held back reach the stop: a tab */
                            pending_blank[0] = (char)(c = '\t');
                        }
                        /* drop them, unless it was one blank just before the stop */
                        pending = one_blank_before_stop;
                    }
                } else if (c == '\b') {
                    /* back a column, and find the next stop again */
                    column -= column > 0;
                    next = column;
                    tab_index -= tab_index > 0;
                } else {
                    column++;
                }
                if (pending) {
                    if (pending > 1 && one_blank_before_stop)
                        pending_blank[0] = '\t';
                    fwrite(pending_blank, 1, pending, stdout);
                    pending = 0;
                    one_blank_before_stop = 0;
                }
                prev_blank = blank;
                convert &= all_blanks || blank;
            }
            if (c == EOF) {
                free(pending_blank);
                return;
            }
            putchar(c);
        } while (c != '\n');
    }
}

int main(int argc, char **argv)
{
    enum { FIRST_ONLY = 256 };
    static const struct option longopts[] = {
        { "all", no_argument, NULL, 'a' },
        { "first-only", no_argument, NULL, FIRST_ONLY },
        { "tabs", required_argument, NULL, 't' },
        { "old-tabs", required_argument, NULL, 'o' },
        { NULL, 0, NULL, 0 },
    };
    int first_only = 0, c;

    old_tab_options(argc, argv);
    while ((c = getopt_long(argc, argv, "at:", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': all_blanks = 1; break;
        case 't': all_blanks = 1; parse_tab_stops(optarg); break;
        case 'o': parse_tab_stops(optarg); break;
        case FIRST_ONLY: first_only = 1; break;
        default:
            fprintf(stderr, "usage: unexpand [-a] [--first-only] [-t LIST] [FILE...]\n");
            return 1;
        }
    }
    if (first_only)
        all_blanks = 0;
    finalize_tab_stops();
    set_files(argc, argv);
    unexpand();
    return status;
}
