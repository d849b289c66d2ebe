// A pointer cast to long keeps only its address; cast back, it is an untagged pointer with the
// same address that faults when used. Hand-written expectations.
// status: 162
// stderr: capability tag fault: load
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    int x = 11;
    int *p = &x;
    long l = (long)p;
    printf("long is the address: %d\n", l == (long)cheri_address_get(p));
    int *back = (int *)l;
    printf("tag %d, same address %d\n", (int)cheri_tag_get(back), back == p);
    unsigned long ul = (unsigned long)p;
    int *back2 = (int *)ul;
    printf("via unsigned long: tag %d\n", (int)cheri_tag_get(back2));
    fflush(stdout);
    printf("%d\n", *back);
    printf("not reached\n");
    return 0;
}
