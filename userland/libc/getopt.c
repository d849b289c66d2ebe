/*
 * getopt.c - parsing command-line options, POSIX style: "-a -b value -cvalue -ab -- files",
 * and GNU's long options: "--verbose --size=10 --size 10".
 *
 * optstring lists the option letters; a letter followed by ':' takes a value, one followed by
 * "::" an optional value that can only be attached, "-ovalue" (GNU's extension). getopt returns
 * the next option letter, '?' for an unknown one or a missing value (':' instead if optstring
 * starts with ':'), and -1 at the first argument that is not an option (or after "--").
 * optind is then the index of that argument.
 *
 * Options come before the operands, as POSIX says (and glibc does with POSIXLY_CORRECT): ufos's
 * getopt does not reorder argv to find options after operands. GNU's optstring prefixes are
 * understood: '+' (that same order, glibc's way of asking for it) and '-' (each operand is
 * returned as if it were the value of an option numbered 1, so options and operands can mix).
 *
 * getopt_long (GNU) also reads "--name", "--name=value" and, for an option that requires one,
 * "--name value", from a table of struct option ended by a zeroed entry. A name may be shortened
 * to any prefix that is unique (or whose matches all mean the same). It returns the option's
 * val, or 0 after storing val in *flag when flag is not NULL; *longindex is its index in the
 * table. getopt_long_only also takes a long option after a single '-' ("-verbose"), and uses
 * the letters of optstring only when no long option matches.
 */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"

char *optarg;
int optind = 1, opterr = 1, optopt;

static int next_char;           /* where we are inside a group like -abc (0: at its start) */

/* The rest of a group of letters, -abc or -ovalue: its next letter. */
static int short_option(int argc, char *const argv[], const char *optstring, int quiet)
{
    const char *arg = argv[optind], *spec;
    int c = (unsigned char)arg[next_char++];

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

/* The entry of longopts that name (up to an '=') names: the exact one, else the only one it is a
   prefix of. NULL if none; *ambiguous set if it is a prefix of several that differ (for
   getopt_long_only, as in glibc: of several at all). */
static const struct option *find_long(const struct option *longopts, const char *name, size_t len,
                                      int long_only, int *ambiguous)
{
    const struct option *o, *found = NULL;

    *ambiguous = 0;
    for (o = longopts; o->name != NULL; o++) {
        if (strncmp(o->name, name, len) != 0)
            continue;
        if (o->name[len] == '\0') {
            *ambiguous = 0;
            return o;
        }
        if (found == NULL)
            found = o;
        else if (long_only || found->has_arg != o->has_arg || found->flag != o->flag || found->val != o->val)
            *ambiguous = 1;
    }
    return found;
}

/* argv[optind], "--name[=value]" (prefix "--") or getopt_long_only's "-name[=value]" (prefix "-"),
   name pointing past the prefix. Reports errors in glibc's words. */
static int long_option(int argc, char *const argv[], const char *prefix, const char *name,
                       const struct option *longopts, int *longindex, int long_only, int quiet)
{
    size_t len = strcspn(name, "=");
    int ambiguous;
    const struct option *o = find_long(longopts, name, len, long_only, &ambiguous), *p;

    optind++;
    optopt = 0;
    if (o == NULL || ambiguous) {
        if (opterr && !quiet && o == NULL) {
            fprintf(stderr, "%s: unrecognized option '%s%s'\n", __progname, prefix, name);
        } else if (opterr && !quiet) {
            fprintf(stderr, "%s: option '%s%s' is ambiguous; possibilities:", __progname, prefix, name);
            for (p = longopts; p->name != NULL; p++)
                if (strncmp(p->name, name, len) == 0)
                    fprintf(stderr, " '%s%s'", prefix, p->name);
            fputc('\n', stderr);
        }
        return '?';
    }
    if (name[len] == '=') {
        if (o->has_arg == no_argument) {
            optopt = o->val;
            if (opterr && !quiet)
                fprintf(stderr, "%s: option '%s%s' doesn't allow an argument\n", __progname, prefix, o->name);
            return '?';
        }
        optarg = (char *)name + len + 1;
    } else if (o->has_arg == required_argument) {
        if (optind >= argc) {
            optopt = o->val;
            if (opterr && !quiet)
                fprintf(stderr, "%s: option '%s%s' requires an argument\n", __progname, prefix, o->name);
            return quiet ? ':' : '?';
        }
        optarg = argv[optind++];
    }
    if (longindex != NULL)
        *longindex = (int)(o - longopts);
    if (o->flag != NULL) {
        *o->flag = o->val;
        return 0;
    }
    return o->val;
}

/* getopt, getopt_long and getopt_long_only: longopts NULL for getopt. */
static int next_option(int argc, char *const argv[], const char *optstring,
                       const struct option *longopts, int *longindex, int long_only)
{
    const char *arg;
    int operands_too = optstring[0] == '-', quiet, ambiguous;

    if (optstring[0] == '+' || optstring[0] == '-')
        optstring++;
    quiet = optstring[0] == ':';
    optarg = NULL;
    if (optind == 0) {          /* a request to start over */
        optind = 1;
        next_char = 0;
    }
    if (next_char == 0) {
        arg = optind < argc ? argv[optind] : NULL;
        if (arg == NULL)
            return -1;
        if (arg[0] != '-' || arg[1] == '\0') {
            if (!operands_too)
                return -1;
            optarg = (char *)arg;
            optind++;
            return 1;
        }
        if (strcmp(arg, "--") == 0) {
            optind++;
            return -1;
        }
        if (longopts != NULL && arg[1] == '-')
            return long_option(argc, argv, "--", arg + 2, longopts, longindex, long_only, quiet);
        /* getopt_long_only: "-name" is a long option, unless it is one known letter (-v) or no
           long option matches and its first letter is known (-vx, a group) */
        if (long_only && ((arg[2] != '\0' && find_long(longopts, arg + 1, strcspn(arg + 1, "="), 1, &ambiguous))
                          || strchr(optstring, arg[1]) == NULL))
            return long_option(argc, argv, "-", arg + 1, longopts, longindex, 1, quiet);
        next_char = 1;
    }
    return short_option(argc, argv, optstring, quiet);
}

int getopt(int argc, char *const argv[], const char *optstring)
{
    return next_option(argc, argv, optstring, NULL, NULL, 0);
}

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                int *longindex)
{
    return next_option(argc, argv, optstring, longopts, longindex, 0);
}

int getopt_long_only(int argc, char *const argv[], const char *optstring, const struct option *longopts,
                     int *longindex)
{
    return next_option(argc, argv, optstring, longopts, longindex, 1);
}
