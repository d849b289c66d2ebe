/*
 * realpath.c - realpath (POSIX, <stdlib.h>) and canonicalize_file_name (GNU): the absolute path
 * of a file with no ".", "..", repeated '/' or symbolic link in it; and, for readlink -f and
 * realpath(1), canonicalize_filename_mode (gnulib's, <canonicalize.h>), whose mode says which
 * components must exist:
 *     CAN_EXISTING      every one (realpath(3), readlink -e, realpath -e)
 *     CAN_ALL_BUT_LAST  all but the last (readlink -f, realpath(1)'s default)
 *     CAN_MISSING       none (readlink -m, realpath -m): a missing part is taken as it is written
 *   | CAN_NOLINKS       links are kept as names (realpath -s): ".." just drops a component
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
#include <canonicalize.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_LINKS 40                /* as Linux's MAXSYMLINKS: then ELOOP, or a loop never ends */

/* Drop the last component of the absolute path out ("/a/b" -> "/a", "/a" -> "/"). */
static void drop_last(char *out)
{
    char *slash = strrchr(out, '/');

    slash[slash == out ? 1 : 0] = '\0';
}

/* Whether a component that could not be looked up (errno says why) may be missing in this mode;
   last: nothing but '/'s follows it. */
static int may_be_missing(int mode, int last)
{
    if (mode == CAN_ALL_BUT_LAST)
        return last && errno == ENOENT;
    return mode == CAN_MISSING && (errno == ENOENT || errno == ENOTDIR);
}

/* Whether what follows a component (rest) needs it to be a directory: a '/' and then nothing, "."
   or ".." (gnulib's suffix_requires_dir_check). */
static int needs_directory(const char *rest)
{
    while (*rest == '/') {
        while (*rest == '/')
            rest++;
        if (*rest == '\0' || (rest[0] == '.' && (rest[1] == '\0' || (rest[1] == '.' &&
                                                                     (rest[2] == '\0' || rest[2] == '/')))))
            return 1;
        if (rest[0] != '.' || rest[1] != '/')
            return 0;
        rest++;                                     /* "/./": look past it */
    }
    return 0;
}

/* path in its canonical form (malloc'd), or NULL with errno set (canonicalize.h). */
char *canonicalize_filename_mode(const char *path, int mode)
{
    int links = !(mode & CAN_NOLINKS);
    char out[PATH_MAX], todo[PATH_MAX], next[PATH_MAX];    /* done; still to walk; a new todo */
    const char *p = todo;
    int followed = 0;

    mode &= ~CAN_NOLINKS;
    if (*path == '\0' || strlen(path) >= PATH_MAX) {
        errno = *path == '\0' ? ENOENT : ENAMETOOLONG;
        return NULL;
    }
    strcpy(todo, path);
    if (*path == '/')
        strcpy(out, "/");
    else if (getcwd(out, sizeof out) == NULL)
        return NULL;
    while (*p != '\0') {
        struct stat st;
        size_t len, used;
        int last;
        while (*p == '/')
            p++;
        len = strcspn(p, "/");
        last = p[len + strspn(p + len, "/")] == '\0';
        if (len == 0 || (len == 1 && p[0] == '.')) {
            p += len;                                   /* "//" or "/./" */
            continue;
        }
        if (len == 2 && p[0] == '.' && p[1] == '.') {
            drop_last(out);
            p += len;
            continue;
        }
        used = strlen(out);
        if (used + 1 + len >= PATH_MAX) {
            errno = ENAMETOOLONG;
            return NULL;
        }
        sprintf(out + used, "%s%.*s", out[used - 1] == '/' ? "" : "/", (int)len, p);
        p += len;
        /* without links (realpath -s), GNU looks only at the last component and at those ".." or a
           final '/' needs to be directories, and what a link names is what must exist */
        if (!links && !last && !needs_directory(p))
            continue;
        if ((links ? lstat(out, &st) : stat(out, &st)) < 0) {
            if (!may_be_missing(mode, last))
                return NULL;
        } else if (S_ISLNK(st.st_mode)) {
            /* the walk goes on with the target, then what was left (p), from the link's
               directory or, for an absolute target, from "/" */
            ssize_t n;
            if (++followed > MAX_LINKS) {
                errno = ELOOP;
                if (mode == CAN_MISSING)
                    continue;               /* as GNU's: for -m, a loop's link is just a name */
                return NULL;
            }
            if ((n = readlink(out, next, sizeof next - 1)) < 0)
                return NULL;
            if ((size_t)n + strlen(p) >= PATH_MAX) {
                errno = ENAMETOOLONG;
                return NULL;
            }
            strcpy(next + n, p);
            strcpy(todo, next);
            p = todo;
            drop_last(out);
            if (todo[0] == '/')
                strcpy(out, "/");
        } else if (*p == '/' && !S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;                /* more follows (if only a '/'): not a directory */
            if (!may_be_missing(mode, 0))
                return NULL;
        }
    }
    return strdup(out);
}

char *canonicalize_file_name(const char *path)
{
    return canonicalize_filename_mode(path, CAN_EXISTING);
}

char *realpath(const char *path, char *resolved)
{
    char *found;

    if (path == NULL) {
        errno = EINVAL;
        return NULL;
    }
    found = canonicalize_filename_mode(path, CAN_EXISTING);
    if (found == NULL || resolved == NULL)
        return found;
    strcpy(resolved, found);
    free(found);
    return resolved;
}
