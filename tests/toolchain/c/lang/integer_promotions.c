// Integer promotions: char, short and _Bool operands become int before arithmetic.
// expected: host
#include <stdio.h>

int main(void) {
    unsigned char a = 200, b = 100;
    signed char c = -100, d = -100;
    short s = 30000, t = 30000;
    unsigned short us = 65535;
    _Bool flag = 1;

    printf("%d\n", a + b);                 /* 300: no wrap at 8 bits */
    printf("%d\n", c + d);                 /* -200 */
    printf("%d\n", s + t);                 /* 60000 */
    printf("%d\n", us + 1);                /* 65536: unsigned short promotes to int */
    printf("%d\n", flag + flag);           /* 2 */
    printf("%d\n", (int)sizeof(a + b));    /* 4 */
    printf("%d\n", (int)sizeof(s * t));    /* 4 */
    printf("%d\n", (int)sizeof(+c));       /* 4 */
    printf("%d\n", ~a);                    /* -201: ~ on the promoted int */
    printf("%d\n", -a);                    /* -200 */
    printf("%d\n", a << 4);                /* 3200 */
    unsigned char e = a + b;               /* stored back: 300 mod 256 */
    printf("%d\n", e);                     /* 44 */
    signed char f = 127;
    f = f + 1;                             /* int 128 converted to signed char: -128 */
    printf("%d\n", f);
    printf("%d\n", a > c);                 /* 1: both are ints */
    printf("%u\n", (unsigned)us * us);     /* 4294836225: the cast makes it unsigned */
    return 0;
}
