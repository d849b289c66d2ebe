/*
 * echo - write the arguments to standard output.
 *
 *     echo [-n] [STRING...]
 *
 * Prints the STRINGs separated by single spaces and followed by a newline. -n leaves out the
 * newline. Like GNU echo without -e: backslashes are printed as they are, and an argument is an
 * option only if it is exactly "-n" (or "-nn..."); anything else, "-x" included, is printed.
 */
#include <stdio.h>

/* Is s "-n", "-nn", ...? */
static int is_n_option(const char *s)
{
    if (s[0] != '-' || s[1] == '\0')
        return 0;
    for (s++; *s; s++)
        if (*s != 'n')
            return 0;
    return 1;
}

int main(int argc, char **argv)
{
    int i = 1, newline = 1;

    while (i < argc && is_n_option(argv[i])) {
        newline = 0;
        i++;
    }
    for (; i < argc; i++) {
        fputs(argv[i], stdout);
        if (i + 1 < argc)
            putchar(' ');
    }
    if (newline)
        putchar('\n');
    return 0;
}
