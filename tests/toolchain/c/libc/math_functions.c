// Transcendental math.h functions, printed to 9 significant digits (within any good
// implementation's error): exp, log, log10, log2, pow, sin, cos, tan, asin, acos, atan, atan2,
// sinh, cosh, tanh, hypot, cbrt, exp2, expm1, log1p.
// expected: host
#include <stdio.h>
#include <math.h>

int main(void) {
    double xs[] = {0.5, 1.0, 2.0, 10.0};
    for (int i = 0; i < 4; i++) {
        double x = xs[i];
        printf("x=%g exp %.9g log %.9g log10 %.9g log2 %.9g\n", x, exp(x), log(x), log10(x), log2(x));
        printf("  sin %.9g cos %.9g tan %.9g atan %.9g\n", sin(x), cos(x), tan(x), atan(x));
        printf("  sinh %.9g cosh %.9g tanh %.9g cbrt %.9g\n", sinh(x), cosh(x), tanh(x), cbrt(x));
    }
    printf("%.9g %.9g %.9g\n", asin(0.5), acos(0.5), acos(-1.0));
    printf("%.9g %.9g %.9g %.9g\n", atan2(1, 1), atan2(1, -1), atan2(-1, -1), atan2(0, -1));
    printf("%.9g %.9g %.9g %.9g\n", pow(2, 10), pow(2, 0.5), pow(10, -2), pow(-2, 3));
    printf("%.9g %.9g\n", pow(1.0001, 10000), pow(0, 0));
    printf("%.9g %.9g\n", hypot(3, 4), hypot(1e200, 1e200));
    printf("%.9g %.9g %.9g\n", exp2(10), expm1(1e-10), log1p(1e-10));
    printf("%.9g %.9g\n", exp(-1), log(1e-300));
    printf("%.6f\n", 4 * atan(1.0));
    return 0;
}
