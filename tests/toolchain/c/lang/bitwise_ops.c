// Bitwise operators on signed and unsigned operands: & | ^ ~, masks, bit counting.
// expected: host
#include <stdio.h>

static int popcount(unsigned long x) {
    int n = 0;
    while (x) {
        x &= x - 1;
        n++;
    }
    return n;
}

static unsigned reverse_bits(unsigned x) {
    unsigned r = 0;
    for (int i = 0; i < 32; i++) {
        r = (r << 1) | (x & 1);
        x >>= 1;
    }
    return r;
}

int main(void) {
    unsigned a = 0xF0F0, b = 0x0FF0;
    printf("%x %x %x %x\n", a & b, a | b, a ^ b, ~a);
    int s = -1;
    printf("%d %d %d\n", s & 0xff, s | 0, s ^ s);
    printf("%d\n", ~0);
    printf("%d\n", ~5);
    long l = 0x0123456789abcdefL;
    printf("%lx %lx\n", l & 0xffff0000ffff0000L, l ^ -1L);
    printf("%d %d %d\n", popcount(0), popcount(0xff), popcount(0xffffffffffffffffUL));
    printf("%x\n", reverse_bits(1));
    printf("%x\n", reverse_bits(0x12345678));
    unsigned flags = 0;
    flags |= 1u << 3;
    flags |= 1u << 7;
    flags &= ~(1u << 3);
    printf("%u %d %d\n", flags, (flags >> 7) & 1, (flags >> 3) & 1);
    unsigned char c = 0xA5;
    printf("%d\n", (unsigned char)~c);          /* 90 */
    printf("%d\n", ~c);                         /* -166: promoted */
    int x = 12;
    printf("%d\n", x & -x);                     /* lowest set bit: 4 */
    printf("%d\n", (x & 1) == 0);
    return 0;
}
