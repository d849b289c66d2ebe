/*
 * realpath.c - realpath (POSIX, <stdlib.h>): the absolute path of a file with no ".", ".." or
 * repeated '/' in it, and no symbolic link.
 *
 * The path is walked a component at a time from "/" (or the current directory, for a relative
 * one), as glibc does: "." is skipped, ".." drops the last component, anything else is appended
 * and must exist (and be a directory, if more follows). A component that is a symbolic link is
 * replaced by what it holds: the rest of the walk is the link's target followed by what was left
 * of the path, from "/" if the target is absolute, else from the directory the link is in. So
 * "/tmp/l/.." is the parent of what l names, not /tmp.
 * Errors as glibc's: ENOENT for a missing component (a dangling link too), ENOTDIR, ELOOP after
 * more than 40 links (Linux's MAXSYMLINKS: a loop would otherwise go on for ever), ENAMETOOLONG.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40

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

/* The symbolic link out, met with rest (empty, or from its '/') still to walk: todo becomes the
   link's target followed by rest (which may be in todo: the new path is made aside first).
   0, or -1 and errno. */
static int follow(const char *out, const char *rest, char *todo, int *links)
{
    char next[PATH_MAX];
    ssize_t len;

    if (++*links > MAX_LINKS) {
        errno = ELOOP;
        return -1;
    }
    if ((len = readlink(out, next, sizeof next - 1)) < 0)
        return -1;
    if ((size_t)len + strlen(rest) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return -1;
    }
    strcpy(next + len, rest);
    strcpy(todo, next);
    return 0;
}

char *realpath(const char *path, char *resolved)
{
    char out[PATH_MAX], todo[PATH_MAX];     /* resolved so far; what is left to walk */
    const char *p = todo;
    int links = 0;

    if (path == NULL) {
        errno = EINVAL;
        return NULL;
    }
    if (*path == '\0') {
        errno = ENOENT;
        return NULL;
    }
    if (strlen(path) >= PATH_MAX) {
        errno = ENAMETOOLONG;
        return NULL;
    }
    strcpy(todo, path);
    if (*path == '/')
        strcpy(out, "/");
    else if (getcwd(out, sizeof out) == NULL)
        return NULL;
    while (*p != '\0') {
        struct stat st;
        size_t len;
        while (*p == '/')
            p++;
        len = strcspn(p, "/");
        if (len == 0 || (len == 1 && p[0] == '.'))
            ;                                       /* "//" or "/./" */
        else if (len == 2 && p[0] == '.' && p[1] == '.')
            drop_last(out);
        else if (append(out, p, len) < 0 || lstat(out, &st) < 0)
            return NULL;
        else if (S_ISLNK(st.st_mode)) {
            if (follow(out, p + len, todo, &links) < 0)
                return NULL;
            drop_last(out);                         /* a relative target is beside the link */
            if (todo[0] == '/')
                strcpy(out, "/");
            p = todo;
            continue;
        } else if (p[len] == '/' && !S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;
            return NULL;
        }
        p += len;
    }
    if (resolved == NULL)
        return strdup(out);
    return strcpy(resolved, out);
}
