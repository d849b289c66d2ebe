/*
 * canonicalize.h - what readlink.c and realpath.c share (GNU keeps it in gnulib's canonicalize.c):
 * the absolute name of a file, with no ".", "..", repeated '/' or symbolic link in it, in one of
 * three modes that say which components must exist:
 *     CAN_EXISTING      every one (readlink -e, realpath -e; libc's realpath)
 *     CAN_ALL_BUT_LAST  all but the last (readlink -f, realpath's default)
 *     CAN_MISSING       none (readlink -m, realpath -m): a missing part is taken as it is written
 * The walk is libc's realpath's (userland/libc/realpath.c), which knows only CAN_EXISTING: a
 * component at a time, a symbolic link replaced by its target followed by what was left of the
 * path. With links == 0 (realpath -s) a link is kept as a name (what it names must exist, as the
 * mode says), and ".." just drops a component.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum can_mode { CAN_EXISTING, CAN_ALL_BUT_LAST, CAN_MISSING };

#define CAN_MAX_LINKS 40            /* as Linux's MAXSYMLINKS: then ELOOP, or a loop never ends */

/* Drop the last component of the absolute path out ("/a/b" -> "/a", "/a" -> "/"). */
static void can_drop_last(char *out)
{
    char *slash = strrchr(out, '/');

    slash[slash == out ? 1 : 0] = '\0';
}

/* Whether a component that could not be looked up (errno says why) may be missing in this mode;
   last: nothing but '/'s follows it. */
static int can_be_missing(enum can_mode mode, int last)
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

/* path in its canonical form (malloc'd), or NULL with errno set. */
static char *canonicalize(const char *path, enum can_mode mode, int links)
{
    char out[PATH_MAX], todo[PATH_MAX], next[PATH_MAX];    /* done; still to walk; a new todo */
    const char *p = todo;
    int followed = 0;

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
            can_drop_last(out);
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
            if (!can_be_missing(mode, last))
                return NULL;
        } else if (S_ISLNK(st.st_mode)) {
            /* the walk goes on with the target, then what was left (p), from the link's
               directory or, for an absolute target, from "/" */
            ssize_t n;
            if (++followed > CAN_MAX_LINKS) {
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
            can_drop_last(out);
            if (todo[0] == '/')
                strcpy(out, "/");
        } else if (*p == '/' && !S_ISDIR(st.st_mode)) {
            errno = ENOTDIR;                /* more follows (if only a '/'): not a directory */
            if (!can_be_missing(mode, 0))
                return NULL;
        }
    }
    return strdup(out);
}
