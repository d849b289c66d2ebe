/*
 * rm - remove files.
 *
 *     rm [-f] [-r] FILE...
 *
 * Removes each FILE. A directory is removed only with -r (-R), and then with everything in it,
 * depth first. -f: a FILE that does not exist is not an error, and no operand is needed.
 * rm refuses to remove "." and "..".
 * Exit status: 0, or 1 if something could not be removed.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int force, recursive;

static int report(const char *path)
{
    if (force && errno == ENOENT)
        return 0;
    fprintf(stderr, "rm: cannot remove '%s': %s\n", path, strerror(errno));
    return 1;
}

/* Remove path (a directory with what is in it, for -r). Returns 0, or 1 on an error. */
static int remove_path(const char *path)
{
    struct stat st;
    struct dirent *e;
    DIR *dir;
    int status = 0;

    if (lstat(path, &st) < 0)
        return report(path);
    if (!S_ISDIR(st.st_mode))
        return unlink(path) < 0 ? report(path) : 0;
    if (!recursive) {
        errno = EISDIR;
        return report(path);
    }
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
        status |= remove_path(child);
        free(child);
    }
    closedir(dir);
    if (rmdir(path) < 0)
        status |= report(path);
    return status;
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

int main(int argc, char **argv)
{
    int c, i, status = 0;

    while ((c = getopt(argc, argv, "frR")) != -1) {
        switch (c) {
        case 'f': force = 1; break;
        case 'r':
        case 'R': recursive = 1; break;
        default:
            fprintf(stderr, "usage: rm [-f] [-r] FILE...\n");
            return 1;
        }
    }
    if (optind == argc && !force) {
        fprintf(stderr, "rm: missing operand\nusage: rm [-f] [-r] FILE...\n");
        return 1;
    }
    for (i = optind; i < argc; i++) {
        if (is_dot(argv[i])) {
            fprintf(stderr, "rm: refusing to remove '.' or '..' directory: skipping '%s'\n", argv[i]);
            status = 1;
            continue;
        }
        status |= remove_path(argv[i]);
    }
    return status;
}
