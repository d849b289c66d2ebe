// Writing any byte of a stored pointer clears its tag, even rewriting the same value; the address
// is unchanged but the pointer can no longer be used. Hand-written expectations.
// status: 162
// stderr: capability tag fault: load
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    int x = 7;
    int *p = &x;
    volatile unsigned char *bytes = (volatile unsigned char *)&p;
    printf("before: tag %d, value %d\n", (int)cheri_tag_get(p), *p);
    bytes[0] = bytes[0];                 /* a data store to the pointer's memory */
    printf("after: tag %d, same address %d\n", (int)cheri_tag_get(p), p == &x);
    fflush(stdout);
    printf("%d\n", *p);
    printf("not reached\n");
    return 0;
}
