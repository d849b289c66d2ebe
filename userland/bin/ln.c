/*
 * ln - give files more names (hard links).
 *
 *     ln [-f] SOURCE TARGET
 *     ln [-f] SOURCE... DIRECTORY
 *     ln [-f] SOURCE               (GNU's: a name in the current directory)
 *
 * Makes TARGET a second name of the file SOURCE (both names then reach the same file, which lives
 * until its last name is removed), or gives each SOURCE a name in DIRECTORY under its own name.
 * With the link system call, so only within one file system (/tmp and /host are two: EXDEV) and
 * not for directories (EPERM).
 *   -f   remove an existing TARGET first
 *   -s   (symbolic links) ufos has none: each is an error, as link() would be for a file system
 *        without them
 *   -L -P  how to treat a SOURCE that is a symbolic link: nothing to do, there are none
 * Errors in GNU ln's words. Exit status: 0, or 1 if a link could not be made.
 */
#include <errno.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int force, symbolic;

/* DIR/the last component of path (malloc'd; basename may change what it is given). */
static char *path_in(const char *dir, const char *path)
{
    char *copy = strdup(path), *result;

    if (copy == NULL || asprintf(&result, "%s/%s", dir, basename(copy)) < 0) {
        fprintf(stderr, "ln: out of memory\n");
        exit(1);
    }
    free(copy);
    return result;
}

/* Whether a and b are one name: the same last component in the same directory (GNU's test: then
   -f must not remove b, or the file would be gone). */
static int same_name(const char *a, const char *b)
{
    char *a_dir = strdup(a), *b_dir = strdup(b), *a_base = strdup(a), *b_base = strdup(b);
    struct stat da, db;
    int same;

    if (!a_dir || !b_dir || !a_base || !b_base) {
        fprintf(stderr, "ln: out of memory\n");
        exit(1);
    }
    same = strcmp(basename(a_base), basename(b_base)) == 0 && stat(dirname(a_dir), &da) == 0 &&
           stat(dirname(b_dir), &db) == 0 && da.st_ino == db.st_ino && da.st_dev == db.st_dev;
    free(a_dir);
    free(b_dir);
    free(a_base);
    free(b_base);
    return same;
}

/* One link: target becomes a name of source. 0, or 1 after saying why not. */
static int make_link(const char *source, const char *target)
{
    struct stat st, old;

    if (symbolic) {
        fprintf(stderr, "ln: failed to create symbolic link '%s': %s\n", target, strerror(ENOSYS));
        return 1;
    }
    if (stat(source, &st) != 0) {
        fprintf(stderr, "ln: failed to access '%s': %s\n", source, strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "ln: %s: hard link not allowed for directory\n", source);
        return 1;
    }
    if (force && stat(target, &old) == 0) {
        if (same_name(source, target)) {        /* -f would remove the file's only name */
            fprintf(stderr, "ln: '%s' and '%s' are the same file\n", source, target);
            return 1;
        }
        if (unlink(target) != 0) {
            fprintf(stderr, "ln: cannot remove '%s': %s\n", target, strerror(errno));
            return 1;
        }
    }
    if (link(source, target) != 0) {
        if (errno == EEXIST)
            fprintf(stderr, "ln: failed to create hard link '%s': %s\n", target, strerror(errno));
        else
            fprintf(stderr, "ln: failed to create hard link '%s' => '%s': %s\n", target, source,
                    strerror(errno));
        return 1;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct stat st;
    int opt, i, not_dir, status = 0;
    const char *dir = ".";

    while ((opt = getopt(argc, argv, "fsLP")) != -1) {
        switch (opt) {
        case 'f': force = 1; break;
        case 's': symbolic = 1; break;
        case 'L': case 'P': break;
        default:
            fprintf(stderr, "usage: ln [-f] SOURCE TARGET\n       ln [-f] SOURCE... DIRECTORY\n");
            return 1;
        }
    }
    argc -= optind;
    argv += optind;
    if (argc == 0) {
        fprintf(stderr, "ln: missing file operand\n");
        return 1;
    }
    if (argc > 1) {                 /* the last operand: a directory, or (of two) the new name */
        dir = argv[--argc];
        not_dir = stat(dir, &st) != 0 ? errno : S_ISDIR(st.st_mode) ? 0 : ENOTDIR;
        if (not_dir && argc == 1)
            return make_link(argv[0], dir);
        if (not_dir) {
            fprintf(stderr, "ln: target '%s': %s\n", dir, strerror(not_dir));
            return 1;
        }
    }
    for (i = 0; i < argc; i++) {    /* GNU's: a single SOURCE gets its name in "." */
        char *target = path_in(dir, argv[i]);
        status |= make_link(argv[i], target);
        free(target);
    }
    return status;
}
