// A union of a pointer and a long: writing the long member (even with the same value) clears the
// pointer's tag, so type punning cannot forge or preserve a capability. Hand-written expectations.
// status: 162
// stderr: capability tag fault: load
#include <stdio.h>
#include <cheriintrin.h>

union pun { int *p; long l; };

int main(void) {
    int x = 3;
    volatile union pun u;
    u.p = &x;
    printf("tag %d, value %d\n", (int)cheri_tag_get(u.p), *u.p);
    printf("long member is the address: %d\n", u.l == (long)&x);
    u.l = u.l;
    printf("after writing the long: tag %d\n", (int)cheri_tag_get(u.p));
    fflush(stdout);
    int *p = u.p;
    printf("%d\n", *p);
    printf("not reached\n");
    return 0;
}
