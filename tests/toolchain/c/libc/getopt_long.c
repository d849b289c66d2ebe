// expected: host
/* GNU's getopt_long and getopt_long_only: --name, --name=value, --name value, unique prefixes
   (getopt_long_only: any two prefix matches are ambiguous, as in glibc), flag pointers, the index
   of the option found, the errors ('?', ':' and optopt), and the '+' and '-' optstring prefixes.
   Options among the operands: getopt_long_permute.c. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

static int verbose, color = -1;

static const struct option options[] = {
    {"verbose", no_argument, &verbose, 1},
    {"color", optional_argument, NULL, 'c'},
    {"colour", optional_argument, NULL, 'c'},       /* the same meaning: --col is not ambiguous */
    {"size", required_argument, NULL, 's'},
    {"silent", no_argument, NULL, 'q'},
    {"no-color", no_argument, &color, 0},
    {NULL, 0, NULL, 0},
};

static void parse(const char *label, const char *optstring, int only, int argc, char **argv)
{
    int c, index = -1;

    optind = 0;                 /* start over (glibc and ufos both) */
    opterr = 0;
    printf("%s:", label);
    for (int i = 1; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
    while ((c = only ? getopt_long_only(argc, argv, optstring, options, &index)
                     : getopt_long(argc, argv, optstring, options, &index)) != -1) {
        if (c == '?' || c == ':')
            printf("  error '%c' optopt %d\n", c, optopt);
        else if (c == 0)
            printf("  flag of %s: verbose %d color %d\n", options[index].name, verbose, color);
        else if (c == 1)
            printf("  operand %s\n", optarg);
        else
            printf("  '%c' (%s) value %s\n", c, index >= 0 ? options[index].name : "letter",
                   optarg ? optarg : "(none)");
        index = -1;
    }
    printf("  operands from %d:", optind);
    for (int i = optind; i < argc; i++)
        printf(" %s", argv[i]);
    printf("\n");
}

#define PARSE(label, optstring, only, ...) do { \
        char *args[] = {"prog", __VA_ARGS__, NULL}; \
        parse(label, optstring, only, (int)(sizeof args / sizeof args[0]) - 1, args); \
    } while (0)

int main(void)
{
    PARSE("long", "vs:q", 0, "--verbose", "--size=10", "--size", "20", "--color", "--colour=never",
          "-vs5", "--", "--silent", "file");
    PARSE("prefixes", "vs:q", 0, "--verb", "--si=3", "--sil", "--col=auto", "--no", "x");
    PARSE("unknown", "vs:q", 0, "--nope", "--s", "--verbose=1", "-x", "y");
    PARSE("missing", ":s:", 0, "--size");
    PARSE("missing2", "s:", 0, "--size");
    PARSE("plus", "+vs:", 0, "-v", "op", "--verbose");
    PARSE("dash", "-vs:", 0, "a", "-v", "b", "--size", "1", "c");
    PARSE("only", "vs:q", 1, "-verbose", "-size", "7", "-vq", "-colo=x", "-s8", "-nope", "z");
    PARSE("only2", "s:", 1, "-no-c", "-x", "-si", "4");
    return 0;
}
