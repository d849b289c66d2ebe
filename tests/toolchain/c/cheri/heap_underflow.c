// Writing just before the start of a malloc'd block (p[-1]) is a capability bounds fault: the
// pointer stays tagged while it is representable, the access faults. Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <stdlib.h>
#include <cheriintrin.h>

int main(void) {
    int *p = malloc(8 * sizeof(int));
    int *before = p - 1;
    printf("tag of p - 1: %d\n", (int)cheri_tag_get(before));
    printf("same base: %d\n", cheri_base_get(before) == cheri_base_get(p));
    fflush(stdout);
    *before = 1;
    printf("not reached\n");
    return 0;
}
