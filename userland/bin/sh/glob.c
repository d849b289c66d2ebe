/*
 * glob.c - shell patterns: matching a string against * ? [...] (for case and ${x#pattern}), and
 * pathname expansion (turning *.c into the sorted list of matching files).
 *
 * In a pattern a backslash makes the next character literal; expansion (expand.c) puts one
 * before every quoted special character, so "*" and \* match only a star.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "sh.h"

/* [...] at p (just after the '['), against c. Returns the index just after the ']' and sets
 * *matched; or 0 if there is no closing ']' (then '[' is an ordinary character). */
static size_t match_bracket(const char *p, int c, int *matched)
{
    size_t i = 0;
    int negate = 0, found = 0;

    if (p[i] == '!' || p[i] == '^') {
        negate = 1;
        i++;
    }
    if (p[i] == ']') {          /* a ] first in the set is a member */
        found |= c == ']';
        i++;
    }
    while (p[i] != ']') {
        int lo, hi;

        if (p[i] == '\0')
            return 0;
        if (p[i] == '\\' && p[i + 1] != '\0')
            i++;
        lo = (unsigned char)p[i++];
        hi = lo;
        if (p[i] == '-' && p[i + 1] != ']' && p[i + 1] != '\0') {
            i++;
            if (p[i] == '\\' && p[i + 1] != '\0')
                i++;
            hi = (unsigned char)p[i++];
        }
        if (c >= lo && c <= hi)
            found = 1;
    }
    *matched = found != negate;
    return i + 1;
}

int pattern_match(const char *pat, const char *s)
{
    for (;;) {
        int c = (unsigned char)*pat;

        if (c == '\0')
            return *s == '\0';
        if (c == '*') {
            while (*pat == '*')
                pat++;
            if (*pat == '\0')
                return 1;
            for (; *s; s++)                 /* try the rest of the pattern at each position */
                if (pattern_match(pat, s))
                    return 1;
            return pattern_match(pat, s);
        }
        if (*s == '\0')
            return 0;
        if (c == '?') {
            pat++;
            s++;
            continue;
        }
        if (c == '[') {
            int matched = 0;
            size_t n = match_bracket(pat + 1, (unsigned char)*s, &matched);

            if (n > 0) {
                if (!matched)
                    return 0;
                pat += 1 + n;
                s++;
                continue;
            }
        }
        if (c == '\\' && pat[1] != '\0')
            c = (unsigned char)*++pat;
        if (c != (unsigned char)*s)
            return 0;
        pat++;
        s++;
    }
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
