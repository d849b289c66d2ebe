// Pointer arithmetic may leave an object and come back (the tag survives while the address is
// representable); going far away (1 MiB) clears the tag for good, even after coming back.
// Hand-written expectations.
// status: 162
// stderr: capability tag fault: load
#include <stdio.h>
#include <stdlib.h>
#include <cheriintrin.h>

int main(void) {
    int *a = malloc(4 * sizeof *a);
    for (int i = 0; i < 4; i++)
        a[i] = 100 + i;
    int *p = a + 20;
    printf("a + 20: tag %d\n", (int)cheri_tag_get(p));
    p -= 20;
    printf("back: tag %d, value %d\n", (int)cheri_tag_get(p), *p);
    int *q = a - 3;
    q += 4;
    printf("a - 3 + 4: tag %d, value %d\n", (int)cheri_tag_get(q), *q);
    volatile long far = 1L << 20;
    char *c = (char *)a + far;
    printf("a + 1 MiB: tag %d\n", (int)cheri_tag_get(c));
    c -= far;
    printf("back from far: tag %d, same address %d\n", (int)cheri_tag_get(c), (int *)c == a);
    fflush(stdout);
    printf("%d\n", *(int *)c);
    printf("not reached\n");
    return 0;
}
