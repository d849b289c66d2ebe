// Copying memory that holds pointers keeps them usable: memcpy, memmove (overlapping), struct
// assignment, realloc. The copies are tagged and point to the same objects.
// Hand-written expectations.
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cheriintrin.h>

struct rec { const char *name; int *count; double weight; };

int main(void) {
    int c = 3;
    struct rec a = {"alpha", &c, 1.5};
    struct rec b;
    memcpy(&b, &a, sizeof a);
    printf("memcpy: tags %d %d, %s %d %.1f\n", (int)cheri_tag_get(b.name), (int)cheri_tag_get(b.count),
           b.name, *b.count, b.weight);
    struct rec d;
    d = a;
    (*d.count)++;
    printf("assign: tags %d %d, c = %d\n", (int)cheri_tag_get(d.name), (int)cheri_tag_get(d.count), c);
    struct rec arr[4] = {a, a, a, a};
    arr[0].name = "first";
    memmove(arr + 1, arr, 3 * sizeof arr[0]);
    printf("memmove: %s %s tags %d %d\n", arr[1].name, arr[3].name, (int)cheri_tag_get(arr[3].name),
           (int)cheri_tag_get(arr[3].count));
    struct rec *heap = malloc(2 * sizeof *heap);
    memcpy(heap, arr, 2 * sizeof *heap);
    heap = realloc(heap, 50 * sizeof *heap);
    printf("realloc: %s %d tags %d %d\n", heap[1].name, *heap[1].count, (int)cheri_tag_get(heap[0].name),
           (int)cheri_tag_get(heap[1].count));
    void *ptrs[5] = {&c, heap, arr, &a, (void *)"lit"};
    void *copy[5];
    memcpy(copy, ptrs, sizeof ptrs);
    int tags = 0;
    for (int i = 0; i < 5; i++)
        tags += cheri_tag_get(copy[i]) && copy[i] == ptrs[i];
    printf("pointer array: %d tagged copies\n", tags);
    return 0;
}
