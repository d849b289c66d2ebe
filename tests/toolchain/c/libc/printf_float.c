// printf %f, %e, %g (and upper-case forms) with widths, precisions and flags. The values are
// chosen so that no digit sits on an exact rounding tie.
// expected: host
#include <stdio.h>

int main(void) {
    double v[] = {0.0, 1.0, -1.0, 3.14159265358979, 2.0 / 3.0, 123456.789, 1e-5, 1e10, 1.5e-10, -987.654321};
    for (int i = 0; i < 10; i++)
        printf("%f | %e | %g | %.3f | %.2e | %.4g\n", v[i], v[i], v[i], v[i], v[i], v[i]);
    printf("[%10.3f] [%-10.3f] [%010.3f] [%+.2f] [% .2f]\n", 3.14159, 3.14159, -3.14159, 2.71828, 2.71828);
    printf("[%.0f] [%.0f] [%.0f] [%#.0f]\n", 0.4, 1.6, -2.7, 3.0);
    printf("[%E] [%G] [%G]\n", 12345.678, 0.000012345, 1e20);
    printf("[%g] [%g] [%g] [%g]\n", 100000.0, 1000000.0, 0.0001, 0.00001);
    printf("[%g] [%g] [%#g]\n", 1.5, 2.0, 2.0);
    printf("[%.10g] [%.15g]\n", 1.0 / 7.0, 1.0 / 3.0);
    printf("[%12.4e] [%-12.2E]\n", 6.02214076e23, 1.602176634e-19);
    printf("[%.3f] [%.6f] [%.1f]\n", 1e15 + 0.3, 123.000001, 99.96);
    printf("[%f]\n", 1e20);
    printf("[%.2f] [%.2f]\n", 0.001, -0.001);
    printf("[%*.*f]\n", 9, 2, 3.14159);
    printf("[%e] [%g]\n", -0.0, -0.0);
    float f = 0.1f;
    printf("[%.8f] [%g]\n", f, f);
    printf("[%.3e] [%.3e]\n", 9.9996, 9.9994);
    printf("[%g] [%g]\n", 1e100, 1.7976931348623157e308);
    return 0;
}
