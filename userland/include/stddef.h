/*
 * stddef.h - common definitions (C11 7.19).
 *
 * On ufos every pointer is a 16-byte capability; size_t, ptrdiff_t and ptraddr_t are plain
 * 8-byte integers. ptraddr_t (from CHERI C) holds just the address of a pointer.
 */
#ifndef _STDDEF_H
#define _STDDEF_H

#include <sys/_types.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

typedef int wchar_t;

/* The most strictly aligned type: a capability (16 bytes). */
typedef struct {
    void *__cap;
    long long __ll;
    double __d;
} max_align_t;

/* pycparser knows `offsetof(type, member)` itself; the macro only leaves it in place. */
#define offsetof(type, member) offsetof(type, member)

#endif
