/*
 * setjmp.h - non-local jumps (C11 7.13).
 *
 * A jmp_buf holds the callee-saved state of docs/abi.md as capabilities: c19-c28, c29 (frame
 * pointer), c30 (the return capability), csp, then d8-d15. It is an array of pointers so that it
 * is 16-byte aligned and its capabilities keep their tags. setjmp and longjmp are in setjmp.s.
 *     slot 0-9: c19-c28   10: c29   11: c30   12: csp   13-16: d8-d15 (two per slot)
 */
#ifndef _SETJMP_H
#define _SETJMP_H

typedef void * __capability jmp_buf[24];     /* capabilities in hybrid C too: c19-c30 are saved whole */
typedef void * __capability sigjmp_buf[24];

int setjmp(jmp_buf env);
_Noreturn void longjmp(jmp_buf env, int val);
int _setjmp(jmp_buf env);
_Noreturn void _longjmp(jmp_buf env, int val);

/* ufos does not save the signal mask: sigsetjmp is setjmp. */
#define sigsetjmp(env, savemask) setjmp(env)
#define siglongjmp(env, val) longjmp(env, val)

#endif
