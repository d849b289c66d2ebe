// Function pointers are sentries: tagged, sealed, executable; copies stay sealed and callable.
// Data pointers are not sealed. Hand-written expectations.
#include <stdio.h>
#include <cheriintrin.h>

static int twice(int x) { return 2 * x; }
static int (*global_fp)(int) = twice;

int main(void) {
    int (*f)(int) = twice;
    int data = 0;
    printf("tag %d\n", (int)cheri_tag_get(f));
    printf("sealed %d\n", (int)cheri_is_sealed(f));
    printf("execute %d\n", (cheri_perms_get(f) & CHERI_PERM_EXECUTE) != 0);
    printf("data sealed %d\n", (int)cheri_is_sealed(&data));
    printf("data execute %d\n", (cheri_perms_get(&data) & CHERI_PERM_EXECUTE) != 0);
    int (*g)(int) = f;
    printf("copy sealed %d, equal %d\n", (int)cheri_is_sealed(g), g == f);
    printf("global sealed %d, equal %d\n", (int)cheri_is_sealed(global_fp), global_fp == f);
    printf("calls %d %d %d\n", f(1), g(2), global_fp(3));
    return 0;
}
