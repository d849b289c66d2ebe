/*
 * basename - the last part of a path name.
 *
 *     basename PATH [SUFFIX]
 *     basename -a [-s SUFFIX] [-z] PATH...
 *
 * Prints PATH without its trailing slashes and without everything up to its last slash
 * ("/usr/lib/" -> "lib", "/" -> "/"; libc's basename, libgen.h), and without SUFFIX if the name
 * ends with it (and is not just SUFFIX): "basename src/ls.c .c" prints "ls". Only the string is
 * looked at: PATH need not exist. An empty PATH prints an empty line, as coreutils does (libc's
 * basename would say ".": POSIX allows either).
 *     -a, --multiple       every operand is a PATH (one name printed for each)
 *     -s, --suffix=SUFFIX  remove SUFFIX from each name (and implies -a)
 *     -z, --zero           end each name with a NUL byte, not a newline
 * Exit status: 0, or 1 for a wrong number of arguments.
 */
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <string.h>

static const char usage[] = "usage: basename PATH [SUFFIX]\n       basename -a [-s SUFFIX] [-z] PATH...\n";

/* Print path's last part without suffix (NULL: none), ended by end. */
static void print_base(char *path, const char *suffix, char end)
{
    char *name = path[0] == '\0' ? path : basename(path);
    size_t len = strlen(name);

    if (suffix != NULL) {
        size_t slen = strlen(suffix);
        if (slen < len && strcmp(name + len - slen, suffix) == 0)
            name[len - slen] = '\0';
    }
    fputs(name, stdout);
    putchar(end);
}

int main(int argc, char **argv)
{
    static const struct option longs[] = {
        {"multiple", no_argument, NULL, 'a'},
        {"suffix", required_argument, NULL, 's'},
        {"zero", no_argument, NULL, 'z'},
        {NULL, 0, NULL, 0},
    };
    const char *suffix = NULL;
    int c, multiple = 0;
    char end = '\n';

    while ((c = getopt_long(argc, argv, "as:z", longs, NULL)) != -1) {
        switch (c) {
        case 'a': multiple = 1; break;
        case 's': suffix = optarg; multiple = 1; break;
        case 'z': end = '\0'; break;
        default:
            fputs(usage, stderr);
            return 1;
        }
    }
    if (optind == argc || (!multiple && argc - optind > 2)) {
        if (optind == argc)
            fprintf(stderr, "basename: missing operand\n");
        else
            fprintf(stderr, "basename: extra operand '%s'\n", argv[optind + 2]);
        fputs(usage, stderr);
        return 1;
    }
    if (!multiple) {
        print_base(argv[optind], argc - optind == 2 ? argv[optind + 1] : NULL, end);
        return 0;
    }
    for (; optind < argc; optind++)
        print_base(argv[optind], suffix, end);
    return 0;
}
