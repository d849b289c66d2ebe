/*
 * rm - remove files.
 *
 *     rm [-fiIdrRv] FILE...
 *
 * Removes each FILE. A directory is removed only with -r (-R), and then with everything in it,
 * depth first, or with -d if it is empty.
 *   -f  --force          a FILE that does not exist is not an error, no operand is needed, and
 *                        nothing is asked
 *   -i                   ask before each removal, on stderr, as GNU's rm: "rm: remove regular
 *                        file 'x'? ", "rm: descend into directory 'd'? "...; a line from stdin
 *                        that starts with y or Y is a yes. A directory where something was kept
 *                        stays, without a word.
 *   -I                   ask once, before removing more than three FILEs or removing recursively:
 *                        "rm: remove 4 arguments? " (of -f, -i and -I the last one counts)
 *   -d  --dir            remove empty directories
 *   -r, -R  --recursive  remove directories and what is in them
 *   -v  --verbose        print each removal: removed 'x', removed directory 'd'
 *   --no-preserve-root   let -r remove "/" (by default it refuses, as GNU's --preserve-root)
 * rm refuses to remove "." and ".." (a FILE whose last component is one of them).
 * Errors in GNU rm's words. Exit status: 0, or 1 if something could not be removed.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROGRAM "rm"
#include "fileutil.h"

static enum { NEVER, ONCE, ALWAYS } interactive;    /* -f, -I, -i: the last one given */
static int force, recursive, empty_dirs, verbose, preserve_root = 1;

/* What became of a path, as GNU's rm sees it: removed; kept (-i answered no to removing it: its
   directory is still asked about); skipped (no to going into it, or to removing it when empty:
   its directories stay, unasked); or failed (so do they). */
enum outcome { REMOVED, KEPT, SKIPPED, FAILED };

enum { NO_PRESERVE_ROOT = 256 };

static const struct option long_options[] = {
    {"force", no_argument, NULL, 'f'},
    {"dir", no_argument, NULL, 'd'},
    {"recursive", no_argument, NULL, 'r'},
    {"verbose", no_argument, NULL, 'v'},
    {"no-preserve-root", no_argument, NULL, NO_PRESERVE_ROOT},
    {NULL, 0, NULL, 0},
};

static enum outcome report(const char *path)
{
    if (force && errno == ENOENT)
        return REMOVED;
    fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
    return FAILED;
}

/* What -i calls a file of this kind, as GNU's rm. */
static const char *kind(const struct stat *st)
{
    if (S_ISREG(st->st_mode))
        return st->st_size == 0 ? "regular empty file" : "regular file";
    if (S_ISDIR(st->st_mode))
        return "directory";
    if (S_ISLNK(st->st_mode))
        return "symbolic link";
    if (S_ISFIFO(st->st_mode))
        return "fifo";
    if (S_ISSOCK(st->st_mode))
        return "socket";
    return S_ISCHR(st->st_mode) ? "character special file" : "block special file";
}

/* -i: does the user want path (described by st) removed? Always yes without -i. */
static int may_remove(const struct stat *st, const char *path)
{
    return interactive != ALWAYS || ask("remove %s '%s'? ", kind(st), path);
}

static int is_empty_directory(const char *path)
{
    struct dirent *e;
    DIR *dir = opendir(path);
    int empty = 1;

    if (dir == NULL)
        return 0;
    while (empty && (e = readdir(dir)) != NULL)
        empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
    closedir(dir);
    return empty;
}

static enum outcome remove_path(const char *path);

/* rm -r: remove what is in the directory path; the worst outcome among them. */
static enum outcome remove_entries(const char *path)
{
    struct dirent *e;
    DIR *dir;
    enum outcome worst = REMOVED, one;

    if ((dir = opendir(path)) == NULL)
        return report(path);
    while ((e = readdir(dir)) != NULL) {
        char *child;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        if (asprintf(&child, "%s/%s", path, e->d_name) < 0) {
            fprintf(stderr, "rm: out of memory\n");
            exit(1);
        }
        if ((one = remove_path(child)) > worst)
            worst = one;
        free(child);
    }
    closedir(dir);
    return worst;
}

/* rmdir path. */
static enum outcome remove_empty(const char *path)
{
    if (rmdir(path) < 0)
        return report(path);
    if (verbose)
        printf("removed directory '%s'\n", path);
    return REMOVED;
}

/* Remove the directory path (described by st): with -r what is in it first (-i asks whether to
   go in, and then whether to remove it), with -d only if it is empty. */
static enum outcome remove_directory(const struct stat *st, const char *path)
{
    enum outcome inside;
    int empty = is_empty_directory(path);

    if (!recursive && (!empty_dirs || !empty)) {
        errno = empty_dirs ? ENOTEMPTY : EISDIR;
        return report(path);
    }
    if (empty)
        return may_remove(st, path) ? remove_empty(path) : SKIPPED;
    if (interactive == ALWAYS && !ask("descend into directory '%s'? ", path))
        return SKIPPED;
    if ((inside = remove_entries(path)) >= SKIPPED)
        return inside;
    return may_remove(st, path) ? remove_empty(path) : KEPT;
}

/* Remove path (a directory with what is in it, for -r). */
static enum outcome remove_path(const char *path)
{
    struct stat st;

    if (lstat(path, &st) < 0)
        return report(path);
    if (S_ISDIR(st.st_mode))
        return remove_directory(&st, path);
    if (!may_remove(&st, path))
        return KEPT;
    if (unlink(path) < 0)
        return report(path);
    if (verbose)
        printf("removed '%s'\n", path);
    return REMOVED;
}

/* Is the last component of path "." or ".."? */
static int is_dot(const char *path)
{
    const char *end = path + strlen(path), *base;

    while (end > path + 1 && end[-1] == '/')
        end--;
    for (base = end; base > path && base[-1] != '/'; base--)
        ;
    return (end - base == 1 && base[0] == '.') || (end - base == 2 && base[0] == '.' && base[1] == '.');
}

/* Is path the root directory? */
static int is_root(const char *path)
{
    struct stat st, root;

    return stat(path, &st) == 0 && stat("/", &root) == 0 && st.st_dev == root.st_dev && st.st_ino == root.st_ino;
}

/* Remove a FILE of the command line, unless GNU's rm refuses it: "." or ".." (with -r, or -d
   when it is empty), "/" with -r. */
static int remove_operand(const char *path)
{
    if ((recursive || (empty_dirs && is_empty_directory(path))) && is_dot(path)) {
        fprintf(stderr, "rm: refusing to remove '.' or '..' directory: skipping '%s'\n", path);
        return 1;
    }
    if (recursive && preserve_root && is_root(path)) {
        if (strspn(path, "/") == strlen(path))
            fprintf(stderr, "rm: it is dangerous to operate recursively on '/'\n");
        else
            fprintf(stderr, "rm: it is dangerous to operate recursively on '%s' (same as '/')\n", path);
        fprintf(stderr, "rm: use --no-preserve-root to override this failsafe\n");
        return 1;
    }
    return remove_path(path) == FAILED;
}

int main(int argc, char **argv)
{
    int c, i, n, status = 0;

    while ((c = getopt_long(argc, argv, "fiIdrRv", long_options, NULL)) != -1) {
        switch (c) {
        case 'f': interactive = NEVER; force = 1; break;
        case 'i': interactive = ALWAYS; force = 0; break;
        case 'I': interactive = ONCE; force = 0; break;
        case 'd': empty_dirs = 1; break;
        case 'r': case 'R': recursive = 1; break;
        case 'v': verbose = 1; break;
        case NO_PRESERVE_ROOT: preserve_root = 0; break;
        default: return usage();
        }
    }
    n = argc - optind;
    if (n == 0 && !force) {
        fprintf(stderr, "rm: missing operand\n");
        return usage();
    }
    if (interactive == ONCE && (recursive || n > 3) &&
        !ask("remove %d argument%s%s? ", n, n == 1 ? "" : "s", recursive ? " recursively" : ""))
        return 0;
    for (i = optind; i < argc; i++)
        status |= remove_operand(argv[i]);
    return status;
}
