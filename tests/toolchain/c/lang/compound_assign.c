// Compound assignment for every operator and operand type, including narrow and pointer types.
// expected: host
#include <stdio.h>

int main(void) {
    int i = 100;
    i += 5; printf("%d ", i);
    i -= 10; printf("%d ", i);
    i *= 3; printf("%d ", i);
    i /= 7; printf("%d ", i);
    i %= 11; printf("%d ", i);
    i <<= 4; printf("%d ", i);
    i >>= 2; printf("%d ", i);
    i &= 0x1c; printf("%d ", i);
    i |= 0x41; printf("%d ", i);
    i ^= 0xff; printf("%d\n", i);
    unsigned char c = 250;
    c += 10; printf("%d ", c);          /* 4 */
    c -= 5; printf("%d ", c);           /* 255 */
    c *= 2; printf("%d ", c);           /* 254 */
    c <<= 1; printf("%d\n", c);         /* 252 */
    short s = 1000;
    s *= 40;                            /* 40000 -> -25536 */
    printf("%d\n", s);
    signed char sc = -100;
    sc -= 100;                          /* -200 -> 56 */
    printf("%d\n", sc);
    long l = 1;
    l <<= 40; l += 1; l *= 3;
    printf("%ld\n", l);
    double d = 10;
    d /= 4; d += 0.25; d *= d; d -= 1;
    printf("%f\n", d);                  /* 6.562500 */
    int x = 7;
    x += 2.9;                           /* int(7 + 2.9) = 9 */
    printf("%d\n", x);
    x /= 0.5;                           /* 18 */
    printf("%d\n", x);
    int arr[5] = {1, 2, 3, 4, 5};
    int *p = arr;
    p += 3; printf("%d ", *p);
    p -= 2; printf("%d\n", *p);
    int idx = 0;
    arr[idx++] += 10;                   /* the index is evaluated once */
    printf("%d %d %d\n", arr[0], arr[1], idx);
    unsigned u = 1;
    u -= 2;
    printf("%u\n", u);
    int neg = -17;
    neg %= 5;
    printf("%d\n", neg);                /* -2 */
    neg /= -1;
    printf("%d\n", neg);
    return 0;
}
