// Two large blocks whose sizes need rounding (100001 bytes): each capability's bounds cover only
// its own block, so filling one block up to its full capability length (padding included) never
// touches the other. Hand-written expectations.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cheriintrin.h>

int main(void) {
    size_t n = 100001;
    unsigned char *a = malloc(n);
    unsigned char *b = malloc(n);
    size_t la = cheri_length_get(a), lb = cheri_length_get(b);
    unsigned long a0 = (unsigned long)cheri_base_get(a), b0 = (unsigned long)cheri_base_get(b);
    printf("lengths cover the request: %d %d\n", la >= n, lb >= n);
    printf("representable: %d %d\n", cheri_representable_length(la) == la, cheri_representable_length(lb) == lb);
    printf("disjoint: %d\n", a0 + la <= b0 || b0 + lb <= a0);
    memset(b, 0x55, lb);
    memset(a, 0xAA, la);
    size_t intact = 0;
    for (size_t i = 0; i < lb; i++)
        intact += b[i] == 0x55;
    printf("b intact: %d\n", intact == lb);
    unsigned char *c = realloc(a, 2 * n);
    size_t lc = cheri_length_get(c);
    printf("realloc keeps the data: %d %d\n", c[0] == 0xAA, c[n - 1] == 0xAA);
    printf("realloc length: %d\n", lc >= 2 * n && cheri_representable_length(lc) == lc);
    return 0;
}
