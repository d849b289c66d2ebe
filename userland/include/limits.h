/* limits.h - sizes of integer types (C11 7.10) and a few POSIX limits. char is signed on ufos. */
#ifndef _LIMITS_H
#define _LIMITS_H

#define CHAR_BIT 8
#define SCHAR_MIN (-128)
#define SCHAR_MAX 127
#define UCHAR_MAX 255
#define CHAR_MIN SCHAR_MIN
#define CHAR_MAX SCHAR_MAX
#define MB_LEN_MAX 1
#define SHRT_MIN (-32767 - 1)
#define SHRT_MAX 32767
#define USHRT_MAX 65535
#define INT_MIN (-2147483647 - 1)
#define INT_MAX 2147483647
#define UINT_MAX 4294967295U
#define LONG_MIN (-9223372036854775807L - 1)
#define LONG_MAX 9223372036854775807L
#define ULONG_MAX 18446744073709551615UL
#define LLONG_MIN (-9223372036854775807LL - 1)
#define LLONG_MAX 9223372036854775807LL
#define ULLONG_MAX 18446744073709551615ULL

#define SSIZE_MAX LONG_MAX
#define HOST_NAME_MAX 64        /* a host name's length, without the NUL (POSIX) */
#define PATH_MAX 4096
#define NAME_MAX 255
#define LINE_MAX 2048           /* the longest line the text utilities promise to handle (POSIX) */
#define PIPE_BUF 4096
#define PAGE_SIZE 4096
#define PAGESIZE 4096
#define ARG_MAX 131072
#define OPEN_MAX 64
#define NGROUPS_MAX 32          /* supplementary groups of a process (getgroups, setgroups) */
#define IOV_MAX 1024            /* iovecs in one readv or writev (sys/uio.h) */

#endif
