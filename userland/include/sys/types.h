/* sys/types.h - POSIX data types (all in sys/_types.h). */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <sys/_types.h>

#endif
