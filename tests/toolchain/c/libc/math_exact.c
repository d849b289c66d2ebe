// math.h functions whose results are exact (or correctly rounded): sqrt, fabs, floor, ceil,
// round, trunc, fmod, ldexp, frexp, modf, fmin, fmax.
// expected: host
#include <stdio.h>
#include <math.h>

int main(void) {
    printf("%.17g %.17g %g %g\n", sqrt(2.0), sqrt(1e-10), sqrt(144.0), sqrt(0.0));
    printf("%g %g %g\n", fabs(-3.5), fabs(3.5), fabs(-0.0));
    double v[] = {2.5, -2.5, 2.4, -2.6, 0.5, -1.5, 7.0};
    for (int i = 0; i < 7; i++)
        printf("%g: floor %g ceil %g round %g trunc %g\n", v[i], floor(v[i]), ceil(v[i]), round(v[i]), trunc(v[i]));
    printf("%g %g %g %g\n", fmod(10.0, 3.0), fmod(-10.0, 3.0), fmod(10.5, 2.5), fmod(5.5, -2.0));
    printf("%g %g\n", ldexp(0.75, 4), ldexp(1.0, -3));
    int e;
    double m = frexp(48.0, &e);
    printf("%g %d\n", m, e);
    m = frexp(-0.1875, &e);
    printf("%g %d\n", m, e);
    double ip;
    double fp = modf(3.75, &ip);
    printf("%g %g\n", ip, fp);
    fp = modf(-2.25, &ip);
    printf("%g %g\n", ip, fp);
    printf("%g %g\n", fmin(2.0, -3.0), fmax(2.0, -3.0));
    printf("%.17g\n", sqrt(3.0) * sqrt(3.0));
    return 0;
}
