// Explicit casts: narrowing, widening, sign changes, void * round trips, casts to void.
// expected: host
#include <stdio.h>

int main(void) {
    printf("%d\n", (unsigned char)300);           /* 44 */
    printf("%d\n", (signed char)200);             /* -56 */
    printf("%d\n", (short)70000);                 /* 4464 */
    printf("%d\n", (unsigned short)-1);           /* 65535 */
    printf("%u\n", (unsigned)-1);
    printf("%d\n", (int)3000000000u);             /* -1294967296 */
    printf("%ld\n", (long)(int)-1);
    printf("%lu\n", (unsigned long)(unsigned)-1);
    printf("%ld\n", (long)(unsigned)-1);
    printf("%d\n", (int)(char)0x1ff);             /* -1 */
    printf("%d\n", (int)(long)0x100000005L);      /* 5 */
    printf("%f\n", (double)7 / 2);
    printf("%d\n", (int)7.0 / 2);
    int x = 12345;
    void *vp = &x;
    int *ip = (int *)vp;
    printf("%d\n", *ip);
    unsigned char *bp = (unsigned char *)&x;
    printf("%d %d\n", bp[0], bp[1]);              /* 57 48: little-endian 0x3039 */
    (void)x;
    (void)printf("cast to void\n");
    const int ci = 9;
    int *unconst = (int *)&ci;
    printf("%d\n", *unconst);
    double d = -1.75;
    printf("%d %ld\n", (int)d, (long)(d * 4));
    long long ll = (long long)1 << 62;
    printf("%lld\n", ll);
    printf("%d\n", (_Bool)0.1);
    return 0;
}
