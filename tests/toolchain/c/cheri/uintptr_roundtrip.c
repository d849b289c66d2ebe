// uintptr_t and intptr_t hold whole capabilities: a pointer survives a round trip through them,
// arithmetic on them moves the address and keeps the tag and bounds. Hand-written expectations.
#include <stdio.h>
#include <stdint.h>
#include <cheriintrin.h>

static uintptr_t stash(uintptr_t u) { return u; }

struct holder { int id; uintptr_t handle; };

int main(void) {
    int arr[4] = {10, 20, 30, 40};
    uintptr_t u = (uintptr_t)arr;
    u += 2 * sizeof(int);
    int *p = (int *)u;
    printf("tag %d, value %d\n", (int)cheri_tag_get(p), *p);
    printf("bounds kept %d\n", cheri_length_get(p) == sizeof arr && cheri_base_get(p) == cheri_base_get(arr));
    intptr_t s = (intptr_t)&arr[3];
    s -= (intptr_t)sizeof(int);
    printf("intptr_t: %d\n", *(int *)s);
    struct holder h = {1, stash((uintptr_t)&arr[1])};
    struct holder h2 = h;
    int *q = (int *)h2.handle;
    *q = 21;
    printf("through a struct: tag %d, arr[1] %d\n", (int)cheri_tag_get(q), arr[1]);
    printf("address arithmetic: %d\n", (int)(u - (uintptr_t)arr));
    printf("compare: %d %d\n", (uintptr_t)&arr[0] < (uintptr_t)&arr[1], (uintptr_t)p == (uintptr_t)&arr[2]);
    void *v = (void *)(uintptr_t)(void *)arr;
    printf("void * round trip: tag %d, value %d\n", (int)cheri_tag_get(v), *(int *)v);
    return 0;
}
