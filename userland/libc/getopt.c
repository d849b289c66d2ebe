/*
 * getopt.c - parsing command-line options, POSIX style: "-a -b value -cvalue -ab -- files".
 *
 * optstring lists the option letters; a letter followed by ':' takes a value, one followed by
 * "::" an optional value that can only be attached, "-ovalue" (GNU's extension). getopt returns
 * the next option letter, '?' for an unknown one or a missing value (':' instead if optstring
 * starts with ':'), and -1 at the first argument that is not an option (or after "--").
 * optind is then the index of that argument.
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"

char *optarg;
int optind = 1, opterr = 1, optopt;

static int next_char;           /* where we are inside a group like -abc (0: at its start) */

int getopt(int argc, char *const argv[], const char *optstring)
{
    const char *arg, *spec;
    int c, quiet = optstring[0] == ':';

    optarg = NULL;
    if (optind == 0) {          /* a request to start over */
        optind = 1;
        next_char = 0;
    }
    if (next_char == 0) {
        if (optind >= argc || argv[optind] == NULL || argv[optind][0] != '-'
                || argv[optind][1] == '\0')
            return -1;
        if (strcmp(argv[optind], "--") == 0) {
            optind++;
            return -1;
        }
        next_char = 1;
    }
    arg = argv[optind];
    c = (unsigned char)arg[next_char++];
    spec = c == ':' ? NULL : strchr(optstring, c);
    if (arg[next_char] == '\0') {
        optind++;
        next_char = 0;
    }
    if (spec == NULL) {
        optopt = c;
        if (opterr && !quiet)
            fprintf(stderr, "%s: invalid option -- '%c'\n", __progname, c);
        return '?';
    }
    if (spec[1] == ':' && spec[2] == ':') {
        if (next_char != 0) {               /* -ovalue; "-o value" is -o and an operand */
            optarg = (char *)arg + next_char;
            optind++;
            next_char = 0;
        }
        return c;
    }
    if (spec[1] == ':') {
        if (next_char != 0) {               /* -ovalue */
            optarg = (char *)arg + next_char;
            optind++;
            next_char = 0;
        } else if (optind < argc) {         /* -o value */
            optarg = argv[optind++];
        } else {
            optopt = c;
            if (opterr && !quiet)
                fprintf(stderr, "%s: option requires an argument -- '%c'\n", __progname, c);
            return quiet ? ':' : '?';
        }
    }
    return c;
}
