/*
 * tabstops.h - what expand.c and unexpand.c share (GNU keeps it in expand-common.c): the tab stops
 * -t LIST gives, the old -N options, and the input files read as one stream. Each includes it
 * after defining PROGRAM, the name its messages start with.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* a value of the list read: a stop, or (after '/' or '+') the size past the list */
static void end_value(unsigned long value, int extend, int increment)
{
    if (extend)
        set_last_size(&extend_size, value, '/');
    else if (increment)
        set_last_size(&increment_size, value, '+');
    else
        add_tab_stop(value);
}

static void parse_tab_stops(const char *stops)
{
    int have_value = 0, extend = 0, increment = 0, ok = 1;
    unsigned long value = 0;

    for (; *stops; stops++) {
        if (*stops == ',' || *stops == ' ' || *stops == '\t') {
            if (have_value)
                end_value(value, extend, increment);
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
    if (have_value)
        end_value(value, extend, increment);
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

/* the FILE operands (argv from optind on), or standard input without one */
static void set_files(int argc, char **argv)
{
    static char *just_stdin[] = {"-"};

    files = argv + optind;
    nfiles = argc - optind;
    if (nfiles == 0) {
        files = just_stdin;
        nfiles = 1;
    }
}

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
