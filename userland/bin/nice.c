/*
 * nice - runs a command at another scheduling priority: GNU's nice, as far as ufos goes.
 *
 *     nice [-n N] [COMMAND [ARG...]]
 *
 * With no COMMAND, prints the niceness of nice itself. With one, runs it with the niceness raised
 * by N (10 if no -n): -n N, --adjustment=N, or the old -N.
 * ufos's kernel schedules every μprocess alike: it has no nice, getpriority or setpriority system
 * call. So the niceness is always 0, and the command runs unchanged, N checked but not applied.
 * Exit status: the command's; 125 if nice itself failed (a bad N), 126 if COMMAND could not be
 * run, 127 if it was not found.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdlib.h>

#define PROGRAM "nice"
#include "run.h"

static void usage_error(void)
{
    fprintf(stderr, "Try 'nice --help' for more information.\n");
    exit(EXIT_CANCELED);
}

/* -n N: an integer, or GNU's message */
static void check_adjustment(const char *s)
{
    char *end;

    strtol(s, &end, 10);
    if (end == s || *end != '\0') {
        fprintf(stderr, "nice: invalid adjustment '%s'\n", s);
        exit(EXIT_CANCELED);
    }
}

/* the old form: -N (raise by N), --N or -+N */
static int is_old_adjustment(const char *s)
{
    if (s[0] != '-')
        return 0;
    if (s[1] == '-' || s[1] == '+')
        s++;
    return isdigit((unsigned char)s[1]);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "adjustment", required_argument, NULL, 'n' },
        { NULL, 0, NULL, 0 },
    };
    int adjusted = 0, c;

    /* first, before getopt, which would read -5 as an option 5 */
    if (argc > 1 && is_old_adjustment(argv[1])) {
        check_adjustment(argv[1] + 1);
        adjusted = 1;
        argv[1] = argv[0];
        argv++, argc--;
    }
    while ((c = getopt_long(argc, argv, "+n:", longopts, NULL)) != -1) {
        if (c != 'n')
            usage_error();
        check_adjustment(optarg);
        adjusted = 1;
    }
    if (optind == argc) {
        if (adjusted) {
            fprintf(stderr, "nice: a command must be given with an adjustment\n");
            usage_error();
        }
        printf("0\n");                          /* no priorities: everyone's niceness is 0 */
        return 0;
    }
    exec_command(argv + optind, "");
}
