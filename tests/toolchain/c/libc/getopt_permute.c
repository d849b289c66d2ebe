// args: dir -l file -ovalue -o value2 - -ab -- -x last
// expected: host
/* glibc's getopt finds options among the operands ("ls dir -l") and reorders argv so that the
 * operands end up last, in their order, from optind; an option's value moves with it; "--" ends
 * the options, and the operands before it go after it. '+' (or POSIXLY_CORRECT) stops at the
 * first operand, '-' returns operands in place as option 1, and optind = 0 (or 1) starts over. */
#define _GNU_SOURCE     /* glibc: with _POSIX_C_SOURCE alone, getopt would be its POSIX one (no reordering) */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

/* Every option getopt returns, then the operands from optind and the whole argv as it left it. */
static void show(const char *label, const char *optstring, int argc, char **argv)
{
    int c;

    printf("%s:", label);
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
    while ((c = getopt(argc, argv, optstring)) != -1) {
        if (c == 1)
            printf("  operand %s\n", optarg);
        else if (c == '?' || c == ':')
            printf("  error '%c' optopt %c\n", c, optopt);
        else
            printf("  -%c %s\n", c, optarg ? optarg : "(no value)");
    }
    printf("  operands from %d:", optind);
    for (int i = optind; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n  argv now:");
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
}

#define SHOW(label, optstring, ...) do { \
        char *args[] = {"prog", __VA_ARGS__, NULL}; \
        optind = 0; \
        show(label, optstring, (int)(sizeof args / sizeof args[0]) - 1, args); \
    } while (0)

/* optind = 0 (glibc) or 1 (BSD) in the middle of a parse: the next argv is read from its start,
   as if nothing had been skipped before. */
static void restart(int new_optind)
{
    char *first[] = {"prog", "a", "b", "-a", "c", NULL};
    char *second[] = {"prog", "-b", "x", "-a", "y", NULL};

    optind = 0;
    printf("restart with optind = %d after -%c\n", new_optind, getopt(5, first, "ab"));
    optind = new_optind;
    show("  then", "ab", 5, second);
}

int main(int argc, char **argv)
{
    opterr = 0;
    show("main", "lo:ab", argc, argv);
    SHOW("after an operand", "l", "/tmp", "-l");
    SHOW("values move with their options", "o:v", "a", "-o", "out", "b", "-oattached", "-v", "c");
    SHOW("a value that starts with -", "o:v", "a", "-o", "-v", "b");
    SHOW("-- in the middle", "bc", "a", "-b", "--", "-c", "d");
    SHOW("-- first", "a", "--", "-a", "b");
    SHOW("- is an operand", "a", "-", "-a");
    SHOW("errors after operands", "o:", "a", "-x", "b", "-o");
    SHOW("quiet errors", ":o:", "a", "-o");
    SHOW("+ stops at the first operand", "+ab", "-a", "x", "-b");
    SHOW("+ then :", "+:o:", "-o");
    SHOW("- returns operands in place", "-ab", "x", "-a", "y", "--", "-b");
    setenv("POSIXLY_CORRECT", "1", 1);
    SHOW("POSIXLY_CORRECT", "ab", "-a", "x", "-b");
    SHOW("POSIXLY_CORRECT and -", "-ab", "x", "-a");
    unsetenv("POSIXLY_CORRECT");
    SHOW("without it again", "ab", "x", "-a");
    restart(0);
    restart(1);
    return 0;
}
