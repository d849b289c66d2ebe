// expected: host
// gcc's packed among a member's specifiers (`__attribute__((packed)) int x;`, `int
// __attribute__((packed)) y, z;`, every declarator of it) and on bit-fields (before the type or
// after the width); aligned(n) on a bit-field, which starts it on an n-byte boundary; unnamed
// bit-fields, which give a struct no alignment. On a typedef or a variable gcc ignores packed.
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct s { char c; __attribute__((packed)) int32_t x; char d; int32_t __attribute__((packed)) y, z; };
struct t { char c; __attribute__((__packed__)) uint16_t x; uint16_t w; };
struct bf1 { char c; int x : 4; __attribute__((packed)) int64_t y : 40; char d; };
struct bf2 { char c; int x : 4; int64_t y : 40 __attribute__((packed)); char d; };
struct bf3 { char c; int x : 4; int64_t __attribute__((packed)) y : 40, z : 20; char d; };
struct bf4 { char c; __attribute__((packed)) short y : 12; };
struct al1 { char c; int x : 4 __attribute__((aligned(8))); char d; };
struct al2 { char c; int x : 4; int y : 4 __attribute__((aligned(8))); char d; };
struct al3 { char c; int : 4 __attribute__((aligned(4))); char d; };
struct __attribute__((packed)) al4 { char c; int x : 4 __attribute__((aligned(4))); char d; };
#pragma pack(2)
struct al5 { char c; int x : 4 __attribute__((aligned(8))); char d; };
struct un2 { char c; int : 4; char d; };
#pragma pack()
union al6 { char c; int x : 4 __attribute__((aligned(8))); };
struct al7 { char c; char x : 4 __attribute__((aligned(2))); short y : 12; char d; };
struct un1 { char c; int : 4; char d; };
struct un3 { char c; int64_t : 4; };
union un4 { char c; int : 4; };
typedef int __attribute__((packed)) pint;
struct v { char c; pint x; };
__attribute__((packed)) int32_t gx = 3;

int main(void) {
    printf("s %zu %zu %zu %zu %zu %zu\n", sizeof(struct s), _Alignof(struct s),
           offsetof(struct s, x), offsetof(struct s, d), offsetof(struct s, y), offsetof(struct s, z));
    printf("t %zu %zu %zu %zu\n", sizeof(struct t), _Alignof(struct t), offsetof(struct t, x), offsetof(struct t, w));
    printf("bf1 %zu %zu %zu\n", sizeof(struct bf1), _Alignof(struct bf1), offsetof(struct bf1, d));
    printf("bf2 %zu %zu %zu\n", sizeof(struct bf2), _Alignof(struct bf2), offsetof(struct bf2, d));
    printf("bf3 %zu %zu %zu\n", sizeof(struct bf3), _Alignof(struct bf3), offsetof(struct bf3, d));
    printf("bf4 %zu %zu\n", sizeof(struct bf4), _Alignof(struct bf4));
    printf("al1 %zu %zu %zu\n", sizeof(struct al1), _Alignof(struct al1), offsetof(struct al1, d));
    printf("al2 %zu %zu %zu\n", sizeof(struct al2), _Alignof(struct al2), offsetof(struct al2, d));
    printf("al3 %zu %zu %zu\n", sizeof(struct al3), _Alignof(struct al3), offsetof(struct al3, d));
    printf("al4 %zu %zu %zu\n", sizeof(struct al4), _Alignof(struct al4), offsetof(struct al4, d));
    printf("al5 %zu %zu %zu\n", sizeof(struct al5), _Alignof(struct al5), offsetof(struct al5, d));
    printf("al6 %zu %zu\n", sizeof(union al6), _Alignof(union al6));
    printf("al7 %zu %zu %zu\n", sizeof(struct al7), _Alignof(struct al7), offsetof(struct al7, d));
    printf("un1 %zu %zu %zu\n", sizeof(struct un1), _Alignof(struct un1), offsetof(struct un1, d));
    printf("un2 %zu %zu %zu\n", sizeof(struct un2), _Alignof(struct un2), offsetof(struct un2, d));
    printf("un3 %zu %zu\n", sizeof(struct un3), _Alignof(struct un3));
    printf("un4 %zu %zu\n", sizeof(union un4), _Alignof(union un4));
    printf("v %zu %zu %zu\n", sizeof(struct v), _Alignof(pint), offsetof(struct v, x));

    struct s a = { 'a', -123456, 'd', 0x12345678, -1 };
    a.x *= 2;
    a.y += 1;
    a.z -= 1;
    printf("%c %d %c %x %d\n", a.c, (int)a.x, a.d, (unsigned)a.y, (int)a.z);
    struct bf3 b = { 1, -3, -0x123456789, 0x7ffff, 9 };
    b.y += 1;
    b.z -= 0x10;
    printf("%d %d %lld %d %d\n", b.c, b.x, (long long)b.y, (int)b.z, b.d);
    struct al7 c = { 1, 5, -100, 9 };
    c.x += 1;
    c.y -= 1;
    printf("%d %d %d %d %d\n", c.c, c.x, c.y, c.d, (int)gx);
    return 0;
}
