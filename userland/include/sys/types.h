/* sys/types.h - POSIX data types (all in sys/_types.h), and the BSD shorthands for the unsigned
 * types that glibc's and the BSDs' sys/types.h also define (network and old Unix code uses them). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <sys/_types.h>

typedef unsigned char u_char;
typedef unsigned short u_short;
typedef unsigned int u_int;
typedef unsigned long u_long;

#endif
