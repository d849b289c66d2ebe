// Allocations that cannot succeed return NULL instead of crashing: a huge malloc, a calloc whose
// size overflows, a huge realloc (which leaves the old block alone).
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

int main(void) {
    void *p = malloc((size_t)1 << 62);
    printf("%d\n", p == NULL);
    p = calloc(SIZE_MAX / 2, 4);
    printf("%d\n", p == NULL);
    char *q = malloc(16);
    strcpy(q, "still here");
    char *r = realloc(q, (size_t)1 << 62);
    printf("%d %s\n", r == NULL, q);
    free(q);
    return 0;
}
