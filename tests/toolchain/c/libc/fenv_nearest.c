// fenv.h on ufos: no exception flags (no FE_DIVBYZERO ... macros, FE_ALL_EXCEPT 0) and one
// rounding direction (FE_TONEAREST), with every function's result for that. Hand-written
// expectations (glibc on x86 supports all five exceptions and four directions); the arithmetic
// at the end shows the machine does round to nearest, ties to even.
#include <fenv.h>
#include <float.h>
#include <stdio.h>

#pragma STDC FENV_ACCESS ON

int main(void) {
#if defined(FE_DIVBYZERO) || defined(FE_INEXACT) || defined(FE_INVALID) || defined(FE_OVERFLOW) || defined(FE_UNDERFLOW)
    printf("an exception macro is defined\n");
#endif
#if defined(FE_UPWARD) || defined(FE_DOWNWARD) || defined(FE_TOWARDZERO)
    printf("another rounding direction is defined\n");
#endif
    printf("FE_ALL_EXCEPT %d FE_TONEAREST %d\n", FE_ALL_EXCEPT, FE_TONEAREST);

    volatile double zero = 0.0, one = 1.0, huge = DBL_MAX;
    volatile double r = one / zero + huge * huge + zero / zero;
    printf("inf + inf + nan is nan: %d\n", r != r);
    printf("fetestexcept(FE_ALL_EXCEPT) after it: %d\n", fetestexcept(FE_ALL_EXCEPT));
    printf("feclearexcept: 0 -> %d, 1 -> %d\n", feclearexcept(0) != 0, feclearexcept(1) != 0);
    printf("feraiseexcept: 0 -> %d, 4 -> %d\n", feraiseexcept(0) != 0, feraiseexcept(4) != 0);
    fexcept_t flags = 99;
    printf("fegetexceptflag: 0 -> %d (flags %u), 8 -> %d\n", fegetexceptflag(&flags, 0) != 0,
           flags, fegetexceptflag(&flags, 8) != 0);
    printf("fesetexceptflag: 0 -> %d, 16 -> %d\n", fesetexceptflag(&flags, 0) != 0,
           fesetexceptflag(&flags, 16) != 0);
    printf("fetestexcept(-1): %d\n", fetestexcept(-1));

    printf("fegetround: %d\n", fegetround());
    printf("fesetround: FE_TONEAREST -> %d, 0x400 -> %d, -1 -> %d\n", fesetround(FE_TONEAREST) != 0,
           fesetround(0x400) != 0, fesetround(-1) != 0);
    printf("fegetround still: %d\n", fegetround());

    fenv_t env, held;
    printf("fegetenv %d feholdexcept %d fesetenv %d feupdateenv %d FE_DFL_ENV %d %d\n",
           fegetenv(&env), feholdexcept(&held), fesetenv(&env), feupdateenv(&held),
           fesetenv(FE_DFL_ENV), feupdateenv(FE_DFL_ENV));

    volatile double half_ulp = DBL_EPSILON / 2, quarter_ulp = DBL_EPSILON / 4;
    printf("1 + eps/2 (a tie, to even): %d\n", one + half_ulp == one);
    printf("1 + 3eps/4 (rounds up): %d\n", one + (half_ulp + quarter_ulp) == one + DBL_EPSILON);
    printf("(1 + eps) + eps/2 (a tie, to even: up): %d\n", (one + DBL_EPSILON) + half_ulp == one + 2 * DBL_EPSILON);
    printf("-1 - eps/2 (a tie): %d\n", -one - half_ulp == -one);
    printf("1/3 * 3 == 1: %d\n", one / 3 * 3 == one);
    return 0;
}
