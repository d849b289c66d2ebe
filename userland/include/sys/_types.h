/*
 * sys/_types.h - the scalar types that several headers share (ufos libc, internal).
 *
 * Every public header that needs one of these includes this file, so the types are declared once,
 * all together. The sizes follow docs/abi.md: long and size_t are 8 bytes, pointers 16.
 */
#ifndef _SYS__TYPES_H
#define _SYS__TYPES_H

#include <sys/cdefs.h>

typedef unsigned long size_t;       /* sizes of objects */
typedef long ssize_t;               /* a size or -1 */
typedef long ptrdiff_t;             /* the difference of two pointers (their addresses) */
typedef unsigned long ptraddr_t;    /* the address part of a capability */
typedef long off_t;                 /* a file offset */
typedef long off64_t;               /* the same (glibc's name, for fopencookie's seek) */
typedef int pid_t;                  /* a process id */
typedef unsigned int uid_t;
typedef unsigned int gid_t;
typedef unsigned int mode_t;        /* file type and permission bits */
typedef unsigned long dev_t;
typedef unsigned long ino_t;
typedef unsigned int nlink_t;
typedef int blksize_t;
typedef long blkcnt_t;
typedef long time_t;                /* seconds since 1970-01-01 00:00:00 UTC */
typedef long suseconds_t;
typedef unsigned int useconds_t;
typedef long clock_t;
typedef int clockid_t;
typedef unsigned int socklen_t;
typedef unsigned short sa_family_t;

/* Integers that hold a whole pointer are capabilities (16 bytes) in purecap; see stdint.h. In
 * hybrid C (-mabi=hybrid) a pointer is an 8-byte address, and so are they, as in CHERI Clang. */
#ifdef __CHERI_PURE_CAPABILITY__
typedef __intcap_t intptr_t;
typedef __uintcap_t uintptr_t;
#else
typedef long intptr_t;
typedef unsigned long uintptr_t;
#endif

struct timespec {
    time_t tv_sec;
    long tv_nsec;
};

#endif
