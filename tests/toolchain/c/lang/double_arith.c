// double arithmetic: the four operations, negation, comparisons, accumulation.
// expected: host
#include <stdio.h>

static double average(const double *v, int n) {
    double s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s / n;
}

int main(void) {
    double a = 1.5, b = 0.25;
    printf("%f %f %f %f\n", a + b, a - b, a * b, a / b);
    printf("%f\n", -a);
    printf("%d %d %d %d\n", a > b, a < b, a == 1.5, a != b);
    double v[5] = {1, 2, 3, 4, 5.5};
    printf("%f\n", average(v, 5));          /* 3.100000 */
    double x = 1.0;
    for (int i = 0; i < 10; i++)
        x *= 2.5;
    printf("%f\n", x);                      /* 9536.743164 */
    double third = 1.0 / 3.0;
    printf("%.10f\n", third);
    printf("%.10f\n", third * 3.0);
    double tiny = 1e-300, huge = 1e300;
    printf("%g %g\n", tiny * huge, huge / 1e299);
    double acc = 0;
    for (int i = 1; i <= 1000; i++)
        acc += 1.0 / i;
    printf("%.9f\n", acc);                  /* harmonic number H(1000) */
    double c = 10;
    c /= 4;
    c -= 0.5;
    c *= c;
    printf("%f\n", c);                      /* 4.000000 */
    int n = 7;
    double mixed = n / 2 + n / 2.0;
    printf("%f\n", mixed);                  /* 6.500000 */
    printf("%f\n", 0.1 + 0.2);
    printf("%d\n", 0.1 + 0.2 == 0.3);       /* 0 */
    printf("%d\n", 0.5 + 0.25 == 0.75);     /* 1 */
    double neg_zero = -0.0;
    printf("%d\n", neg_zero == 0.0);        /* 1 */
    return 0;
}
