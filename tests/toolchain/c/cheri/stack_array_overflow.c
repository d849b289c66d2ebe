// An off-by-one write to a local array faults: each address-taken local has its own bounds, so the
// neighbouring variable is never corrupted. Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <cheriintrin.h>

static void fill(int *a, int n) {
    for (int i = 0; i <= n; i++)
        a[i] = -1;
}

int main(void) {
    int guard = 12345;
    int a[4];
    int *g = &guard;
    printf("length %lu\n", (unsigned long)cheri_length_get(a));
    printf("guard %d\n", *g);
    fflush(stdout);
    fill(a, 4);
    printf("not reached, guard %d\n", *g);
    return 0;
}
