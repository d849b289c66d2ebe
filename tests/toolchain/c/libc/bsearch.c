// bsearch over ints and over structs keyed by name; present and absent keys.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
struct entry { const char *name; int value; };
static int cmp_entry(const void *key, const void *e) {
    return strcmp((const char *)key, ((const struct entry *)e)->name);
}

int main(void) {
    int v[] = {1, 3, 5, 7, 9, 11, 13, 15, 17, 19};
    for (int k = 0; k <= 20; k += 3) {
        int *p = bsearch(&k, v, 10, sizeof v[0], cmp_int);
        printf("%d:%ld ", k, p ? (long)(p - v) : -1L);
    }
    printf("\n");
    static const struct entry table[] = {{"ant", 1}, {"bee", 2}, {"cat", 3}, {"dog", 4}, {"eel", 5}};
    const char *keys[] = {"cat", "ant", "eel", "fox", "aardvark", "dog"};
    for (int i = 0; i < 6; i++) {
        const struct entry *e = bsearch(keys[i], table, 5, sizeof table[0], cmp_entry);
        printf("%s=%d ", keys[i], e ? e->value : -1);
    }
    printf("\n");
    int k = 5;
    printf("%d\n", bsearch(&k, v, 0, sizeof v[0], cmp_int) == NULL);
    return 0;
}
