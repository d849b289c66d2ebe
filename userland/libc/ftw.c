/*
 * ftw.c - walking a file tree: nftw and ftw (ftw.h).
 *
 * One recursive function, visit(), reports one path and, for a directory, walks its entries.
 * The path is built in one buffer: a level appends "/name" and cuts it off again afterwards.
 * A directory is read whole (its names copied) and closed before any entry is visited, so the
 * walk holds no directory open while below it, whatever its depth (nopenfd is not needed).
 *
 * What a path is (its typeflag), as glibc decides it: stat (lstat with FTW_PHYS); if that fails
 * with ENOENT or EACCES, FTW_SLN for a symbolic link to nothing (from nftw; ftw says FTW_NS),
 * else FTW_NS; any other error, or the walk's root not there, ends the walk with -1 and errno.
 * With FTW_PHYS a link is FTW_SL; without, a link to a directory is followed, except into a
 * directory that is being walked already (a loop).
 *
 * FTW_CHDIR: fn must run in the directory that holds the path it gets. Without fchdir, the
 * walk chdirs by name: to the root's own directory first, into each directory before its
 * entries, and back to its parent after them - the parent named from where the walk began (the
 * starting directory, from getcwd, and the path so far), so that a followed symbolic link
 * cannot lead ".." astray. The starting directory is restored at the end.
 */
#include <ftw.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct walk {
    int (*nftw_fn)(const char *, const struct stat *, int, struct FTW *);
    int (*ftw_fn)(const char *, const struct stat *, int);
    int flags;
    int is_nftw;                        /* ftw says FTW_NS for a dangling link, nftw FTW_SLN */
    dev_t dev;                          /* path's file system, for FTW_MOUNT */
    char path[PATH_MAX];
    char origin[PATH_MAX];              /* the starting directory, for FTW_CHDIR */
    struct active {                     /* the directories being walked, for loops */
        dev_t dev;
        ino_t ino;
    } active[PATH_MAX / 2];
    int depth;
    int skip_siblings;                  /* FTW_SKIP_SIBLINGS came back: leave this directory */
};

/* With FTW_CHDIR, chdir to the first len bytes of the path (the directory holding an entry). */
static int go_to(struct walk *w, size_t len)
{
    char where[2 * PATH_MAX];
    size_t origin = strlen(w->origin);

    if (w->path[0] == '/') {
        if (len == 0)
            len = 1;
        memcpy(where, w->path, len);
        where[len] = '\0';
    } else {
        memcpy(where, w->origin, origin);
        where[origin] = '/';
        memcpy(where + origin + 1, w->path, len);
        where[origin + 1 + len] = '\0';
    }
    return chdir(where);
}

static int call(struct walk *w, const struct stat *sb, int flag, int base, int level)
{
    struct FTW ftw = {base, level};
    if (w->ftw_fn != NULL)
        return w->ftw_fn(w->path, sb, flag);
    return w->nftw_fn(w->path, sb, flag, &ftw);
}

/* fn's return as the walk takes it: non-zero ends it; with FTW_ACTIONRETVAL only FTW_STOP
 * does, and FTW_SKIP_SIBLINGS is noted for the loop over the parent's entries. */
static int action(struct walk *w, int result)
{
    if (!(w->flags & FTW_ACTIONRETVAL))
        return result;
    if (result == FTW_SKIP_SIBLINGS)
        w->skip_siblings = 1;
    return result == FTW_STOP ? FTW_STOP : 0;
}

/* Reports the path in w->path (len bytes; its last name starts at base) and walks below it.
 * 0 to go on, or a non-zero return of fn (or -1) that ends the walk. */
static int visit(struct walk *w, size_t len, int base, int level)
{
    const char *name = (w->flags & FTW_CHDIR) ? w->path + base : w->path;
    struct stat sb;
    int flag, result, i;

    memset(&sb, 0, sizeof sb);
    if (((w->flags & FTW_PHYS) ? lstat(name, &sb) : stat(name, &sb)) != 0) {
        int error = errno;
        if (error != ENOENT && error != EACCES)
            return -1;
        flag = w->is_nftw && !(w->flags & FTW_PHYS) && lstat(name, &sb) == 0 && S_ISLNK(sb.st_mode)
               ? FTW_SLN : FTW_NS;
        if (level == 0 && flag == FTW_NS) {         /* no root: no walk */
            errno = error;
            return -1;
        }
    } else if (S_ISDIR(sb.st_mode)) {
        flag = FTW_D;
    } else {
        flag = S_ISLNK(sb.st_mode) ? FTW_SL : FTW_F;
    }
    if (level == 0)
        w->dev = sb.st_dev;
    else if ((w->flags & FTW_MOUNT) && flag != FTW_NS && sb.st_dev != w->dev)
        return 0;                                   /* on another file system: not ours */

    if (flag != FTW_D)
        return action(w, call(w, &sb, flag, base, level));

    /* A directory: not one we are inside already (a followed link's loop). */
    for (i = 0; i < w->depth; i++)
        if (w->active[i].dev == sb.st_dev && w->active[i].ino == sb.st_ino)
            return 0;

    /* Its names, read whole; a directory we cannot read is FTW_DNR. */
    DIR *dir = opendir(name);
    char **names = NULL;
    size_t count = 0, capacity = 0, n;
    if (dir == NULL)
        return action(w, call(w, &sb, FTW_DNR, base, level));
    struct dirent *entry;
    result = 0;
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        if (count == capacity) {
            size_t more = capacity ? 2 * capacity : 16;
            char **bigger = realloc(names, more * sizeof *bigger);
            if (bigger == NULL) {
                result = -1;
                break;
            }
            names = bigger;
            capacity = more;
        }
        if ((names[count] = strdup(entry->d_name)) == NULL) {
            result = -1;
            break;
        }
        count++;
    }
    closedir(dir);

    int skip = 0;
    if (result == 0 && !(w->flags & FTW_DEPTH)) {
        result = call(w, &sb, FTW_D, base, level);
        skip = (w->flags & FTW_ACTIONRETVAL)
               && (result == FTW_SKIP_SUBTREE || result == FTW_SKIP_SIBLINGS);
        result = action(w, result);
    }
    if (result == 0 && !skip && count > 0) {
        if ((w->flags & FTW_CHDIR) && chdir(name) != 0)
            result = -1;
        if (w->depth < (int)(sizeof w->active / sizeof w->active[0])) {
            w->active[w->depth].dev = sb.st_dev;
            w->active[w->depth].ino = sb.st_ino;
        }
        w->depth++;
        for (n = 0; n < count && result == 0; n++) {
            size_t at = len, more = strlen(names[n]);
            if (at > 0 && w->path[at - 1] != '/')
                w->path[at++] = '/';
            if (at + more + 1 > sizeof w->path) {
                errno = ENAMETOOLONG;
                result = -1;
                break;
            }
            memcpy(w->path + at, names[n], more + 1);
            result = visit(w, at + more, (int)at, level + 1);
            w->path[len] = '\0';
            if (w->skip_siblings) {                 /* the rest of this directory is skipped */
                w->skip_siblings = 0;
                break;
            }
        }
        w->depth--;
        if ((w->flags & FTW_CHDIR) && go_to(w, (size_t)base) != 0 && result == 0)
            result = -1;
    }
    if (result == 0 && (w->flags & FTW_DEPTH)) {
        result = action(w, call(w, &sb, FTW_DP, base, level));
    }
    for (n = 0; n < count; n++)
        free(names[n]);
    free(names);
    return result;
}

static int walk(struct walk *w, const char *path, int flags)
{
    size_t len = strlen(path);
    int base = 0, result;

    if (len == 0) {
        errno = ENOENT;
        return -1;
    }
    if (len >= sizeof w->path) {
        errno = ENAMETOOLONG;
        return -1;
    }
    memcpy(w->path, path, len + 1);
    w->flags = flags;
    for (size_t i = 0; i + 1 < len; i++)           /* the last name (a trailing '/' is kept) */
        if (path[i] == '/')
            base = (int)i + 1;
    if (flags & FTW_CHDIR) {
        if (getcwd(w->origin, sizeof w->origin) == NULL)
            return -1;
        if (base > 0 && go_to(w, (size_t)base) != 0)
            return -1;
    }
    result = visit(w, len, base, 0);
    if (flags & FTW_CHDIR) {
        int saved = errno;
        chdir(w->origin);
        errno = saved;
    }
    return result;
}

int nftw(const char *path,
         int (*fn)(const char *fpath, const struct stat *sb, int typeflag, struct FTW *ftwbuf),
         int nopenfd, int flags)
{
    struct walk *w = calloc(1, sizeof *w);          /* big buffers: not on the stack */
    int result;

    (void)nopenfd;
    if (w == NULL)
        return -1;
    w->nftw_fn = fn;
    w->is_nftw = 1;
    result = walk(w, path, flags);
    free(w);
    return result;
}

int ftw(const char *path, int (*fn)(const char *fpath, const struct stat *sb, int typeflag), int nopenfd)
{
    struct walk *w = calloc(1, sizeof *w);
    int result;

    (void)nopenfd;
    if (w == NULL)
        return -1;
    w->ftw_fn = fn;
    result = walk(w, path, 0);
    free(w);
    return result;
}
