/*
 * fenv.c - the floating-point environment functions (fenv.h) for a machine that always rounds
 * to nearest and has no exception flags: what each must return when nothing else is supported.
 */
#include <fenv.h>

const fenv_t __fe_dfl_env = {FE_TONEAREST};

/* Is excepts made only of exceptions the machine supports (that is, 0)? 0 if so, else -1. */
static int supported(int excepts)
{
    return (excepts & ~FE_ALL_EXCEPT) == 0 ? 0 : -1;
}

int feclearexcept(int excepts)
{
    return supported(excepts);
}

int fegetexceptflag(fexcept_t *flagp, int excepts)
{
    *flagp = 0;
    return supported(excepts);
}

int feraiseexcept(int excepts)
{
    return supported(excepts);
}

int fesetexceptflag(const fexcept_t *flagp, int excepts)
{
    (void)flagp;
    return supported(excepts);
}

int fetestexcept(int excepts)
{
    (void)excepts;
    return 0;                                   /* no flag is ever set */
}

int fegetround(void)
{
    return FE_TONEAREST;
}

int fesetround(int round)
{
    return round == FE_TONEAREST ? 0 : -1;
}

int fegetenv(fenv_t *envp)
{
    *envp = __fe_dfl_env;                       /* the only environment there is */
    return 0;
}

int feholdexcept(fenv_t *envp)
{
    return fegetenv(envp);                      /* no flags to clear; never trapping already */
}

int fesetenv(const fenv_t *envp)
{
    (void)envp;
    return 0;
}

int feupdateenv(const fenv_t *envp)
{
    return fesetenv(envp);                      /* and no flags to raise again */
}
