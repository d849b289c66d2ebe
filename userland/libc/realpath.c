/*
 * realpath.c - realpath (POSIX, <stdlib.h>): the absolute path of a file with no ".", ".." or
 * repeated '/' in it.
 *
 * The path is walked a component at a time from "/" (or the current directory, for a relative
 * one): "." is skipped, ".." drops the last component, anything else is appended and must exist
 * (and be a directory, if more follows), as in glibc. ufos's file system has no symbolic links
 * (symlink fails), so nothing else needs resolving.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Drop the last component of the absolute path out ("/a/b" -> "/a", "/a" -> "/"). */
static void drop_last(char *out)
{
    char *slash = strrchr(out, '/');

    slash[slash == out ? 1 : 0] = '\0';
}

/* Append component name (len bytes) to out: 0, or -1 (ENAMETOOLONG) if it would not fit. */
static int append(char *out, const char *name, size_t len)
{
    size_t used = strlen(out);
    size_t sep = out[used - 1] == '/' ? 0 : 1;

    if (used + sep + len >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    if (sep)
        out[used++] = '/';
    memcpy(out + used, name, len);
    out[used + len] = '\0';
    return 0;
}

/* Whether out exists, and is a directory if more components follow: 0, or -1 and errno. */
static int check(const char *out, int more)
{
    struct stat st;

    if (stat(out, &st) < 0)
        return -1;
    if (more && !S_ISDIR(st.st_mode)) {
        errno = ENOTDIR;
        return -1;
    }
    return 0;
}

char *realpath(const char *path, char *resolved)
{
    char out[PATH_MAX];

    if (path == NULL) {
        errno = EINVAL;
        return NULL;
    }
    if (*path == '\0') {
        errno = ENOENT;
        return NULL;
    }
    if (*path == '/')
        strcpy(out, "/");
    else if (getcwd(out, sizeof out) == NULL)
        return NULL;
    while (*path != '\0') {
        size_t len;
        while (*path == '/')
            path++;
        len = strcspn(path, "/");
        if (len == 0 || (len == 1 && path[0] == '.'))
            ;                                       /* "//" or "/./" */
        else if (len == 2 && path[0] == '.' && path[1] == '.')
            drop_last(out);
        else if (append(out, path, len) < 0 || check(out, path[len] == '/') < 0)
            return NULL;
        path += len;
    }
    if (resolved == NULL)
        return strdup(out);
    return strcpy(resolved, out);
}
