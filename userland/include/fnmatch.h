/*
 * fnmatch.h - matching a string against a shell pattern (POSIX). Implemented in
 * userland/libc/fnmatch.c.
 *
 *   int fnmatch(const char *pattern, const char *string, int flags)   0 if it matches, else FNM_NOMATCH
 *
 * A pattern has * (any characters), ? (one), [...] (one of a set: ranges a-z, classes
 * [:alpha:], [.c.] and [=c=] for the character c, ! or ^ first to negate, ] first as a member)
 * and \ to make the next character ordinary. A '[' without its ']' is an ordinary character.
 */
#ifndef _FNMATCH_H
#define _FNMATCH_H

#define FNM_NOMATCH 1           /* the result when the string does not match */

#define FNM_PATHNAME 0x1        /* a '/' is matched only by a '/' (not by *, ? or [...]) */
#define FNM_NOESCAPE 0x2        /* \ is an ordinary character */
#define FNM_PERIOD 0x4          /* a leading '.' (first, or after a '/' with FNM_PATHNAME) is
                                   matched only by a '.' */

int fnmatch(const char *pattern, const char *string, int flags);

#endif
