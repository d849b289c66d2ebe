// Shifts: left shifts of unsigned values, logical right shifts of unsigned, 64-bit shifts,
// variable shift counts. (Right shift of a negative int is implementation-defined: arithmetic here.)
// expected: host
#include <stdio.h>

int main(void) {
    unsigned int u = 1;
    for (int i = 0; i < 32; i += 5)
        printf("%u ", u << i);
    printf("\n");
    printf("%u\n", 1u << 31);                  /* 2147483648 */
    printf("%lu\n", 1UL << 63);                /* 9223372036854775808 */
    printf("%lu\n", 1UL << 32);                /* 4294967296 */
    unsigned long v = 0xF0F0F0F0F0F0F0F0UL;
    for (int i = 0; i < 64; i += 12)
        printf("%lx %lx\n", v >> i, v << i);
    printf("%u\n", 0x80000000u >> 31);         /* 1 */
    printf("%d\n", 0x40000000 >> 30);          /* 1 */
    int n = -16;
    printf("%d\n", n >> 2);                    /* -4 (arithmetic) */
    printf("%d\n", -1 >> 10);                  /* -1 */
    long ln = -1024;
    printf("%ld\n", ln >> 3);                  /* -128 */
    unsigned char c = 0x81;
    printf("%d\n", c << 1);                    /* 258: promoted first */
    printf("%d\n", c >> 1);                    /* 64 */
    signed char sc = -128;
    printf("%d\n", sc >> 1);                   /* -64 */
    unsigned short us = 0xFFFF;
    printf("%d\n", us << 4);                   /* 1048560 */
    int k = 3;
    printf("%d\n", 5 << k);                    /* 40 */
    long big = 1;
    printf("%ld\n", big << 40);                /* 1099511627776 */
    unsigned int x = 0xDEADBEEF;
    unsigned int rot = (x << 8) | (x >> 24);
    printf("%x\n", rot);                       /* adbeefde */
    unsigned long y = 0x0123456789ABCDEFUL;
    unsigned long r64 = (y << 16) | (y >> 48);
    printf("%lx\n", r64);                      /* 456789abcdef0123 */
    printf("%d\n", 1 << 0);
    return 0;
}
