// Loading a pointer through a capability without LoadCap gives the bits but not the tag: the
// loaded pointer has the right address and cannot be used. Hand-written expectations.
// status: 162
// stderr: capability tag fault: load
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    int x = 5;
    int *p = &x;
    int **pp = &p;
    int **no_loadcap = cheri_perms_and(pp, ~CHERI_PERM_LOAD_CAP);
    int *q1 = *pp;
    int *q2 = *no_loadcap;
    printf("with LoadCap: tag %d, value %d\n", (int)cheri_tag_get(q1), *q1);
    printf("without: tag %d, same address %d\n", (int)cheri_tag_get(q2), q2 == p);
    fflush(stdout);
    printf("%d\n", *q2);
    printf("not reached\n");
    return 0;
}
