// printf of doubles where only an exact binary-to-decimal conversion gives glibc's digits:
// long expansions, ties (round half to even on the exact value), the extremes of double.
// expected: host
#include <stdio.h>
#include <float.h>

int main(void) {
    printf("%.17g\n", 0.1);                  /* 0.10000000000000001 */
    printf("%.20f\n", 0.1);                  /* 0.10000000000000000555 */
    printf("%.0f %.0f %.0f %.0f\n", 0.5, 1.5, 2.5, 3.5);     /* 0 2 2 4 */
    printf("%.1f %.1f %.2f\n", 0.25, 0.35, 1.005);           /* 0.2 0.3 1.00 */
    printf("%.17g\n", 1.0 / 3.0);
    printf("%.0f\n", 1e22);
    printf("%.0f\n", 9007199254740993.0);
    printf("%.0f\n", 18446744073709551616.0);
    printf("%e\n", DBL_MAX);
    printf("%g\n", DBL_MIN);
    printf("%g\n", 4.9406564584124654e-324);
    printf("%.30f\n", 1.0 / 1024.0);
    printf("%.3f\n", 2.0005);
    return 0;
}
