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

/* --- tab stops (-t LIST), as GNU's expand and unexpand read them ---------------------------- */
static unsigned long tab_size;              /* every tab_size columns; 0: the list */
static unsigned long *tab_list;             /* the stops of the list, ascending */
static size_t ntabs;
static unsigned long extend_size;           /* "/N" last: after the list, every N columns */
static unsigned long increment_size;        /* "+N" last: after the list, every N past its end */

static void add_tab_stop(unsigned long stop)
{
    tab_list = realloc(tab_list, (ntabs + 1) * sizeof *tab_list);
    tab_list[ntabs++] = stop;
}

/* "/N" or "+N": only the last value may have it */
static void set_last_size(unsigned long *size, unsigned long value, char specifier)
{
    if (*size != 0) {
        fprintf(stderr, "%s: '%c' specifier only allowed with the last value\n", PROGRAM, specifier);
        exit(1);
    }
    *size = value;
}

static void parse_tab_stops(const char *stops)
{
    int have_value = 0, extend = 0, increment = 0, ok = 1;
    unsigned long value = 0;

    for (; *stops; stops++) {
        if (*stops == ',' || *stops == ' ' || *stops == '\t') {
            if (have_value) {
                if (extend)
                    set_last_size(&extend_size, value, '/');
                else if (increment)
                    set_last_size(&increment_size, value, '+');
                else
                    add_tab_stop(value);
            }
            have_value = 0;
        } else if (*stops == '/' || *stops == '+') {
            if (have_value) {
                fprintf(stderr, "%s: '%c' specifier not at start of number: '%s'\n", PROGRAM, *stops, stops);
                ok = 0;
            }
            extend = *stops == '/';
            increment = *stops == '+';
        } else if (isdigit((unsigned char)*stops)) {
            if (!have_value) {
                value = 0;
                have_value = 1;
            }
            value = value * 10 + (unsigned long)(*stops - '0');
        } else {
            fprintf(stderr, "%s: tab size contains invalid character(s): '%s'\n", PROGRAM, stops);
            exit(1);
        }
    }
    if (!ok)
        exit(1);
    if (have_value) {
        if (extend)
            set_last_size(&extend_size, value, '/');
        else if (increment)
            set_last_size(&increment_size, value, '+');
        else
            add_tab_stop(value);
    }
}

static void finalize_tab_stops(void)
{
    unsigned long prev = 0;

    for (size_t i = 0; i < ntabs; i++) {
        if (tab_list[i] == 0) {
            fprintf(stderr, "%s: tab size cannot be 0\n", PROGRAM);
            exit(1);
        }
        if (tab_list[i] <= prev) {
            fprintf(stderr, "%s: tab sizes must be ascending\n", PROGRAM);
            exit(1);
        }
        prev = tab_list[i];
    }
    if (increment_size && extend_size) {
        fprintf(stderr, "%s: '/' specifier is mutually exclusive with '+'\n", PROGRAM);
        exit(1);
    }
    if (ntabs == 0)
        tab_size = extend_size ? extend_size : increment_size ? increment_size : 8;
    else if (ntabs == 1 && !extend_size && !increment_size)
        tab_size = tab_list[0];
    else
        tab_size = 0;
}

/* the column of the tab stop after column (*tab_index: where in the list to look from);
   *last: there is none (past the end of the list) */
static unsigned long next_tab_column(unsigned long column, size_t *tab_index, int *last)
{
    *last = 0;
    if (tab_size)
        return column + (tab_size - column % tab_size);
    for (; *tab_index < ntabs; (*tab_index)++)
        if (column < tab_list[*tab_index])
            return tab_list[*tab_index];
    if (extend_size)
        return column + (extend_size - column % extend_size);
    if (increment_size)
        return column + (increment_size - ((column - tab_list[ntabs - 1]) % increment_size));
    *last = 1;
    return 0;
}

/* --- the input: the files one after the other, as one stream -------------------------------- */
static char **files;
static int nfiles, file_index = -1, status;
static FILE *in;

static int next_char(void)
{
    int c;

    for (;;) {
        if (in != NULL && (c = getc(in)) != EOF)
            return c;
        if (in != NULL && in != stdin)
            fclose(in);
        in = NULL;
        if (++file_index >= nfiles)
            return EOF;
        if (strcmp(files[file_index], "-") == 0) {
            in = stdin;
        } else if ((in = fopen(files[file_index], "r")) == NULL) {
            fprintf(stderr, "%s: %s: %s\n", PROGRAM, files[file_index], strerror(errno));
            status = 1;
        }
    }
}

/* the old -N and -N,M...: made --old-tabs=N... before getopt sees them */
static void old_tab_options(int argc, char **argv)
{
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (argv[i][0] == '-' && isdigit((unsigned char)argv[i][1])) {
            char *arg = malloc(strlen(argv[i]) + 16);

            sprintf(arg, "--old-tabs=%s", argv[i] + 1);
            argv[i] = arg;
        }
    }
}

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
    static char *just_stdin[] = { "-" };
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
    files = argv + optind;
    nfiles = argc - optind;
    if (nfiles == 0) {
        files = just_stdin;
        nfiles = 1;
    }
    unexpand();
    return status;
}
