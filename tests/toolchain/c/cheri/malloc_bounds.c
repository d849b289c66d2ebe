// malloc, calloc and realloc return capabilities bounded to exactly the requested size (below
// 16 KiB), starting at the block: the address is the base. Hand-written expectations.
#include <stdio.h>
#include <stdlib.h>
#include <cheriintrin.h>

static void show(const char *what, void *p) {
    printf("%s: length %lu, at base %d, tag %d\n", what, (unsigned long)cheri_length_get(p),
           cheri_address_get(p) == cheri_base_get(p), (int)cheri_tag_get(p));
}

int main(void) {
    size_t sizes[] = {1, 3, 16, 17, 100, 1000, 4096, 10000};
    char label[32];
    for (int i = 0; i < 8; i++) {
        void *p = malloc(sizes[i]);
        snprintf(label, sizeof label, "malloc(%lu)", (unsigned long)sizes[i]);
        show(label, p);
        free(p);
    }
    void *c = calloc(3, 10);
    show("calloc(3, 10)", c);
    char *r = malloc(20);
    r = realloc(r, 50);
    show("realloc(20 -> 50)", r);
    r = realloc(r, 7);
    show("realloc(50 -> 7)", r);
    return 0;
}
