// expected: host
// gcc's aligned attribute on a typedef: the type takes the alignment given, more or less than
// its own (less is how code reads unaligned data), its size stays; members, locals and arrays of
// it follow, and so does a type name with the attribute. An array of a type whose size is not a
// multiple of its alignment is an error (test_cc).
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef int __attribute__((aligned(8))) aint;
typedef int bint __attribute__((aligned(16)));
typedef uint32_t __attribute__((aligned(1))) u32_unaligned;
typedef uint64_t __attribute__((__aligned__(2))) u64_2;
typedef struct { char c[3]; } three;
typedef three __attribute__((aligned(4))) three4;
typedef struct { double d; char c; } __attribute__((aligned(16))) big;
typedef aint same;
typedef aint __attribute__((aligned(4))) back4;
typedef const aint caint;
typedef struct { char c[8]; } __attribute__((aligned(8))) vec8;
typedef int __attribute__((aligned(8), aligned(4))) last4;     /* of several, the last counts, */
typedef int __attribute__((aligned(4))) before4 __attribute__((aligned(16)));  /* and gcc takes */
typedef int __attribute__((aligned(16))) before16 __attribute__((aligned(2))); /* the name's first */

struct m { char c; aint x; u32_unaligned y; u64_2 z; char e; };
struct n { char c; three4 t; char d; bint b; };
struct wire { uint8_t kind; uint8_t bytes[11]; };

static aint global_a = 7;
static vec8 vecs[3];

int main(void) {
    printf("aint %zu %zu\n", sizeof(aint), _Alignof(aint));
    printf("bint %zu %zu\n", sizeof(bint), _Alignof(bint));
    printf("u32_unaligned %zu %zu\n", sizeof(u32_unaligned), _Alignof(u32_unaligned));
    printf("u64_2 %zu %zu\n", sizeof(u64_2), _Alignof(u64_2));
    printf("three4 %zu %zu\n", sizeof(three4), _Alignof(three4));
    printf("big %zu %zu\n", sizeof(big), _Alignof(big));
    printf("same %zu %zu\n", sizeof(same), _Alignof(same));
    printf("back4 %zu %zu\n", sizeof(back4), _Alignof(back4));
    printf("caint %zu %zu\n", sizeof(caint), _Alignof(caint));
    printf("last %zu %zu %zu\n", _Alignof(last4), _Alignof(before4), _Alignof(before16));
    printf("type name %zu %zu %zu\n", _Alignof(int __attribute__((aligned(8)))), sizeof(int __attribute__((aligned(8)))),
           _Alignof(__typeof__((short __attribute__((aligned(1))))global_a)));
    printf("typeof %zu\n", _Alignof(__typeof__(global_a)));
    printf("u64_2[3] %zu %zu\n", sizeof(u64_2[3]), _Alignof(u64_2[3]));
    printf("vec8[3] %zu %zu\n", sizeof vecs, _Alignof(vec8[3]));
    printf("struct m %zu %zu: %zu %zu %zu %zu\n", sizeof(struct m), _Alignof(struct m),
           offsetof(struct m, x), offsetof(struct m, y), offsetof(struct m, z), offsetof(struct m, e));
    printf("struct n %zu %zu: %zu %zu %zu\n", sizeof(struct n), _Alignof(struct n),
           offsetof(struct n, t), offsetof(struct n, d), offsetof(struct n, b));

    struct m v = { 'a', 1, 0x11223344u, 0x0102030405060708ull, 'z' };
    v.x += 41;
    v.y ^= 0xffu;
    v.z += 0x10;
    printf("%c %d %x %llx %c\n", v.c, v.x, (unsigned)v.y, (unsigned long long)v.z, v.e);

    struct wire w = { 1, { 0x10, 0x20, 0x30, 0x40, 0x50, 0x60, 0x70, 0x80, 0x90, 0xa0, 0xb0 } };
    for (int i = 0; i < 8; i++) {           /* unaligned 32-bit reads, as parsers of formats do */
        const u32_unaligned *p = (const u32_unaligned *)(w.bytes + i);
        printf("%08x%c", (unsigned)*p, i == 7 ? '\n' : ' ');
    }
    u32_unaligned *q = (u32_unaligned *)(w.bytes + 3);
    *q = 0xdeadbeefu;
    for (int i = 0; i < 11; i++)
        printf("%02x%c", w.bytes[i], i == 10 ? '\n' : ' ');

    aint local = 5;
    bint b16 = 6;
    printf("%d %d %d\n", local + global_a, (int)((uintptr_t)&local % 8), (int)((uintptr_t)&b16 % 16));
    printf("%d\n", (int)((uintptr_t)&vecs[1] % 8));
    three4 t = { { 'x', 'y', 'z' } }, u;
    u = t;
    printf("%.3s\n", u.c);
    return 0;
}
