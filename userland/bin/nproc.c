/*
 * nproc - prints the number of processors available: GNU's nproc.
 *
 *     nproc [--all] [--ignore=N]
 *
 * The number is sysconf(_SC_NPROCESSORS_ONLN): 1 on ufos, whose machine has one CPU.
 *   --all          the processors installed, not those available (the same here)
 *   --ignore=N     N fewer, but never less than 1
 * Exit status: 0, or 1 on a bad option or operand.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void usage_error(void)
{
    fprintf(stderr, "Try 'nproc --help' for more information.\n");
    exit(1);
}

/* --ignore=N: a count, or GNU's message */
static long count(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);

    if (end == s || *end != '\0' || n < 0) {
        fprintf(stderr, "nproc: invalid number: '%s'\n", s);
        exit(1);
    }
    return n;
}

int main(int argc, char **argv)
{
    enum { ALL = 256, IGNORE };
    static const struct option longopts[] = {
        { "all", no_argument, NULL, ALL },
        { "ignore", required_argument, NULL, IGNORE },
        { NULL, 0, NULL, 0 },
    };
    int which = _SC_NPROCESSORS_ONLN, c;
    long ignore = 0, n;

    while ((c = getopt_long(argc, argv, "", longopts, NULL)) != -1) {
        switch (c) {
        case ALL: which = _SC_NPROCESSORS_CONF; break;
        case IGNORE: ignore = count(optarg); break;
        default: usage_error();
        }
    }
    if (optind < argc) {
        fprintf(stderr, "nproc: extra operand '%s'\n", argv[optind]);
        usage_error();
    }
    n = sysconf(which) - ignore;
    printf("%ld\n", n > 1 ? n : 1);
    return 0;
}
