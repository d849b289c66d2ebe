/*
 * libgen.h - the parts of a path name (POSIX): basename, its last component, and dirname, the
 * directory that holds it. Implemented in userland/libc/libgen.c.
 */
#ifndef _LIBGEN_H
#define _LIBGEN_H

char *basename(char *path);
char *dirname(char *path);

#endif
