// Quicksort (Lomuto partition, recursion on the smaller side) of 3000 pseudo-random ints.
// expected: host
#include <stdio.h>

#define N 3000

static int v[N];

static void swap(int *a, int *b) { int t = *a; *a = *b; *b = t; }

static void quicksort(int *a, int lo, int hi) {
    while (lo < hi) {
        int pivot = a[(lo + hi) / 2];
        swap(&a[(lo + hi) / 2], &a[hi]);
        int i = lo;
        for (int j = lo; j < hi; j++)
            if (a[j] < pivot)
                swap(&a[i++], &a[j]);
        swap(&a[i], &a[hi]);
        if (i - lo < hi - i) {
            quicksort(a, lo, i - 1);
            lo = i + 1;
        } else {
            quicksort(a, i + 1, hi);
            hi = i - 1;
        }
    }
}

int main(void) {
    unsigned s = 1;
    for (int i = 0; i < N; i++) {
        s = s * 1664525u + 1013904223u;
        v[i] = (int)(s >> 8) % 100000;
    }
    quicksort(v, 0, N - 1);
    int sorted = 1;
    long sum = 0;
    for (int i = 0; i < N; i++) {
        if (i > 0 && v[i - 1] > v[i])
            sorted = 0;
        sum += v[i];
    }
    printf("sorted %d, sum %ld\n", sorted, sum);
    for (int i = 0; i < N; i += 300)
        printf("%d ", v[i]);
    printf("%d\n", v[N - 1]);
    return 0;
}
