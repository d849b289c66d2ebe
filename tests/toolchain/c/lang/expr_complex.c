// Big expressions that need many temporaries, calls nested in arguments, and evaluation that
// must not depend on argument order.
// expected: host
#include <stdio.h>

static int g(int x) { return x * 3 + 1; }
static int h(int a, int b) { return a * 10 + b; }
static double k(double a, int b) { return a / b; }

int main(void) {
    int a = 1, b = 2, c = 3, d = 4, e = 5, f = 6, gg = 7, hh = 8, i = 9, j = 10, l = 11, m = 12;
    int r = ((a + b) * (c + d) - (e * f) / (gg - hh + i)) % (j + l * m) + (a ^ b ^ c) + ((d | e) & (f | gg));
    printf("%d\n", r);
    long big = (long)a * b * c * d * e * f * gg * hh * i * j * l * m;
    printf("%ld\n", big);
    printf("%d\n", h(g(1), g(2)) + h(h(g(3), 4), g(h(1, 2))));
    printf("%.4f\n", k(k(100.0, 3), g(1)) + k(1.0, h(0, 8)));
    int v[5] = {1, 2, 3, 4, 5};
    int s = v[v[0]] * v[v[1]] + v[v[v[0]]] - v[4 - v[0]];
    printf("%d\n", s);
    double x = 1.5, y = -2.25, z = 4.0;
    double q = (x * y + z) / (x - y) * (z + x * x) - (y / z) * (x + y + z);
    printf("%.6f\n", q);
    unsigned u = 0xdeadbeef;
    unsigned w = ((u >> 16) ^ (u & 0xffff)) * 31 + ((u << 3) | (u >> 29)) - (u % 1000);
    printf("%u\n", w);
    int t = a < b ? c < d ? e : f : gg;
    printf("%d\n", t);
    return 0;
}
