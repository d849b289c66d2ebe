// expected: host
// tgmath.h for the real types: the type of every macro's result for float, double, long double
// and int arguments (and mixed ones for two and three arguments), its value, and arguments
// evaluated exactly once.
#include <stdio.h>
#include <tgmath.h>

#define TYPE(e) _Generic((e), float: "f", double: "d", long double: "l", default: "?")
#define ONE(name, v)                                                                        \
    printf("%-10s %s%s%s%s %.6g\n", #name, TYPE(name(f##v)), TYPE(name(d##v)), TYPE(name(l##v)), \
           TYPE(name(i##v)), (double)name(f##v))
#define TWO(name, a, b)                                                                     \
    printf("%-10s %s%s%s%s%s%s %.6g\n", #name, TYPE(name(f##a, f##b)), TYPE(name(f##a, i##b)),   \
           TYPE(name(f##a, d##b)), TYPE(name(d##a, l##b)), TYPE(name(i##a, i##b)),            \
           TYPE(name(l##a, f##b)), (double)name(f##a, f##b))

int main(void) {
    float f0 = 0.5f, f1 = 2.0f, f2 = 3.0f;
    double d0 = 0.5, d1 = 2.0, d2 = 3.0;
    long double l0 = 0.5L, l1 = 2.0L, l2 = 3.0L;
    int i0 = 0, i1 = 2, i2 = 3;
    (void)i0;

    ONE(acos, 0); ONE(asin, 0); ONE(atan, 0); ONE(acosh, 1); ONE(asinh, 0); ONE(atanh, 0);
    ONE(cos, 0); ONE(sin, 0); ONE(tan, 0); ONE(cosh, 0); ONE(sinh, 0); ONE(tanh, 0);
    ONE(exp, 1); ONE(exp2, 2); ONE(expm1, 0); ONE(log, 1); ONE(log2, 1); ONE(log10, 2);
    ONE(log1p, 0); ONE(logb, 2); ONE(sqrt, 1); ONE(cbrt, 2); ONE(fabs, 0); ONE(ceil, 0);
    ONE(floor, 0); ONE(trunc, 2); ONE(round, 0); ONE(rint, 2); ONE(nearbyint, 0);

    TWO(pow, 1, 2); TWO(atan2, 1, 2); TWO(hypot, 1, 2); TWO(fmod, 2, 1); TWO(remainder, 2, 1);
    TWO(copysign, 1, 0); TWO(fdim, 2, 1); TWO(fmax, 1, 2); TWO(fmin, 1, 2);
    printf("nextafter  %s%s%s %.9g %.17g\n", TYPE(nextafter(f1, f2)), TYPE(nextafter(f1, i2)),
           TYPE(nextafter(l1, f2)), (double)nextafter(f1, f2), nextafter(d1, d0));
    float tiny = 0.0f;
    printf("nextafterf: %.9g %.9g %.9g %d\n", (double)nextafter(tiny, f1), (double)nextafter(-tiny, -f1),
           (double)nextafter(f1, f1), nextafter(1e30f, f2) < 1e30f);
    printf("fma        %s%s%s%s %.6g\n", TYPE(fma(f0, f1, f2)), TYPE(fma(f0, f1, i2)),
           TYPE(fma(f0, l1, f2)), TYPE(fma(i0, i1, i2)), (double)fma(f0, f1, f2));

    int e = 0;
    double mantissa = frexp(f2, &e);
    printf("frexp      %s%s%s%s %.6g %d\n", TYPE(frexp(f2, &e)), TYPE(frexp(d2, &e)),
           TYPE(frexp(l2, &e)), TYPE(frexp(i2, &e)), mantissa, e);
    printf("ldexp      %s%s%s%s %.6g\n", TYPE(ldexp(f2, 2)), TYPE(ldexp(d2, 2)), TYPE(ldexp(l2, 2)),
           TYPE(ldexp(i2, 2)), (double)ldexp(f2, 3));
    printf("scalbn     %s%s%s%s %.6g\n", TYPE(scalbn(f2, 2)), TYPE(scalbn(d2, 2)), TYPE(scalbn(l2, 2)),
           TYPE(scalbn(i2, 2)), (double)scalbn(f2, -1));

    int n = 4;
    double r = sqrt(n++) + pow(n++, 2) + fma(n++, 1, 0);
    printf("each argument once: n = %d, %.6g\n", n, r);
    float big = 1e30f;
    printf("float result rounded to float: %d\n", pow(big, 2) == (float)1e60);
    return 0;
}
