/*
 * sys/cdefs.h - the declaration helpers of glibc's and the BSDs' headers, which programs written
 * for them use in their own: __BEGIN_DECLS and __END_DECLS around declarations (C++'s extern "C"
 * there; nothing in C, the only language ufos compiles), __P for pre-ANSI prototypes, and
 * __CONCAT and __STRING. glibc's and the BSDs' every header brings these in, so sys/_types.h,
 * which nearly every ufos header includes, does too.
 */
#ifndef _SYS_CDEFS_H
#define _SYS_CDEFS_H

#define __BEGIN_DECLS
#define __END_DECLS
#define __THROW
#define __P(args) args
#define __CONCAT(x, y) x ## y
#define __STRING(x) #x

#endif
