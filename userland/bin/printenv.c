/*
 * printenv - print environment variables.
 *
 *     printenv [NAME...]
 *
 * Without NAME, prints the whole environment, one NAME=VALUE per line. With NAMEs, prints the
 * value of each one that is set.
 * Exit status: 0, or 1 if a NAME is not set.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char **e, *value;
    int i, status = 0;

    if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
        fprintf(stderr, "printenv: invalid option -- '%c'\nusage: printenv [NAME...]\n", argv[1][1]);
        return 2;
    }
    if (argc == 1) {
        for (e = environ; *e != NULL; e++)
            puts(*e);
        return 0;
    }
    for (i = 1; i < argc; i++) {
        if ((value = getenv(argv[i])) != NULL)
            puts(value);
        else
            status = 1;
    }
    return status;
}
