/*
 * readlink - print what a symbolic link holds, or a file's canonical name.
 *
 *     readlink [-f | -e | -m] [-n] [-q | -s | -v] [-z] FILE...
 *
 * Prints the target of each symbolic link FILE, as it was written (not resolved): for a FILE that
 * is not a link there is nothing to print, and the status is 1. With one of
 *     -f  --canonicalize           the canonical name of FILE (absolute, no ".", ".." or link):
 *                                  every component but the last must exist
 *     -e  --canonicalize-existing  every component must exist
 *     -m  --canonicalize-missing   none need exist
 * it prints that name instead (libc's canonicalize_filename_mode finds it, as for realpath), for
 * any FILE.
 *     -n  --no-newline       no newline after the name (with one FILE only: GNU warns and ignores
 *                            it with more)
 *     -q -s  --quiet --silent  no message when a FILE fails (the default)
 *     -v  --verbose          say why a FILE failed
 *     -z  --zero             end each name with a NUL byte, not a newline
 * Exit status: 0, or 1 if some FILE printed nothing.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <canonicalize.h>

static const struct option long_options[] = {
    {"canonicalize", no_argument, NULL, 'f'},
    {"canonicalize-existing", no_argument, NULL, 'e'},
    {"canonicalize-missing", no_argument, NULL, 'm'},
    {"no-newline", no_argument, NULL, 'n'},
    {"quiet", no_argument, NULL, 'q'},
    {"silent", no_argument, NULL, 's'},
    {"verbose", no_argument, NULL, 'v'},
    {"zero", no_argument, NULL, 'z'},
    {NULL, 0, NULL, 0},
};

int main(int argc, char **argv)
{
    int canonical = 0, no_newline = 0, verbose = 0, delimiter = '\n', status = 0, c, i;
    int mode = CAN_ALL_BUT_LAST;

    while ((c = getopt_long(argc, argv, "femnqsvz", long_options, NULL)) != -1) {
        switch (c) {
        case 'f': canonical = 1; mode = CAN_ALL_BUT_LAST; break;
        case 'e': canonical = 1; mode = CAN_EXISTING; break;
        case 'm': canonical = 1; mode = CAN_MISSING; break;
        case 'n': no_newline = 1; break;
        case 'q': case 's': verbose = 0; break;
        case 'v': verbose = 1; break;
        case 'z': delimiter = '\0'; break;
        default:
            fprintf(stderr, "Try 'readlink --help' for more information.\n");
            return 1;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "readlink: missing operand\nTry 'readlink --help' for more information.\n");
        return 1;
    }
    if (no_newline && argc - optind > 1) {
        fprintf(stderr, "readlink: ignoring --no-newline with multiple arguments\n");
        no_newline = 0;
    }
    for (i = optind; i < argc; i++) {
        char target[PATH_MAX], *name = target;
        ssize_t len;
        if (canonical) {
            name = canonicalize_filename_mode(argv[i], mode);
        } else if ((len = readlink(argv[i], target, sizeof target - 1)) >= 0) {
            target[len] = '\0';
        } else {
            name = NULL;
        }
        if (name == NULL) {
            if (verbose)
                fprintf(stderr, "readlink: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        fputs(name, stdout);
        if (!no_newline)
            putchar(delimiter);
        if (name != target)
            free(name);
    }
    return status;
}
