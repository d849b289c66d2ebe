// short and unsigned short: storage wraps, arithmetic happens in int.
// expected: host
#include <stdio.h>
#include <limits.h>

static short add_shorts(short a, short b) { return (short)(a + b); }
static unsigned short twice(unsigned short x) { return (unsigned short)(x * 2); }

int main(void) {
    printf("%d %d %d\n", SHRT_MIN, SHRT_MAX, USHRT_MAX);
    short a = 20000, b = 20000;
    int sum = a + b;
    printf("%d\n", sum);                     /* 40000 */
    printf("%d\n", add_shorts(a, b));        /* -25536 */
    printf("%d\n", twice(40000));            /* 14464 */
    short arr[5] = {-1, -2, 300, -32768, 32767};
    long total = 0;
    for (int i = 0; i < 5; i++)
        total += arr[i];
    printf("%ld\n", total);                  /* 296 */
    unsigned short us = (unsigned short)-1;
    printf("%d\n", us);                      /* 65535 */
    short s = (short)us;
    printf("%d\n", s);                       /* -1 */
    short neg = -300;
    printf("%d %d\n", neg / 7, neg % 7);     /* -42 -6 */
    printf("%d\n", (int)sizeof(short));
    return 0;
}
