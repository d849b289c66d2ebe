// Calls with more arguments than argument registers: integers, pointers and doubles spill to the
// stack (the ninth and later of each kind), mixed in every order.
// expected: host
#include <stdio.h>

static long ints12(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j, long k, int l) {
    return a + 2L * b + 3L * c + 4L * d + 5L * e + 6L * f + 7L * g + 8L * h + 9L * i + 10L * j + 11L * k + 12L * l;
}
static double doubles11(double a, double b, double c, double d, double e, double f, double g,
                        double h, double i, double j, double k) {
    return a - b + c - d + e - f + g - h + i - j + k * 100;
}
static double mixed(int a, double b, const char *s, double c, long d, int e, double f, double g,
                    double h, double i, int j, double k, double l, int m, int n, int o, char p) {
    return a + b + s[0] + c + d + e + f + g + h + i + j + k + l + m + n + o + p;
}
static const char *pick(int n, const char *a, const char *b, const char *c, const char *d,
                        const char *e, const char *f, const char *g, const char *h, const char *i,
                        const char *j) {
    const char *all[] = {a, b, c, d, e, f, g, h, i, j};
    return all[n];
}
static int last_of_ten(char a, short b, int c, long d, unsigned char e, unsigned short f,
                       unsigned g, unsigned long h, signed char i, short j) {
    return a + b + c + (int)d + e + f + (int)g + (int)h + i + j * 1000;
}

int main(void) {
    printf("%ld\n", ints12(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12));
    printf("%ld\n", ints12(-1, -2, -3, -4, -5, -6, -7, -8, -9, -10, 10000000000L, -12));
    printf("%.2f\n", doubles11(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0.5));
    printf("%.2f\n", mixed(1, 0.5, "A", 0.25, 100L, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 'B'));
    for (int n = 7; n < 10; n++)
        printf("%s ", pick(n, "a", "b", "c", "d", "e", "f", "g", "h", "i", "j"));
    printf("\n");
    printf("%d\n", last_of_ten(1, 2, 3, 4, 5, 6, 7, 8, -9, -3));
    return 0;
}
