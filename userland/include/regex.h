/*
 * regex.h - POSIX regular expressions (POSIX.1-2017 <regex.h>), basic (BRE) and extended (ERE).
 *
 *     regex_t re;
 *     regmatch_t m[2];
 *     if (regcomp(&re, "a\\(b*\\)c", 0) == 0) {
 *         if (regexec(&re, "xxabbc", 2, m, 0) == 0)
 *             ... m[0] is the whole match [2, 6), m[1] the group [3, 5) ...
 *         regfree(&re);
 *     }
 *
 * The flag and error values are glibc's, so a program prints the same numbers on both.
 * The implementation (and how it matches) is described at the top of libc/regex.c.
 */
#ifndef _REGEX_H
#define _REGEX_H

#include <sys/_types.h>

typedef long regoff_t;              /* an offset into the subject string */

typedef struct {
    size_t re_nsub;                 /* the number of parenthesized subexpressions */
    void *re_prog;                  /* private: the compiled program (libc/regex.c) */
} regex_t;

typedef struct {
    regoff_t rm_so;                 /* where the (sub)match starts, -1 if it did not take part */
    regoff_t rm_eo;                 /* just after where it ends */
} regmatch_t;

/* cflags for regcomp */
#define REG_EXTENDED 1              /* extended (egrep) syntax, not basic */
#define REG_ICASE    2              /* ignore case */
#define REG_NEWLINE  4              /* newline ends lines: . and [^x] skip it, ^ $ match at it */
#define REG_NOSUB    8              /* report only whether it matched, not where */

/* eflags for regexec */
#define REG_NOTBOL 1                /* the subject's start is not the start of a line */
#define REG_NOTEOL 2                /* the subject's end is not the end of a line */
#define REG_STARTEND 4              /* (BSD, glibc) search only string[pmatch[0].rm_so, rm_eo):
                                       no strlen, and offsets stay relative to string */

/* The results of regcomp and regexec */
#define REG_NOMATCH  1              /* regexec found no match */
#define REG_BADPAT   2              /* an invalid regular expression */
#define REG_ECOLLATE 3              /* an invalid collating element */
#define REG_ECTYPE   4              /* an invalid character class name */
#define REG_EESCAPE  5              /* a trailing backslash */
#define REG_ESUBREG  6              /* a back-reference to a group that does not exist (yet) */
#define REG_EBRACK   7              /* [ without its ] */
#define REG_EPAREN   8              /* ( or \( without its ), or the other way round */
#define REG_EBRACE   9              /* \{ without its \} */
#define REG_BADBR    10             /* an invalid content of \{ \} */
#define REG_ERANGE   11             /* an invalid range end in [ ] */
#define REG_ESPACE   12             /* out of memory */
#define REG_BADRPT   13             /* ?, * or + with nothing before it */
#define REG_ESIZE    15             /* a count in \{ \} above RE_DUP_MAX, or a too big program
                                       (not POSIX; glibc's name and value) */

#define RE_DUP_MAX 32767            /* the largest count in \{m,n\} */

int regcomp(regex_t *preg, const char *pattern, int cflags);
int regexec(const regex_t *preg, const char *string, size_t nmatch, regmatch_t pmatch[],
            int eflags);
size_t regerror(int errcode, const regex_t *preg, char *errbuf, size_t errbuf_size);
void regfree(regex_t *preg);

#endif
