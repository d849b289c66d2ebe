// Without StoreCap a capability may still store data and untagged values, but storing a tagged
// pointer through it is a permission fault. Hand-written expectations.
// status: 162
// stderr: capability permission fault: store
#include <stdio.h>
#include <stddef.h>
#include <cheriintrin.h>

int main(void) {
    int x = 5;
    int *slot = &x;
    int **no_storecap = cheri_perms_and(&slot, ~CHERI_PERM_STORE_CAP);
    *no_storecap = NULL;                             /* untagged: allowed */
    printf("stored null: %d\n", slot == NULL);
    fflush(stdout);
    *no_storecap = &x;                               /* tagged: not allowed */
    printf("not reached\n");
    return 0;
}
