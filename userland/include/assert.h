/*
 * assert.h - diagnostics (C11 7.2). A failed assertion prints
 *     PROGRAM: FILE:LINE: FUNCTION: Assertion `EXPR' failed.
 * on stderr and calls abort() (status 134 = 128 + SIGABRT). Defining NDEBUG before including
 * this header turns assert off.
 * (No include guard: C lets a program include assert.h again with NDEBUG changed.)
 */
#undef assert

#ifdef NDEBUG
#define assert(expr) ((void)0)
#else
#define assert(expr) ((expr) ? (void)0 : __assert_fail(#expr, __FILE__, __LINE__, __func__))
#endif

#ifndef _ASSERT_H
#define _ASSERT_H
_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func);
#define static_assert _Static_assert
#endif
