// expected: host
/* gcc's __attribute__((aligned(n))), which ufos cc honours as _Alignas: on a variable (before
   the type or after the name, global, static or local, with or without an initializer), on a
   struct member, and after a struct's closing brace, where it raises the struct's alignment
   and rounds its size up (typedef'd or not). Plain `aligned` is the biggest alignment, 16.
   (GNU C, not ISO C: this file is not -pedantic-errors clean.) */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

struct member { char c; int a __attribute__((aligned(16))); char d; };
struct raised { char c; } __attribute__((aligned(8)));
struct holder { char c; struct raised r; char d; };
typedef struct { short s; } __attribute__((__aligned__(4))) pair_t;
struct both { char a; char b __attribute__((aligned(4))), c; };

__attribute__((aligned(8))) static char before[3];
int after __attribute__((__aligned__)), initialised __attribute__((aligned(2 + 2))) = 7;
static char table[5] __attribute__((aligned(16))) = "abcd";

static int on(const void *p, uintptr_t n)
{
    return (uintptr_t)p % n == 0;
}

int main(void)
{
    char local __attribute__((aligned(16))) = 'x';
    static short counter __attribute__((aligned(8))) = 3;

    printf("member: size %zu align %zu offset %zu %zu\n", sizeof(struct member),
           _Alignof(struct member), offsetof(struct member, a), offsetof(struct member, d));
    printf("raised: size %zu align %zu\n", sizeof(struct raised), _Alignof(struct raised));
    printf("holder: size %zu offset %zu %zu\n", sizeof(struct holder),
           offsetof(struct holder, r), offsetof(struct holder, d));
    printf("pair_t: size %zu align %zu\n", sizeof(pair_t), _Alignof(pair_t));
    printf("both: size %zu offset %zu %zu\n", sizeof(struct both), offsetof(struct both, b),
           offsetof(struct both, c));
    printf("variables aligned: %d %d %d %d %d %d\n", on(before, 8), on(&after, 16),
           on(&initialised, 4), on(table, 16), on(&local, 16), on(&counter, 8));
    printf("values: %d %s %c %d\n", initialised, table, local, counter);
    return 0;
}
