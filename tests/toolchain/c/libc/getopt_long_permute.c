// expected: host
/* glibc's getopt_long and getopt_long_only find long options among the operands too
 * ("grep --count foo file --line-number"), their values ("--size 10", "--size=10") moving with
 * them; "--" ends them; '+' and POSIXLY_CORRECT stop at the first operand, '-' returns operands
 * in place as option 1. */
#define _GNU_SOURCE
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

static int verbose;

static const struct option options[] = {
    {"verbose", no_argument, &verbose, 1},
    {"size", required_argument, NULL, 's'},
    {"color", optional_argument, NULL, 'c'},
    {NULL, 0, NULL, 0},
};

/* Every option found, then the operands from optind and the whole argv as it was left. */
static void show(const char *label, const char *optstring, int only, int argc, char **argv)
{
    int c;

    printf("%s:", label);
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
    verbose = 0;
    optind = 0;
    while ((c = only ? getopt_long_only(argc, argv, optstring, options, NULL)
                     : getopt_long(argc, argv, optstring, options, NULL)) != -1) {
        if (c == 0)
            printf("  verbose %d\n", verbose);
        else if (c == 1)
            printf("  operand %s\n", optarg);
        else if (c == '?' || c == ':')
            printf("  error '%c'\n", c);
        else
            printf("  '%c' %s\n", c, optarg ? optarg : "(no value)");
    }
    printf("  operands from %d:", optind);
    for (int i = optind; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n  argv now:");
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
}

#define SHOW(label, optstring, only, ...) do { \
        char *args[] = {"prog", __VA_ARGS__, NULL}; \
        show(label, optstring, only, (int)(sizeof args / sizeof args[0]) - 1, args); \
    } while (0)

int main(void)
{
    opterr = 0;
    SHOW("long options after operands", "vs:", 0, "file", "--verbose", "other", "--size", "10",
         "last", "--size=20", "--color", "-v");
    SHOW("a missing value at the end", "s:", 0, "a", "--size");
    SHOW("an unknown one", "s:", 0, "a", "--nope", "b");
    SHOW("-- in the middle", "vs:", 0, "a", "--verbose", "--", "--size", "b");
    SHOW("getopt_long_only", "vs:", 1, "a", "-verbose", "b", "-size", "3", "-v", "c");
    SHOW("+", "+vs:", 0, "--verbose", "a", "--size", "1");
    SHOW("-", "-vs:", 0, "a", "--size", "1", "b", "--", "--verbose");
    setenv("POSIXLY_CORRECT", "y", 1);
    SHOW("POSIXLY_CORRECT", "vs:", 0, "--verbose", "a", "--size", "1");
    return 0;
}
