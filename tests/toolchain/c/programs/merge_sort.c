// Merge sort with a heap scratch buffer, and insertion sort for small runs; sorts records stably.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec { int key; int order; };

static void merge_sort(struct rec *v, struct rec *tmp, int n) {
    if (n <= 8) {
        for (int i = 1; i < n; i++) {
            struct rec x = v[i];
            int j = i - 1;
            while (j >= 0 && v[j].key > x.key) {
                v[j + 1] = v[j];
                j--;
            }
            v[j + 1] = x;
        }
        return;
    }
    int h = n / 2;
    merge_sort(v, tmp, h);
    merge_sort(v + h, tmp, n - h);
    int i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = v[j].key < v[i].key ? v[j++] : v[i++];
    while (i < h)
        tmp[k++] = v[i++];
    while (j < n)
        tmp[k++] = v[j++];
    memcpy(v, tmp, (size_t)n * sizeof *v);
}

int main(void) {
    int n = 1000;
    struct rec *v = malloc((size_t)n * sizeof *v);
    struct rec *tmp = malloc((size_t)n * sizeof *tmp);
    unsigned s = 99;
    for (int i = 0; i < n; i++) {
        s = s * 69069u + 1u;
        v[i].key = (int)(s >> 24) % 50;
        v[i].order = i;
    }
    merge_sort(v, tmp, n);
    int ok = 1;
    for (int i = 1; i < n; i++)
        if (v[i - 1].key > v[i].key || (v[i - 1].key == v[i].key && v[i - 1].order > v[i].order))
            ok = 0;
    printf("sorted and stable: %d\n", ok);
    for (int i = 0; i < n; i += 97)
        printf("%d/%d ", v[i].key, v[i].order);
    printf("\n");
    free(v);
    free(tmp);
    return 0;
}
