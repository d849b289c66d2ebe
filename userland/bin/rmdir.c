/*
 * rmdir - remove empty directories.
 *
 *     rmdir [-pv] [--ignore-fail-on-non-empty] DIR...
 *
 * Removes each DIR, which must be empty (rm -r removes a directory with what is in it).
 *   -p  --parents                  then remove each parent DIR names too: rmdir -p a/b/c is
 *                                  rmdir a/b/c a/b a (stopping at the first that fails)
 *   -v  --verbose                  print each removal: rmdir: removing directory, 'DIR'
 *   --ignore-fail-on-non-empty     a DIR that is not empty is not an error (and with -p its
 *                                  parents stay)
 * Errors in GNU rmdir's words. Exit status: 0, or 1 if a directory could not be removed.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int parents, verbose, ignore_non_empty;

enum { IGNORE_FAIL_ON_NON_EMPTY = 256 };

static const struct option long_options[] = {
    {"parents", no_argument, NULL, 'p'},
    {"verbose", no_argument, NULL, 'v'},
    {"ignore-fail-on-non-empty", no_argument, NULL, IGNORE_FAIL_ON_NON_EMPTY},
    {NULL, 0, NULL, 0},
};

/* rmdir dir, said first with -v: 0, -1 (errno set) if it failed. */
static int remove_directory(const char *dir)
{
    if (verbose)
        printf("rmdir: removing directory, '%s'\n", dir);
    return rmdir(dir);
}

/* A failure --ignore-fail-on-non-empty lets pass? */
static int ignorable(int error)
{
    return ignore_non_empty && (error == ENOTEMPTY || error == EEXIST);
}

/* rmdir -p: remove each parent of dir (cut back at its last '/'), until one fails. 0, or 1 after
   an error. */
static int remove_parents(char *dir)
{
    char *slash;
    size_t len = strlen(dir);

    while (len > 1 && dir[len - 1] == '/')
        dir[--len] = '\0';
    while ((slash = strrchr(dir, '/')) != NULL) {
        while (slash > dir && *slash == '/')
            slash--;
        slash[1] = '\0';
        if (remove_directory(dir) < 0) {
            if (ignorable(errno))
                return 0;
            fprintf(stderr, errno == ENOTDIR ? "rmdir: failed to remove '%s': %s\n"
                                             : "rmdir: failed to remove directory '%s': %s\n",
                    dir, strerror(errno));
            return 1;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    int c, i, status = 0;

    while ((c = getopt_long(argc, argv, "pv", long_options, NULL)) != -1) {
        switch (c) {
        case 'p': parents = 1; break;
        case 'v': verbose = 1; break;
        case IGNORE_FAIL_ON_NON_EMPTY: ignore_non_empty = 1; break;
        default:
            fprintf(stderr, "Try 'rmdir --help' for more information.\n");
            return 1;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "rmdir: missing operand\nTry 'rmdir --help' for more information.\n");
        return 1;
    }
    for (i = optind; i < argc; i++) {
        if (remove_directory(argv[i]) < 0) {
            if (ignorable(errno))
                continue;
            fprintf(stderr, "rmdir: failed to remove '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        } else if (parents) {
            status |= remove_parents(argv[i]);
        }
    }
    return status;
}
