// expected: host
// gcc's layout attributes between `struct` (or `union`) and the tag, alone or with those after
// the closing brace: packed and aligned(n) in any order and spelling; of several aligned, the
// last counts (never below what the members need).
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct __attribute__((aligned(16))) a { char c; };
struct __attribute__((packed, aligned(4))) b { char c; int32_t i; int16_t s; };
struct __attribute__((__aligned__(8))) __attribute__((__packed__)) c { char c; int64_t l; };
union __attribute__((aligned(8))) u { char c[3]; };
typedef struct __attribute__((packed)) __attribute__((aligned(2))) { char c; int32_t i; } d;
struct __attribute__((aligned(8))) e { char c; } __attribute__((aligned(4)));
struct f { char c; } __attribute__((aligned(8), aligned(4)));
struct g { char c; } __attribute__((aligned(4), aligned(8)));
struct h { int32_t c; } __attribute__((aligned(2)));
struct __attribute__((aligned(16))) i { int32_t c; } __attribute__((packed));
struct __attribute__((packed)) j;
struct __attribute__((packed)) j { char c; int32_t x; };
struct holder { char c; struct b b; char e; struct a a; };

int main(void) {
    printf("a %zu %zu\n", sizeof(struct a), _Alignof(struct a));
    printf("b %zu %zu %zu %zu\n", sizeof(struct b), _Alignof(struct b), offsetof(struct b, i), offsetof(struct b, s));
    printf("c %zu %zu %zu\n", sizeof(struct c), _Alignof(struct c), offsetof(struct c, l));
    printf("u %zu %zu\n", sizeof(union u), _Alignof(union u));
    printf("d %zu %zu %zu\n", sizeof(d), _Alignof(d), offsetof(d, i));
    printf("e %zu %zu\n", sizeof(struct e), _Alignof(struct e));
    printf("f %zu %zu\n", sizeof(struct f), _Alignof(struct f));
    printf("g %zu %zu\n", sizeof(struct g), _Alignof(struct g));
    printf("h %zu %zu\n", sizeof(struct h), _Alignof(struct h));
    printf("i %zu %zu\n", sizeof(struct i), _Alignof(struct i));
    printf("j %zu %zu %zu\n", sizeof(struct j), _Alignof(struct j), offsetof(struct j, x));
    printf("holder %zu %zu %zu %zu %zu\n", sizeof(struct holder), _Alignof(struct holder),
           offsetof(struct holder, b), offsetof(struct holder, e), offsetof(struct holder, a));

    struct holder v = { 'h', { 'b', 0x12345678, -7 }, 'e', { 'a' } };
    v.b.i += 0x11;
    v.b.s *= 3;
    d w = { 'w', -5 };
    w.i *= 1000;
    struct c x = { 'x', INT64_C(0x0102030405060708) };
    x.l ^= 0xff;
    printf("%c %c %x %d %c %c\n", v.c, v.b.c, (unsigned)v.b.i, v.b.s, v.e, v.a.c);
    printf("%c %d\n", w.c, (int)w.i);
    printf("%c %llx\n", x.c, (unsigned long long)x.l);
    return 0;
}
