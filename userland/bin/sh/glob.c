/*
 * glob.c - shell patterns: matching a string against * ? [...] (for case and ${x#pattern}, with
 * libc's fnmatch), and pathname expansion (turning *.c into the sorted list of matching files).
 *
 * In a pattern a backslash makes the next character literal; expansion (expand.c) puts one
 * before every quoted special character, so "*" and \* match only a star.
 */
#include <dirent.h>
#include <fnmatch.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sh.h"

/* In dash only ! makes [!...] match what is not in the brackets: a ^ first is a member, as it
 * is anywhere else (*[^0-9]* is any string with a digit or a ^). libc's fnmatch takes it for !,
 * so every ^ gets a backslash: \^ is a ^ in brackets and out of them alike. */
static char *caret_as_member(const char *pat)
{
    struct strbuf sb;
    const char *p;

    sb_init(&sb);
    for (p = pat; *p != '\0'; p++) {
        if (*p == '\\' && p[1] != '\0')
            sb_addc(&sb, *p++);
        else if (*p == '^')
            sb_addc(&sb, '\\');
        sb_addc(&sb, *p);
    }
    return sb_take(&sb);
}

/* The matching itself is libc's fnmatch (flags 0: a '/' or a leading '.' is an ordinary
 * character here; glob_dir keeps hidden files out of * itself). */
int pattern_match(const char *pat, const char *s)
{
    char *copy;
    int match;

    if (strchr(pat, '^') == NULL)
        return fnmatch(pat, s, 0) == 0;
    copy = caret_as_member(pat);
    match = fnmatch(copy, s, 0) == 0;
    free(copy);
    return match;
}

int has_glob_chars(const char *pat)
{
    for (; *pat; pat++) {
        if (*pat == '\\' && pat[1])
            pat++;
        else if (*pat == '*' || *pat == '?' || *pat == '[')
            return 1;
    }
    return 0;
}

/* A pattern with its backslashes removed: the literal name it stands for. */
static char *unescape(const char *pat, size_t n)
{
    struct strbuf sb;
    size_t i;

    sb_init(&sb);
    for (i = 0; i < n; i++) {
        if (pat[i] == '\\' && i + 1 < n)
            i++;
        sb_addc(&sb, pat[i]);
    }
    return sb_take(&sb);
}

static int compare_strings(const void *a, const void *b)
{
    const char *const *x = a;
    const char *const *y = b;

    return strcmp(*x, *y);
}

/* Match the pattern's components from rest on, inside the directory prefix ("" or ending in /). */
static void glob_dir(const char *prefix, const char *rest, struct strlist *out)
{
    const char *slash = strchr(rest, '/');
    size_t complen = slash ? (size_t)(slash - rest) : strlen(rest);
    char *comp = xstrndup(rest, complen);
    struct strbuf path;
    struct stat st;

    if (!has_glob_chars(comp)) {            /* a plain name: no need to read the directory */
        char *name = unescape(comp, complen);

        sb_init(&path);
        sb_adds(&path, prefix);
        sb_adds(&path, name);
        free(name);
        if (slash) {
            sb_addc(&path, '/');
            glob_dir(path.s, slash + 1, out);
        } else if (lstat(path.s, &st) == 0) {
            sl_add(out, xstrdup(path.s));
        }
        sb_free(&path);
    } else {
        DIR *d = opendir(prefix[0] ? prefix : ".");
        struct dirent *e;

        while (d != NULL && (e = readdir(d)) != NULL) {
            if (e->d_name[0] == '.' && comp[0] != '.')
                continue;                   /* * does not match hidden files */
            if (!pattern_match(comp, e->d_name))
                continue;
            sb_init(&path);
            sb_adds(&path, prefix);
            sb_adds(&path, e->d_name);
            if (slash) {
                if (stat(path.s, &st) == 0 && S_ISDIR(st.st_mode)) {
                    sb_addc(&path, '/');
                    glob_dir(path.s, slash + 1, out);
                }
            } else {
                sl_add(out, xstrdup(path.s));
            }
            sb_free(&path);
        }
        if (d != NULL)
            closedir(d);
    }
    free(comp);
}

void glob_expand(const char *pat, struct strlist *out)
{
    int before = out->n;

    if (pat[0] == '/') {
        const char *p = pat;

        while (*p == '/')
            p++;
        glob_dir("/", p, out);
    } else {
        glob_dir("", pat, out);
    }
    qsort(out->v + before, (size_t)(out->n - before), sizeof(char *), compare_strings);
}
