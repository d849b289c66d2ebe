/*
 * libc.h - what the files of libc share among themselves (not a public header).
 */
#ifndef _LIBC_LIBC_H
#define _LIBC_LIBC_H

#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>
#include <sys/syscall.h>

/*
 * syscallN(n, args...): make system call n and turn its result into C's convention: a result in
 * [-4095, -1] is a negated errno, so set errno and give -1; anything else is the result.
 * Each argument becomes a uintptr_t: pointers keep their capability, integers are null-derived.
 */
long __syscall_result(long r);

#define __A(x) ((uintptr_t)(x))
#define syscall0(n) __syscall_result(__syscall((n), 0, 0, 0, 0, 0, 0))
#define syscall1(n, a) __syscall_result(__syscall((n), __A(a), 0, 0, 0, 0, 0))
#define syscall2(n, a, b) __syscall_result(__syscall((n), __A(a), __A(b), 0, 0, 0, 0))
#define syscall3(n, a, b, c) __syscall_result(__syscall((n), __A(a), __A(b), __A(c), 0, 0, 0))
#define syscall4(n, a, b, c, d) \
    __syscall_result(__syscall((n), __A(a), __A(b), __A(c), __A(d), 0, 0))
#define syscall5(n, a, b, c, d, e) \
    __syscall_result(__syscall((n), __A(a), __A(b), __A(c), __A(d), __A(e), 0))
#define syscall6(n, a, b, c, d, e, f) \
    __syscall_result(__syscall((n), __A(a), __A(b), __A(c), __A(d), __A(e), __A(f)))

/* The program's name (argv[0] without its directory), for messages. Set by start.c. */
extern const char *__progname;

/* stdio.c: flush every open stream (exit and abort call it). */
void __stdio_flush_all(void);

/* printf.c: format into a stream or a buffer; the core of the whole printf family. */
struct __printf_out;
int __vformat(struct __printf_out *out, const char *format, va_list ap);
/* ... and for the wide family (wstdio.c), with the format narrowed. */
int __vfwprintf_narrowed(FILE *stream, const char *format, va_list ap);
int __vswprintf_narrowed(wchar_t *ws, size_t size, const char *format, va_list ap);

/* ctype.c: the character classes by name, as in [:alpha:] (fnmatch.c, wctype.c).
 * __ctype_class(name, len) is the index in __ctype_classes of the len bytes at name, or -1. */
struct __ctype_class {
    const char *name;
    int (*is)(int);
};
extern const struct __ctype_class __ctype_classes[];
extern const int __ctype_nclasses;
int __ctype_class(const char *name, size_t len);

/* A pointer's address, for alignment tests (docs/abi.md: casting a pointer to an integer gives
 * its address). */
#define __ADDR(p) ((ptraddr_t)(p))

/* A pointer as a capability, for the cheri_* functions. In purecap a pointer is one (the cast
 * changes nothing); in hybrid C (-mabi=hybrid) a pointer is an integer address checked against
 * DDC, and the cast derives the capability from DDC: its bounds are the whole μprocess's. */
#define __CAP(p) ((void * __capability)(p))

/* Does a pointer carry bounds of its own (purecap), or only DDC's (hybrid)? */
#define __BOUNDED_POINTERS (sizeof(void *) == sizeof(void * __capability))

#endif
