/*
 * glob.h - the path names that match a shell pattern (POSIX). Implemented in
 * userland/libc/glob.c, on fnmatch and opendir/readdir. Values are glibc's.
 *
 *   int glob(pattern, flags, errfunc, &g)   0, GLOB_NOMATCH, GLOB_ABORTED or GLOB_NOSPACE;
 *                                           g.gl_pathv[g.gl_offs ...] holds g.gl_pathc names
 *   void globfree(&g)                       frees what glob put in g
 *
 * Each '/'-separated part of the pattern is matched against a directory's entries with fnmatch;
 * a name starting with '.' is matched only by a part starting with '.' (unless GLOB_PERIOD).
 * errfunc(path, errno), if given, hears of a directory that cannot be read; if it returns
 * non-zero, or with GLOB_ERR, glob stops with GLOB_ABORTED. Brace and tilde expansion (GNU's
 * GLOB_BRACE and GLOB_TILDE) are not provided.
 */
#ifndef _GLOB_H
#define _GLOB_H

#include <stddef.h>

typedef struct {
    size_t gl_pathc;            /* how many names matched */
    char **gl_pathv;            /* gl_offs NULLs (with GLOB_DOOFFS), the names, then NULL */
    size_t gl_offs;             /* with GLOB_DOOFFS: how many NULLs first */
    int gl_flags;               /* the flags of the last call */
} glob_t;

#define GLOB_ERR (1 << 0)           /* stop at a directory that cannot be read */
#define GLOB_MARK (1 << 1)          /* a '/' after each directory's name */
#define GLOB_NOSORT (1 << 2)        /* leave the names in directory order */
#define GLOB_DOOFFS (1 << 3)        /* gl_offs NULLs before the names (for execv) */
#define GLOB_NOCHECK (1 << 4)       /* if nothing matches, the pattern itself is the one name */
#define GLOB_APPEND (1 << 5)        /* add to the names of the previous call */
#define GLOB_NOESCAPE (1 << 6)      /* '\' is an ordinary character */
#define GLOB_PERIOD (1 << 7)        /* (GNU) a leading '.' may be matched by * ? [ */
#define GLOB_MAGCHAR (1 << 8)       /* (GNU) set in gl_flags: the pattern had * ? or [ */
#define GLOB_NOMAGIC (1 << 11)      /* (GNU) like GLOB_NOCHECK, for a pattern without * ? [ */
#define GLOB_ONLYDIR (1 << 13)      /* (GNU) only directories */

#define GLOB_NOSPACE 1              /* out of memory */
#define GLOB_ABORTED 2              /* a directory could not be read (GLOB_ERR or errfunc) */
#define GLOB_NOMATCH 3              /* nothing matched */
#define GLOB_NOSYS 4
#define GLOB_ABEND GLOB_ABORTED

int glob(const char *pattern, int flags, int (*errfunc)(const char *epath, int eerrno), glob_t *pglob);
void globfree(glob_t *pglob);

#endif
