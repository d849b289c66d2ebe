/*
 * getopt.c - parsing command-line options, POSIX style: "-a -b value -cvalue -ab -- files",
 * and GNU's long options: "--verbose --size=10 --size 10".
 *
 * optstring lists the option letters; a letter followed by ':' takes a value, one followed by
 * "::" an optional value that can only be attached, "-ovalue" (GNU's extension). getopt returns
 * the next option letter, '?' for an unknown one or a missing value (':' instead if optstring
 * starts with ':'), and -1 when the options are over. optind is then the index of the first
 * operand (the arguments that are not options: file names, patterns...).
 *
 * Options may come after operands, as with glibc: students type "ls /tmp -l", "grep foo file -n"
 * or "rm dir -rf" as they would on Linux, and every program using getopt understands them. To
 * find them, getopt steps over the operands, and moves the options it read (with their values,
 * "-o value") in front of them; when it returns -1, argv[optind..argc) holds the operands in
 * the order they were typed. "--" ends the options anywhere: what follows it is an operand even
 * if it starts with '-' ("cmd a -- -b": operands a and -b, optind past "--").
 *
 * glibc's optstring prefixes choose other orders:
 *   '+'  options come first, as POSIX says: getopt stops at the first operand (also when the
 *        environment has POSIXLY_CORRECT). Programs whose operands are a command to run with
 *        its own options (env, xargs) need this: "env FOO=1 ls -l" must not take ls's -l.
 *   '-'  every operand is returned in its place, as if it were the value of an option numbered 1.
 * A ':' meaning "quiet" comes after the prefix ("+:o:"). Setting optind to 0 starts over, also
 * forgetting where getopt was in a group like -abc.
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
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"

char *optarg;
int optind = 1, opterr = 1, optopt;

static int next_char;           /* where we are inside a group like -abc (0: at its start) */

/* The operands stepped over to find options, not yet moved: argv[skipped_start..skipped_end).
   They stay one block, in their order, just before the options read since. */
static int skipped_start = 1, skipped_end = 1;

/* How options and operands may mix (glibc's names for the three orders). */
enum order {
    PERMUTE,            /* options anywhere: operands are stepped over, and moved after them */
    REQUIRE_ORDER,      /* options first: the first operand ends them ('+', POSIXLY_CORRECT) */
    RETURN_IN_ORDER,    /* each operand returned as the value of option 1 ('-') */
};

static enum order order_of(const char *optstring)
{
    if (optstring[0] == '-')
        return RETURN_IN_ORDER;
    if (optstring[0] == '+' || getenv("POSIXLY_CORRECT") != NULL)
        return REQUIRE_ORDER;
    return PERMUTE;
}

/* "-" alone (standard input) is an operand, like any word not starting with '-'. */
static int is_operand(const char *arg)
{
    return arg[0] != '-' || arg[1] == '\0';
}

/* argv[from..to) in the opposite order. */
static void reverse(char **argv, int from, int to)
{
    char *swap;

    while (from < --to) {
        swap = argv[from];
        argv[from++] = argv[to];
        argv[to] = swap;
    }
}

/* The options read since the skipped operands, argv[skipped_end..optind), go in front of them,
   each block keeping its order: "a b -o value" becomes "-o value a b". Reversing each block and
   then both together swaps them in place. The operands then end at optind. */
static void move_options_before_operands(char **argv)
{
    reverse(argv, skipped_start, skipped_end);
    reverse(argv, skipped_end, optind);
    reverse(argv, skipped_start, optind);
    skipped_start += optind - skipped_end;
    skipped_end = optind;
}

/* Before looking at argv[optind]: make the operands skipped so far one block ending at optind. */
static void gather_operands(char **argv)
{
    /* none skipped yet, or the caller moved optind back to start over (optind = 0, or 1 as BSD
       programs do): an empty block here */
    if (skipped_start == skipped_end || skipped_end > optind)
        skipped_start = skipped_end = optind;
    else if (skipped_end < optind)              /* options were read after them */
        move_options_before_operands(argv);
}

/* PERMUTE: step over the operands at optind, to the next option (or the end). */
static void skip_operands(int argc, char **argv)
{
    while (optind < argc && is_operand(argv[optind]))
        optind++;
    skipped_end = optind;
}

/* "--" at optind: it is read like an option, so the operands skipped before it go after it;
   optind then points to the first operand, and everything from there on is one. */
static int end_of_options(char **argv)
{
    optind++;
    gather_operands(argv);
    optind = skipped_start;
    return -1;
}

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
    /* The prototype promises to leave argv alone, but glibc reorders it, and so does ufos. */
    char **args = (char **)argv;
    const char *arg;
    enum order order = order_of(optstring);
    int quiet, ambiguous;

    if (optstring[0] == '+' || optstring[0] == '-')
        optstring++;
    quiet = optstring[0] == ':';
    optarg = NULL;
    if (optind == 0) {          /* a request to start over */
        optind = 1;
        next_char = 0;
    }
    if (next_char == 0) {
        gather_operands(args);
        if (order == PERMUTE)
            skip_operands(argc, args);
        if (optind >= argc) {
            optind = skipped_start;             /* the operands, if any were skipped */
            return -1;
        }
        arg = argv[optind];
        if (strcmp(arg, "--") == 0)
            return end_of_options(args);
        if (is_operand(arg)) {                  /* REQUIRE_ORDER or RETURN_IN_ORDER */
            if (order == REQUIRE_ORDER)
                return -1;
            optarg = (char *)arg;
            optind++;
            return 1;
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
