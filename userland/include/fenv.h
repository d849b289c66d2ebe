/*
 * fenv.h - the floating-point environment (C11 7.6), as the ufos machine has it: none to speak
 * of. Implemented in userland/libc/fenv.c.
 *
 * The machine's floating-point instructions (docs/isa.md, "float") always round to nearest,
 * ties to even, and keep no exception flags (no FPSR/FPCR: a division by zero gives an infinity
 * and records nothing, and nothing ever traps). So, as C11 allows:
 *   - no FE_DIVBYZERO, FE_INEXACT, FE_INVALID, FE_OVERFLOW or FE_UNDERFLOW: each is defined
 *     "if and only if the implementation supports the floating-point exception", and
 *     FE_ALL_EXCEPT is 0;
 *   - FE_TONEAREST is the one rounding direction; FE_UPWARD, FE_DOWNWARD and FE_TOWARDZERO are
 *     not defined, and fesetround of anything but FE_TONEAREST fails (nonzero).
 * The functions exist and say so: the exception functions succeed for excepts 0 (the only
 * valid argument) and fail for anything else; fetestexcept is always 0; fegetround is
 * FE_TONEAREST; the environment functions succeed (feholdexcept too: the machine is always
 * in non-stop mode).
 */
#ifndef _FENV_H
#define _FENV_H

typedef unsigned int fexcept_t;                 /* the flags' state: there are none, always 0 */
typedef struct {
    unsigned int __round;                       /* the rounding direction: FE_TONEAREST */
} fenv_t;

#define FE_ALL_EXCEPT 0
#define FE_TONEAREST 0

extern const fenv_t __fe_dfl_env;
#define FE_DFL_ENV (&__fe_dfl_env)

int feclearexcept(int excepts);
int fegetexceptflag(fexcept_t *flagp, int excepts);
int feraiseexcept(int excepts);
int fesetexceptflag(const fexcept_t *flagp, int excepts);
int fetestexcept(int excepts);
int fegetround(void);
int fesetround(int round);
int fegetenv(fenv_t *envp);
int feholdexcept(fenv_t *envp);
int fesetenv(const fenv_t *envp);
int feupdateenv(const fenv_t *envp);

#endif
