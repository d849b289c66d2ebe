// expected: host
// gcc's packed enums (`enum __attribute__((packed)) e {...}`, or the attribute after the brace):
// the smallest integer type that holds every value, unsigned unless one is negative; the
// enumerators themselves stay ints.
#include <stddef.h>
#include <stdio.h>

enum __attribute__((packed)) small { A, B = 200 };
enum __attribute__((__packed__)) signed_small { C = -1, D = 100 };
enum wide { E = 1000, F = -1000 } __attribute__((packed));
enum __attribute__((packed)) big { G = 70000 };
enum plain { I, J };
typedef enum __attribute__((packed)) { OFF, ON } flag;
struct rec { char c; enum small s; enum wide w; flag f; enum plain p; };

int main(void) {
    printf("%zu %zu %zu %zu %zu %zu\n", sizeof(enum small), sizeof(enum signed_small), sizeof(enum wide),
           sizeof(enum big), sizeof(enum plain), sizeof(flag));
    printf("%zu %zu %zu\n", _Alignof(enum small), _Alignof(enum wide), _Alignof(enum big));
    printf("%zu %zu %zu %zu %zu\n", sizeof(struct rec), offsetof(struct rec, s), offsetof(struct rec, w),
           offsetof(struct rec, f), offsetof(struct rec, p));
    printf("%zu %zu\n", sizeof(A), sizeof(B));
    enum small s = B;
    enum signed_small t = C;
    enum wide w = F;
    struct rec r = { 'r', B, E, ON, J };
    s += 50;
    printf("%d %d %d %d %d %d\n", s, t, w, (enum small)300, r.s + r.w, r.f);
    printf("%d %d\n", (enum signed_small)200, (enum small)-1 > 0);
    return 0;
}
