// A block of 16 KiB + 1 cannot have exact bounds. malloc pads it: the capability starts at the
// block, its length is representable and covers the request, and the first byte past the length
// faults. Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <stdlib.h>
#include <cheriintrin.h>

int main(void) {
    size_t n = 16385;
    unsigned char *p = malloc(n);
    size_t len = cheri_length_get(p);
    printf("covers the request: %d\n", len >= n);
    printf("representable: %d\n", cheri_representable_length(len) == len);
    printf("at base: %d\n", cheri_address_get(p) == cheri_base_get(p));
    printf("padding under 64 bytes: %d\n", len - n < 64);
    for (size_t i = 0; i < len; i++)
        p[i] = (unsigned char)i;                    /* the padding belongs to this block */
    printf("last byte %d\n", p[len - 1] == (unsigned char)(len - 1));
    fflush(stdout);
    p[len] = 1;
    printf("not reached\n");
    return 0;
}
