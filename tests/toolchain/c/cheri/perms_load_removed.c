// Without Load a pointer can still store but not load: the load is a permission fault.
// Hand-written expectations.
// status: 162
// stderr: capability permission fault: load
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    int x = 5;
    int *wo = cheri_perms_and(&x, ~CHERI_PERM_LOAD);
    *wo = 9;
    printf("x %d\n", x);
    fflush(stdout);
    printf("%d\n", *wo);
    printf("not reached\n");
    return 0;
}
