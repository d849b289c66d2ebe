/*
 * fnmatch.c - shell pattern matching (fnmatch.h), also the shell's (userland/bin/sh/glob.c).
 *
 * The pattern is walked once with the string. A '*' remembers where it started; when a later
 * part fails, the last '*' takes one more character and the match goes on from there (a later
 * star can do whatever an earlier one could, so only the last one needs trying again). Time is
 * at most the pattern's length times the string's.
 */
#include <fnmatch.h>
#include <string.h>
#include "libc.h"

/* Is c in the class whose name is the len bytes at name? (An unknown class holds nothing.) */
static int in_class(const char *name, size_t len, int c)
{
    int class = __ctype_class(name, len);
    return class >= 0 && __ctype_classes[class].is(c) != 0;
}

/* One character of a set at p: plain, \c (unless FNM_NOESCAPE), or [.c.] or [=c=]. Sets *c;
 * returns what follows it. */
static const char *set_char(const char *p, int flags, int *c)
{
    if (p[0] == '[' && (p[1] == '.' || p[1] == '=') && p[2] != '\0' && p[3] == p[1] && p[4] == ']') {
        *c = (unsigned char)p[2];
        return p + 5;
    }
    if (p[0] == '\\' && !(flags & FNM_NOESCAPE) && p[1] != '\0')
        p++;
    *c = (unsigned char)*p;
    return p + 1;
}

/* The set at p (just after its '[') against c: sets *matched and returns what follows the
 * closing ']'; or NULL if there is none (the '[' is then an ordinary character). */
static const char *match_set(const char *p, int c, int flags, int *matched)
{
    int negate = *p == '!' || *p == '^', found = 0;
    const char *first = p += negate;
    while (*p != ']' || p == first) {           /* a ']' first is a member */
        const char *end;
        int lo, hi;
        if (*p == '\0')
            return NULL;
        if (p[0] == '[' && p[1] == ':' && (end = strstr(p + 2, ":]")) != NULL) {
            found |= in_class(p + 2, (size_t)(end - p - 2), c);
            p = end + 2;
            continue;
        }
        p = set_char(p, flags, &lo);
        hi = lo;
        if (p[0] == '-' && p[1] != ']' && p[1] != '\0')
            p = set_char(p + 1, flags, &hi);
        found |= lo <= c && c <= hi;
    }
    *matched = found != negate;
    return p + 1;
}

/* Must the character at s be matched by the same character in the pattern: a '/' with
 * FNM_PATHNAME, or a leading '.' with FNM_PERIOD? */
static int only_literally(const char *s, const char *string, int flags)
{
    if (*s == '/')
        return (flags & FNM_PATHNAME) != 0;
    return *s == '.' && (flags & FNM_PERIOD) &&
           (s == string || ((flags & FNM_PATHNAME) && s[-1] == '/'));
}

/* Does the pattern's next part at *pp (anything but '*') match the character at s? If it
 * does, *pp moves past it. */
static int match_one(const char **pp, const char *s, const char *string, int flags)
{
    const char *p = *pp;
    int c = (unsigned char)*s, special;
    if (c == '\0')
        return 0;
    special = only_literally(s, string, flags);
    if (*p == '?') {
        *pp = p + 1;
        return !special;
    }
    if (*p == '[') {
        int matched;
        const char *next = match_set(p + 1, c, flags, &matched);
        if (next != NULL) {
            *pp = next;
            return matched && !special;
        }
    }
    if (*p == '\\' && !(flags & FNM_NOESCAPE))
        p++;                                    /* a '\' last matches nothing, as glibc's */
    *pp = p + 1;
    return *p != '\0' && (unsigned char)*p == c;
}

int fnmatch(const char *pattern, const char *string, int flags)
{
    const char *p = pattern, *s = string;
    const char *star_p = NULL, *star_s = NULL;  /* after the last '*': the pattern, and where in
                                                   the string that star ends so far */
    for (;;) {
        if (*p == '*') {
            while (*p == '*')
                p++;
            if (only_literally(s, string, flags) && *s == '.')
                return FNM_NOMATCH;             /* not even an empty '*' before a leading '.' */
            star_p = p;
            star_s = s;
            continue;
        }
        if (*p == '\0' && *s == '\0')
            return 0;
        const char *next = p;
        if (match_one(&next, s, string, flags)) {
            p = next;
            s++;
            continue;
        }
        /* the last star takes one more character, unless it may not */
        if (star_p == NULL || *star_s == '\0' || (*star_s == '/' && (flags & FNM_PATHNAME)))
            return FNM_NOMATCH;
        p = star_p;
        s = ++star_s;
    }
}
