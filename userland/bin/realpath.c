/*
 * realpath - print the canonical name of files.
 *
 *     realpath [-e | -m] [-s] [-q] [-z] [--relative-to=DIR] [--relative-base=DIR] FILE...
 *
 * Prints the absolute name of each FILE with no ".", "..", repeated '/' or symbolic link in it
 * (libc's canonicalize_filename_mode finds it, as for readlink -f). Every component but the
 * last must exist, or
 *     -e  --canonicalize-existing  every component must
 *     -m  --canonicalize-missing   none need
 *     -s  --strip --no-symlinks    leave symbolic links as they are: only ".", ".." and '/'s go
 *     -q  --quiet                  no message when a FILE fails
 *     -z  --zero                   end each name with a NUL byte, not a newline
 *     --relative-to=DIR            print each name relative to DIR (canonicalized the same way)
 *     --relative-base=DIR          print the names under DIR relative (to DIR, or to the
 *                                  --relative-to directory if that is under DIR too), the others
 *                                  absolute
 * Errors in GNU realpath's words. Exit status: 0, or 1 if some FILE failed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <canonicalize.h>

enum { RELATIVE_TO = 256, RELATIVE_BASE };

static const struct option long_options[] = {
    {"canonicalize-existing", no_argument, NULL, 'e'},
    {"canonicalize-missing", no_argument, NULL, 'm'},
    {"strip", no_argument, NULL, 's'},
    {"no-symlinks", no_argument, NULL, 's'},
    {"quiet", no_argument, NULL, 'q'},
    {"zero", no_argument, NULL, 'z'},
    {"relative-to", required_argument, NULL, RELATIVE_TO},
    {"relative-base", required_argument, NULL, RELATIVE_BASE},
    {NULL, 0, NULL, 0},
};

/* Whether the canonical name path is dir or under it. */
static int is_under(const char *path, const char *dir)
{
    size_t n = strlen(dir);

    return strcmp(dir, "/") == 0 || (strncmp(path, dir, n) == 0 && (path[n] == '\0' || path[n] == '/'));
}

/* Print the canonical name path relative to the canonical directory dir: a ".." for each of
   dir's components past the ones they share, then the rest of path ("." if it is dir). */
static void print_relative(const char *path, const char *dir)
{
    size_t i = 0, common;
    int ups = 0;
    const char *p;

    while (path[i] != '\0' && path[i] == dir[i])
        i++;
    if ((path[i] == '\0' || path[i] == '/') && (dir[i] == '\0' || dir[i] == '/'))
        common = i;                         /* they part at a '/' (or one ends) */
    else                                    /* in a component: back to the '/' before it */
        for (common = i - 1; path[common] != '/'; common--)
            ;
    for (p = dir + common; *p != '\0'; p++)
        if (*p == '/' && p[1] != '\0')
            fputs(ups++ ? "/.." : "..", stdout);
    for (p = path + common; *p == '/'; p++)
        ;
    if (*p != '\0')
        printf("%s%s", ups ? "/" : "", p);
    else if (ups == 0)
        putchar('.');
}

int main(int argc, char **argv)
{
    int mode = CAN_ALL_BUT_LAST;
    int nolinks = 0, quiet = 0, delimiter = '\n', status = 0, c, i;
    const char *relative_to = NULL, *relative_base = NULL;
    char *to = NULL, *base = NULL;

    while ((c = getopt_long(argc, argv, "emsqzLP", long_options, NULL)) != -1) {
        switch (c) {
        case 'e': mode = CAN_EXISTING; break;
        case 'm': mode = CAN_MISSING; break;
        case 's': nolinks = CAN_NOLINKS; break;
        case 'q': quiet = 1; break;
        case 'z': delimiter = '\0'; break;
        case 'P': nolinks = 0; break;
        case RELATIVE_TO: relative_to = optarg; break;
        case RELATIVE_BASE: relative_base = optarg; break;
        default:
            fprintf(stderr, "Try 'realpath --help' for more information.\n");
            return 1;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "realpath: missing operand\nTry 'realpath --help' for more information.\n");
        return 1;
    }
    /* the directories, canonicalized as the FILEs will be */
    if (relative_to != NULL && (to = canonicalize_filename_mode(relative_to, mode | nolinks)) == NULL) {
        fprintf(stderr, "realpath: %s: %s\n", relative_to, strerror(errno));
        return 1;
    }
    if (relative_base != NULL && (base = canonicalize_filename_mode(relative_base, mode | nolinks)) == NULL) {
        fprintf(stderr, "realpath: %s: %s\n", relative_base, strerror(errno));
        return 1;
    }
    if (base != NULL && to == NULL)
        to = base;
    if (base != NULL && !is_under(to, base))
        to = NULL;                          /* GNU's: then every name is printed absolute */
    for (i = optind; i < argc; i++) {
        char *name = canonicalize_filename_mode(argv[i], mode | nolinks);
        if (name == NULL) {
            if (!quiet)
                fprintf(stderr, "realpath: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        if (to != NULL && (base == NULL || is_under(name, base)))
            print_relative(name, to);
        else
            fputs(name, stdout);
        putchar(delimiter);
        free(name);
    }
    return status;
}
