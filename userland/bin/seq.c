/*
 * seq - print a sequence of numbers.
 *
 *     seq [-s SEP] [-w] LAST
 *     seq [-s SEP] [-w] FIRST LAST
 *     seq [-s SEP] [-w] FIRST INCREMENT LAST
 *
 * Prints the numbers from FIRST (default 1) up to LAST, INCREMENT (default 1) apart, one per
 * line (or separated by SEP, with a newline at the end); a negative INCREMENT counts down.
 * The numbers may have a fraction: they are then all printed with as many decimals as FIRST or
 * INCREMENT has. -w pads them with leading zeros to the same width. Negative numbers are
 * arguments, not options: "seq -3 -1" counts -3, -2, -1.
 * Exit status: 0, or 1 on bad arguments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void usage(void)
{
    fprintf(stderr, "usage: seq [-s SEP] [-w] [FIRST [INCREMENT]] LAST\n");
    exit(1);
}

/* Is s an option rather than a (negative) number? */
static int is_option(const char *s)
{
    return s[0] == '-' && s[1] != '\0' && !(s[1] >= '0' && s[1] <= '9') && s[1] != '.';
}

/* Parse a number; *decimals gets how many digits follow its '.'. */
static double number(const char *s, int *decimals)
{
    char *end;
    const char *dot = strchr(s, '.');
    double x = strtod(s, &end);

    if (end == s || *end != '\0' || strpbrk(s, "xXnN") != NULL) {   /* no hex, inf or nan */
        fprintf(stderr, "seq: invalid floating point argument: '%s'\n", s);
        usage();
    }
    *decimals = dot ? (int)strlen(dot + 1) : 0;
    return x;
}

int main(int argc, char **argv)
{
    const char *sep = "\n";
    double first = 1, step = 1, last, x;
    int i = 1, equal_width = 0, d1 = 0, d2 = 0, d3 = 0, decimals, width = 0, nargs;
    long k;

    while (i < argc && is_option(argv[i])) {
        if (strcmp(argv[i], "-w") == 0) {
            equal_width = 1;
        } else if (strncmp(argv[i], "-s", 2) == 0) {
            if (argv[i][2] != '\0')
                sep = argv[i] + 2;
            else if (++i < argc)
                sep = argv[i];
            else
                usage();
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            fprintf(stderr, "seq: invalid option -- '%c'\n", argv[i][1]);
            usage();
        }
        i++;
    }
    nargs = argc - i;
    if (nargs < 1 || nargs > 3) {
        fprintf(stderr, nargs < 1 ? "seq: missing operand\n" : "seq: extra operand '%s'\n",
                argv[argc - 1]);
        usage();
    }
    last = number(argv[argc - 1], &d3);
    if (nargs >= 2)
        first = number(argv[i], &d1);
    if (nargs == 3)
        step = number(argv[i + 1], &d2);
    if (step == 0) {
        fprintf(stderr, "seq: invalid Zero increment value: '%s'\n", argv[i + 1]);
        usage();
    }
    decimals = d1 > d2 ? d1 : d2;
    if (equal_width) {              /* the widest of FIRST and LAST, as they will be printed */
        char buf[64];
        int w1 = snprintf(buf, sizeof buf, "%.*f", decimals, first);
        int w3 = snprintf(buf, sizeof buf, "%.*f", decimals, last);
        width = w1 > w3 ? w1 : w3;
    }
    /* x = first + k * step rather than x += step: no rounding errors piling up */
    for (k = 0;; k++) {
        x = first + (double)k * step;
        if (step > 0 ? x > last : x < last)
            break;
        if (k > 0)
            fputs(sep, stdout);
        printf(equal_width ? "%0*.*f" : "%*.*f", width, decimals, x);
    }
    if (k > 0)
        putchar('\n');
    return 0;
}
