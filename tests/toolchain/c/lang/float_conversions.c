// Conversions between floating and integer types: truncation toward zero, int/long/unsigned to
// double, double to float rounding.
// expected: host
#include <stdio.h>

int main(void) {
    double d[] = {3.7, -3.7, 0.999, -0.999, 2.5, -2.5, 1e9, -1e9};
    for (int i = 0; i < 8; i++)
        printf("%d ", (int)d[i]);
    printf("\n");                              /* 3 -3 0 0 2 -2 1000000000 -1000000000 */
    long l = (long)1e15;
    printf("%ld\n", l);
    long ln = (long)-9.2e18;
    printf("%ld\n", ln);
    unsigned int u = (unsigned int)3e9;
    printf("%u\n", u);                         /* 3000000000 */
    unsigned long ul = (unsigned long)1e19;
    printf("%lu\n", ul);                       /* 10000000000000000000 */
    unsigned long ul2 = (unsigned long)9.5e18;
    printf("%lu\n", ul2);
    double from_ul = (double)18446744073709551615UL;
    printf("%d\n", from_ul == 18446744073709551616.0);   /* 2^64: rounded up */
    double from_neg = (double)-123456789L;
    printf("%.1f\n", from_neg);
    double from_u = (double)4294967295u;
    printf("%.1f\n", from_u);
    long big = 9007199254740993L;              /* 2^53 + 1: not exact as a double */
    double rounded = (double)big;
    printf("%.1f\n", rounded);                 /* 9007199254740992.0 */
    float f = 0.1f;
    double fd = f;
    printf("%.10f\n", fd);                     /* 0.1000000015 */
    float g = (float)16777217;                 /* 2^24 + 1 rounds to even */
    printf("%.1f\n", (double)g);               /* 16777216.0 */
    float h = (float)3.14159265358979;
    printf("%.7f\n", (double)h);
    int back = (int)f;
    printf("%d\n", back);
    char c = (char)65.9;
    printf("%d\n", c);                         /* 65 */
    short s = (short)-300.99;
    printf("%d\n", s);                         /* -300 */
    double sum = 0;
    for (int i = 0; i < 10; i++)
        sum += i;                              /* int to double in an assignment */
    printf("%f\n", sum);
    int fromfloat = 7.99f;
    printf("%d\n", fromfloat);                 /* 7 */
    unsigned char uc = (unsigned char)200.7;
    printf("%d\n", uc);                        /* 200 */
    return 0;
}
