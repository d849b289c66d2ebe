/*
 * ftw.h - walking a file tree (POSIX, with glibc's GNU additions). Implemented in
 * userland/libc/ftw.c. Values are glibc's.
 *
 *   int nftw(path, fn, nopenfd, flags)   calls fn(fpath, &stat, typeflag, &ftw) for path and
 *                                        everything below it; 0 when done, fn's first non-zero
 *                                        return (the walk stops there), or -1 with errno
 *   int ftw(path, fn, nopenfd)           the same with fn(fpath, &stat, typeflag) and no flags
 *
 * fpath is path with the names below it appended ("path/dir/file"); ftw->base is where the
 * last name starts in fpath, ftw->level its depth (path itself is level 0). A directory's
 * entries come in readdir's order, which differs between systems. nopenfd is not needed: a
 * directory is read whole and closed before the walk goes below it.
 */
#ifndef _FTW_H
#define _FTW_H

#include <sys/stat.h>

/* typeflag */
#define FTW_F 0         /* a file (not a directory) */
#define FTW_D 1         /* a directory, before its entries */
#define FTW_DNR 2       /* a directory that cannot be read (its entries are not walked) */
#define FTW_NS 3        /* stat failed: the stat buffer means nothing */
#define FTW_SL 4        /* a symbolic link (with FTW_PHYS) */
#define FTW_DP 5        /* a directory, after its entries (with FTW_DEPTH) */
#define FTW_SLN 6       /* a symbolic link to nothing (without FTW_PHYS) */

/* nftw's flags */
#define FTW_PHYS 1          /* do not follow symbolic links: report them as FTW_SL */
#define FTW_MOUNT 2         /* stay on path's file system (skip what is on another) */
#define FTW_CHDIR 4         /* fn runs in the directory that holds fpath (chdir each time) */
#define FTW_DEPTH 8         /* a directory after its entries (FTW_DP), not before (FTW_D) */
#define FTW_ACTIONRETVAL 16 /* (GNU) fn's return is one of the FTW_ actions below */

/* fn's returns with FTW_ACTIONRETVAL (GNU) */
#define FTW_CONTINUE 0
#define FTW_STOP 1          /* stop the walk: nftw returns FTW_STOP */
#define FTW_SKIP_SUBTREE 2  /* (from FTW_D) do not walk this directory's entries */
#define FTW_SKIP_SIBLINGS 3 /* do not walk the rest of this directory's parent */

struct FTW {
    int base;           /* the offset of the last name in fpath */
    int level;          /* the depth below path */
};

int nftw(const char *path,
         int (*fn)(const char *fpath, const struct stat *sb, int typeflag, struct FTW *ftwbuf),
         int nopenfd, int flags);
int ftw(const char *path, int (*fn)(const char *fpath, const struct stat *sb, int typeflag),
        int nopenfd);

#endif
