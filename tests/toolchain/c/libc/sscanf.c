// sscanf: integers, strings, characters, doubles, hex, widths, literal text, and its count.
// expected: host
#include <stdio.h>

int main(void) {
    int a, b;
    char word[16];
    double d;
    int n = sscanf("12 34 hello 2.5", "%d %d %15s %lf", &a, &b, word, &d);
    printf("%d %d %d %s %.2f\n", n, a, b, word, d);
    unsigned x;
    long l;
    n = sscanf("ff -9000000000", "%x %ld", &x, &l);
    printf("%d %u %ld\n", n, x, l);
    int h, m, s;
    n = sscanf("12:34:56", "%d:%d:%d", &h, &m, &s);
    printf("%d %d %d %d\n", n, h, m, s);
    char c1, c2;
    n = sscanf("xy", "%c%c", &c1, &c2);
    printf("%d %c %c\n", n, c1, c2);
    n = sscanf("abc", "%d", &a);
    printf("%d\n", n);
    n = sscanf("", "%d", &a);
    printf("%d\n", n);                      /* EOF */
    n = sscanf("123456", "%3d%d", &a, &b);
    printf("%d %d %d\n", n, a, b);
    return 0;
}
