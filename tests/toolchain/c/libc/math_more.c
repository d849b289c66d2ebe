// More math.h: inverse hyperbolics, rint/nearbyint (round half to even), lround, llround, lrint,
// remainder, scalbn, ilogb, logb, copysign, nan, fdim, fma, nextafter, isnormal, isgreater and
// friends.
// expected: host
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <math.h>

int main(void) {
    printf("%.9g %.9g %.9g\n", asinh(1.0), acosh(2.0), atanh(0.5));
    double v[] = {0.5, 1.5, 2.5, -1.5, -2.5, 2.4, -3.7};
    for (int i = 0; i < 7; i++)
        printf("%g: rint %g nearbyint %g lround %ld llround %lld lrint %ld\n", v[i], rint(v[i]), nearbyint(v[i]),
               lround(v[i]), llround(v[i]), lrint(v[i]));
    printf("%g %g %g\n", remainder(10, 3), remainder(11, 3), remainder(-7.5, 2));
    printf("%g %g %g\n", scalbn(1.5, 4), scalbn(3, -2), ldexp(1, 10));
    printf("%d %d %g %g\n", ilogb(1024.0), ilogb(0.1), logb(1000.0), logb(0.25));
    printf("%g %g %g\n", copysign(3, -0.5), copysign(-3, 2), fabs(copysign(0.0, -1.0)));
    printf("%d\n", isnan(nan("")) != 0);
    printf("%g %g\n", fdim(5, 3), fdim(3, 5));
    printf("%.17g\n", fma(0.1, 10, -1));
    printf("%.17g %.17g\n", nextafter(1.0, 2.0), nextafter(1.0, 0.0));
    printf("%d %d %d\n", isnormal(1.0) != 0, isnormal(0.0) != 0, isnormal(1e-310) != 0);
    double nan_ = NAN;
    printf("%d %d %d %d %d %d\n", isgreater(2.0, 1.0), isgreaterequal(1.0, 1.0), isless(1.0, nan_),
           islessequal(nan_, 1.0), islessgreater(1.0, 2.0), isunordered(nan_, 1.0));
    printf("%g %g\n", M_PI, M_E);
    printf("%d %d\n", HUGE_VAL > 1e308, isinf(HUGE_VAL) != 0);
    return 0;
}
