/* alloca.h: alloca(n), n bytes in the calling function's stack frame, until it returns (the
   compiler's __builtin_alloca, which takes them as a variable-length array's storage). */
#ifndef _ALLOCA_H
#define _ALLOCA_H

#include <stddef.h>

#define alloca(size) __builtin_alloca(size)

#endif
