/*
 * stdarg.h - variable arguments (C11 7.16), the ufos way (docs/abi.md, "Variadic functions").
 *
 * The caller writes every anonymous argument to its own 16-byte slot in an area on its stack and
 * passes a capability bounded to exactly that area in c9. So:
 *
 *   va_list             a char * that points at the next slot;
 *   va_start(ap, last)  __builtin_va_start(ap, last) sets ap to a copy of c9 (the compiler's
 *                       builtin; `last` is only there for C's sake);
 *   va_arg(ap, T)       __builtin_va_arg(ap, T) reads the current slot as a T and moves ap on
 *                       by 16. Integers sit zero-extended (read an int as its low 4 bytes),
 *                       pointers as whole capabilities, float and double as an 8-byte double,
 *                       a struct as a capability to the caller's copy of it;
 *   va_end(ap)          nothing;
 *   va_copy(d, s)       an assignment: a va_list is just a pointer.
 *
 * Reading past the last argument runs off the bounds of the area: a capability fault, so CHERI
 * catches printf("%d %d", 1).
 *
 * Builtins the compiler must provide:
 *   void __builtin_va_start(va_list ap, last)     (ap is assigned; a macro-like builtin)
 *   T __builtin_va_arg(va_list ap, T)             (reads the slot as a T, then ap += 16)
 *   char *__builtin_va_arg_slot(va_list *ap)      (returns *ap, then *ap += 16)
 */
#ifndef _STDARG_H
#define _STDARG_H

typedef char *va_list;

#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_end(ap) ((void)0)
#define va_copy(dest, src) ((dest) = (src))

#endif
