/*
 * qsort.c - sorting an array: quicksort with a median-of-three pivot, insertion sort for short
 * runs, and recursion only into the smaller half (so the stack stays O(log n) deep).
 *
 * Elements are swapped with memcpy through a capability-aligned buffer, so an array of structs
 * that hold pointers sorts without losing their tags.
 */
#include <stdlib.h>
#include <string.h>

#define SHORT_RUN 8

static void swap(char *a, char *b, size_t size)
{
    void *tmp[16];                      /* 256 bytes, 16-byte aligned */
    size_t k;

    if (a == b)
        return;
    while (size > 0) {
        k = size < sizeof tmp ? size : sizeof tmp;
        memcpy(tmp, a, k);
        memcpy(a, b, k);
        memcpy(b, tmp, k);
        a += k;
        b += k;
        size -= k;
    }
}

typedef int (*comparison)(const void *, const void *, void *);

static void insertion_sort(char *base, size_t n, size_t size, comparison compar, void *arg)
{
    size_t i, j;

    for (i = 1; i < n; i++)
        for (j = i; j > 0 && compar(base + (j - 1) * size, base + j * size, arg) > 0; j--)
            swap(base + (j - 1) * size, base + j * size, size);
}

static void sort(char *base, size_t n, size_t size, comparison compar, void *arg)
{
    char *lo, *mid, *hi, *i, *j;

    while (n > SHORT_RUN) {
        /* median of three, moved to the front as the pivot */
        lo = base;
        mid = base + (n / 2) * size;
        hi = base + (n - 1) * size;
        if (compar(mid, lo, arg) < 0)
            swap(mid, lo, size);
        if (compar(hi, mid, arg) < 0) {
            swap(hi, mid, size);
            if (compar(mid, lo, arg) < 0)
                swap(mid, lo, size);
        }
        swap(lo, mid, size);

        /* partition around the pivot at base: [< =][pivot][= >] */
        i = base + size;
        j = hi;
        for (;;) {
            while (i <= j && compar(i, base, arg) < 0)
                i += size;
            while (i <= j && compar(j, base, arg) > 0)
                j -= size;
            if (i >= j)
                break;
            swap(i, j, size);
            i += size;
            j -= size;
        }
        swap(base, j, size);            /* the pivot to its place */

        /* recurse into the smaller side, loop on the larger */
        {
            size_t left = (size_t)(j - base) / size;
            size_t right = n - left - 1;
            if (left < right) {
                sort(base, left, size, compar, arg);
                base = j + size;
                n = right;
            } else {
                sort(j + size, right, size, compar, arg);
                n = left;
            }
        }
    }
    insertion_sort(base, n, size, compar, arg);
}

/* qsort_r (POSIX 2024, glibc's argument order): compar gets arg as its third argument. */
void qsort_r(void *base, size_t nmemb, size_t size, comparison compar, void *arg)
{
    if (nmemb > 1 && size > 0)
        sort(base, nmemb, size, compar, arg);
}

/* qsort's comparison takes no argument: it travels as qsort_r's, and this calls it. */
struct plain_comparison {
    int (*compar)(const void *, const void *);
};

static int compare_plainly(const void *a, const void *b, void *plain)
{
    return ((struct plain_comparison *)plain)->compar(a, b);
}

void qsort(void *base, size_t nmemb, size_t size, int (*compar)(const void *, const void *))
{
    struct plain_comparison plain = {compar};
    qsort_r(base, nmemb, size, compare_plainly, &plain);
}
