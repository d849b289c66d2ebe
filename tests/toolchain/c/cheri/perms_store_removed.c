// cheri_perms_and without Store gives a read-only pointer: loads work, a store is a capability
// permission fault. Hand-written expectations.
// status: 162
// stderr: capability permission fault: store
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    int x = 5;
    int *rw = &x;
    int *ro = cheri_perms_and(rw, ~CHERI_PERM_STORE);
    printf("rw: load %d store %d\n", (cheri_perms_get(rw) & CHERI_PERM_LOAD) != 0, (cheri_perms_get(rw) & CHERI_PERM_STORE) != 0);
    printf("ro: load %d store %d\n", (cheri_perms_get(ro) & CHERI_PERM_LOAD) != 0, (cheri_perms_get(ro) & CHERI_PERM_STORE) != 0);
    printf("tag %d, value %d\n", (int)cheri_tag_get(ro), *ro);
    *rw = 6;
    printf("through rw %d\n", *ro);
    fflush(stdout);
    *ro = 7;
    printf("not reached\n");
    return 0;
}
