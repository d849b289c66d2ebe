/*
 * glob.c - the path names that match a shell pattern: glob and globfree (glob.h).
 *
 * The pattern is taken one '/'-separated part at a time, building the path in one buffer:
 *     a part without * ? or [...]   is appended as it is (its backslashes removed), unread;
 *     a part with them              is matched (fnmatch) against each entry of the directory
 *                                   built so far, and the rest of the pattern is tried below
 *                                   each entry that matches.
 * When the pattern is used up, the path is a result if it exists (lstat: a dangling symbolic
 * link counts, as in glibc). A trailing '/' in the pattern asks for directories. The results are
 * gathered in a private list, sorted with strcmp (the C locale's order) unless GLOB_NOSORT, and
 * only then put into the caller's glob_t, so a failure leaves it as it was.
 */
#include <glob.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct state {
    int flags;
    int (*errfunc)(const char *, int);
    char path[PATH_MAX];        /* the path built so far */
    char **names;               /* the results (malloc'd strings) */
    size_t count, capacity;
};

/* Does the part p (n bytes) have a * ? or [...] (a '[' with a ']' after it), not escaped? */
static int has_magic(const char *p, size_t n, int noescape)
{
    int open = 0;
    for (size_t i = 0; i < n; i++) {
        if (p[i] == '\\' && !noescape && i + 1 < n)
            i++;
        else if (p[i] == '*' || p[i] == '?')
            return 1;
        else if (p[i] == '[')
            open = 1;
        else if (p[i] == ']' && open)
            return 1;
    }
    return 0;
}

static int add_name(struct state *st, const char *name, int mark)
{
    size_t len = strlen(name);
    char *copy;

    if (st->count == st->capacity) {
        size_t capacity = st->capacity ? 2 * st->capacity : 16;
        char **names = realloc(st->names, capacity * sizeof *names);
        if (names == NULL)
            return GLOB_NOSPACE;
        st->names = names;
        st->capacity = capacity;
    }
    copy = malloc(len + 2);
    if (copy == NULL)
        return GLOB_NOSPACE;
    memcpy(copy, name, len);
    if (mark)
        copy[len++] = '/';
    copy[len] = '\0';
    st->names[st->count++] = copy;
    return 0;
}

/* The pattern used up: st->path (len bytes) is a result if it is there. */
static int found(struct state *st, size_t len)
{
    struct stat sb;
    int is_dir;

    if (lstat(st->path, &sb) != 0)
        return 0;
    is_dir = S_ISDIR(sb.st_mode) || (S_ISLNK(sb.st_mode) && stat(st->path, &sb) == 0 && S_ISDIR(sb.st_mode));
    /* A trailing '/' asks for a directory. (Checked here too: ufos's lstat("file/") succeeds.) */
    if (((st->flags & GLOB_ONLYDIR) || st->path[len - 1] == '/') && !is_dir)
        return 0;
    return add_name(st, st->path, (st->flags & GLOB_MARK) && is_dir && len > 0 && st->path[len - 1] != '/');
}

/* Appends n bytes at s to st->path at len, backslashes removed if unescape; the new length, or
 * 0 if it would not fit. */
static size_t append(struct state *st, size_t len, const char *s, size_t n, int unescape)
{
    for (size_t i = 0; i < n; i++) {
        if (unescape && s[i] == '\\' && i + 1 < n)
            i++;
        if (len + 1 >= sizeof st->path)
            return 0;
        st->path[len++] = s[i];
    }
    st->path[len] = '\0';
    return len;
}

/* Matches the pattern rest below st->path (len bytes). 0, or GLOB_ABORTED or GLOB_NOSPACE. */
static int expand(struct state *st, size_t len, const char *rest)
{
    int noescape = (st->flags & GLOB_NOESCAPE) != 0;
    size_t part, slashes, matched = 0, i;
    char **entries = NULL;
    struct dirent *entry;
    DIR *dir;
    int err = 0;

    if (*rest == '\0')
        return found(st, len);
    part = strcspn(rest, "/");
    slashes = strspn(rest + part, "/");

    if (!has_magic(rest, part, noescape)) {
        size_t longer = append(st, len, rest, part, !noescape);
        if (part > 0 && longer == 0)
            return 0;                               /* too long: nothing there */
        longer = append(st, part ? longer : len, rest + part, slashes, 0);
        return longer == 0 ? 0 : expand(st, longer, rest + part + slashes);
    }

    /* Read the directory's matching names first, then go below each with the directory closed. */
    /* The directory is the path so far without its trailing slashes (but "/" stays "/"). */
    size_t dirlen = len;
    while (dirlen > 1 && st->path[dirlen - 1] == '/')
        dirlen--;
    st->path[dirlen] = '\0';
    dir = opendir(len > 0 ? st->path : ".");
    if (dir == NULL) {
        if (errno != ENOTDIR && ((st->errfunc != NULL && st->errfunc(len > 0 ? st->path : ".", errno))
                                 || (st->flags & GLOB_ERR)))
            return GLOB_ABORTED;
        return 0;
    }
    memset(st->path + dirlen, '/', len - dirlen);   /* the slashes back */
    st->path[len] = '\0';

    char pattern[NAME_MAX + 1];
    if (part > NAME_MAX) {
        closedir(dir);
        return 0;
    }
    memcpy(pattern, rest, part);
    pattern[part] = '\0';
    int fnflags = (noescape ? FNM_NOESCAPE : 0) | ((st->flags & GLOB_PERIOD) ? 0 : FNM_PERIOD);
    size_t capacity = 0;
    while ((entry = readdir(dir)) != NULL) {
        if (fnmatch(pattern, entry->d_name, fnflags) != 0)
            continue;
        if (matched == capacity) {
            size_t more = capacity ? 2 * capacity : 16;
            char **bigger = realloc(entries, more * sizeof *bigger);
            if (bigger == NULL) {
                err = GLOB_NOSPACE;
                break;
            }
            entries = bigger;
            capacity = more;
        }
        if ((entries[matched] = strdup(entry->d_name)) == NULL) {
            err = GLOB_NOSPACE;
            break;
        }
        matched++;
    }
    closedir(dir);
    for (i = 0; i < matched && err == 0; i++) {
        size_t longer = append(st, len, entries[i], strlen(entries[i]), 0);
        if (longer != 0 && (longer = append(st, longer, rest + part, slashes, 0)) != 0)
            err = expand(st, longer, rest + part + slashes);
        st->path[len] = '\0';
    }
    for (i = 0; i < matched; i++)
        free(entries[i]);
    free(entries);
    return err;
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

#define KNOWN_FLAGS (GLOB_ERR | GLOB_MARK | GLOB_NOSORT | GLOB_DOOFFS | GLOB_NOCHECK | GLOB_APPEND \
                     | GLOB_NOESCAPE | GLOB_PERIOD | GLOB_NOMAGIC | GLOB_ONLYDIR)

int glob(const char *pattern, int flags, int (*errfunc)(const char *epath, int eerrno), glob_t *pglob)
{
    struct state *st;
    size_t offs, old, i;
    char **pathv;
    int err, magic;

    if (pattern == NULL || pglob == NULL || (flags & ~KNOWN_FLAGS)) {
        errno = EINVAL;
        return -1;
    }
    if (!(flags & GLOB_DOOFFS))
        pglob->gl_offs = 0;
    if (!(flags & GLOB_APPEND)) {
        pglob->gl_pathc = 0;
        pglob->gl_pathv = NULL;
    }
    st = calloc(1, sizeof *st);                     /* the path buffer is big: not on the stack */
    if (st == NULL)
        return GLOB_NOSPACE;
    st->flags = flags;
    st->errfunc = errfunc;
    magic = has_magic(pattern, strlen(pattern), (flags & GLOB_NOESCAPE) != 0);
    err = expand(st, 0, pattern);

    if (err == 0 && st->count == 0) {
        if ((flags & GLOB_NOCHECK) || ((flags & GLOB_NOMAGIC) && !magic))
            err = add_name(st, pattern, 0);
        else
            err = GLOB_NOMATCH;
    }
    if (err == 0 && !(flags & GLOB_NOSORT))
        qsort(st->names, st->count, sizeof *st->names, compare_names);

    /* Into the caller's glob_t: gl_offs NULLs, the old names, the new ones, NULL. */
    offs = pglob->gl_offs;
    old = pglob->gl_pathc;
    if (err == 0) {
        pathv = realloc(pglob->gl_pathv, (offs + old + st->count + 1) * sizeof *pathv);
        if (pathv == NULL) {
            err = GLOB_NOSPACE;
        } else {
            if (old == 0 && pglob->gl_pathv == NULL)
                for (i = 0; i < offs; i++)
                    pathv[i] = NULL;
            for (i = 0; i < st->count; i++)
                pathv[offs + old + i] = st->names[i];
            pathv[offs + old + st->count] = NULL;
            pglob->gl_pathv = pathv;
            pglob->gl_pathc = old + st->count;
            st->count = 0;                          /* the names are the caller's now */
        }
    }
    pglob->gl_flags = flags | (magic ? GLOB_MAGCHAR : 0);
    for (i = 0; i < st->count; i++)
        free(st->names[i]);
    free(st->names);
    free(st);
    return err;
}

void globfree(glob_t *pglob)
{
    if (pglob->gl_pathv != NULL) {
        for (size_t i = 0; i < pglob->gl_pathc; i++)
            free(pglob->gl_pathv[pglob->gl_offs + i]);
        free(pglob->gl_pathv);
    }
    pglob->gl_pathv = NULL;
    pglob->gl_pathc = 0;
}
