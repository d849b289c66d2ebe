// Unions: members share storage (little-endian), size is the largest member's.
// expected: host
#include <stdio.h>
#include <stdint.h>

union word { uint32_t u; unsigned char b[4]; uint16_t h[2]; };
union fbits { float f; uint32_t bits; };
union dbits { double d; uint64_t bits; };

int main(void) {
    union word w;
    w.u = 0x11223344;
    printf("%x %x %x %x\n", w.b[0], w.b[1], w.b[2], w.b[3]);   /* 44 33 22 11 */
    printf("%x %x\n", w.h[0], w.h[1]);
    w.b[0] = 0xff;
    printf("%x\n", w.u);
    union fbits fb;
    fb.f = 1.0f;
    printf("%08x\n", fb.bits);                                  /* 3f800000 */
    fb.f = -2.5f;
    printf("%08x\n", fb.bits);                                  /* c0200000 */
    fb.bits = 0x40490fdb;
    printf("%.6f\n", (double)fb.f);                             /* 3.141593 */
    union dbits db;
    db.d = 1.0;
    printf("%016lx\n", (unsigned long)db.bits);                 /* 3ff0000000000000 */
    db.bits = 0xc000000000000000UL;
    printf("%f\n", db.d);                                       /* -2.000000 */
    printf("%d %d\n", (int)sizeof(union word), (int)sizeof(union dbits));
    union { char c; int i; } small = {'A'};
    printf("%c\n", small.c);
    return 0;
}
