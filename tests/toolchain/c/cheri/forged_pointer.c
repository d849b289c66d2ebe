// A pointer made from an integer has no tag: using it is a capability tag fault, whatever the
// address. Hand-written expectations.
// status: 162
// stderr: capability tag fault: load
#include <stdio.h>
#include <stdint.h>
#include <cheriintrin.h>

int main(void) {
    int x = 42;
    uintptr_t addr = (uintptr_t)(unsigned long)&x;      /* through a plain integer: untagged */
    int *forged = (int *)addr;
    int *constant = (int *)0x10000;
    printf("forged tag %d, constant tag %d\n", (int)cheri_tag_get(forged), (int)cheri_tag_get(constant));
    printf("same address as x: %d\n", forged == &x);
    fflush(stdout);
    printf("%d\n", *forged);
    printf("not reached\n");
    return 0;
}
