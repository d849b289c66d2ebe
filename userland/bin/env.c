/*
 * env - run a program in a changed environment, or print the environment.
 *
 *     env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG...]]
 *
 * Starts from the current environment (-i: from an empty one), removes each NAME given with -u,
 * sets each NAME=VALUE, then runs COMMAND with its ARGs in that environment (looked up in
 * PATH, like the shell does), or without a COMMAND prints the environment, one per line.
 * Exit status: COMMAND's; 125 if env itself fails, 126 if COMMAND cannot be run, 127 if it
 * is not found.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char **e;
    int c, i;

    /* getopt stops at the first non-option: the command's own options are left alone */
    while ((c = getopt(argc, argv, "+iu:")) != -1) {
        switch (c) {
        case 'i':
            clearenv();
            break;
        case 'u':
            unsetenv(optarg);
            break;
        default:
            fprintf(stderr, "usage: env [-i] [-u NAME]... [NAME=VALUE]... [COMMAND [ARG...]]\n");
            return 125;
        }
    }
    if (optind < argc && strcmp(argv[optind], "-") == 0) {     /* old spelling of -i */
        clearenv();
        optind++;
    }
    for (i = optind; i < argc && strchr(argv[i], '=') != NULL; i++) {
        char *eq = strchr(argv[i], '=');
        *eq = '\0';
        if (setenv(argv[i], eq + 1, 1) < 0) {
            *eq = '=';
            fprintf(stderr, "env: cannot set '%s': %s\n", argv[i], strerror(errno));
            return 125;
        }
    }
    if (i == argc) {
        for (e = environ; *e != NULL; e++)
            puts(*e);
        return 0;
    }
    execvp(argv[i], argv + i);
    c = errno;
    fprintf(stderr, "env: '%s': %s\n", argv[i], strerror(c));
    return c == ENOENT ? 127 : 126;
}
