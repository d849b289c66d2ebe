// volatile, restrict and inline compile and behave as ordinary accesses and calls.
// expected: host
#include <stdio.h>

static inline int square(int x) { return x * x; }
static void add_arrays(int n, int *restrict dst, const int *restrict a, const int *restrict b) {
    for (int i = 0; i < n; i++)
        dst[i] = a[i] + b[i];
}

int main(void) {
    volatile int v = 0;
    for (int i = 0; i < 100; i++)
        v += i;
    printf("%d\n", v);
    volatile char flags[3] = {1, 2, 3};
    flags[1] = (char)(flags[0] + flags[2]);
    printf("%d\n", flags[1]);
    printf("%d\n", square(12));
    int a[3] = {1, 2, 3}, b[3] = {10, 20, 30}, c[3];
    add_arrays(3, c, a, b);
    printf("%d %d %d\n", c[0], c[1], c[2]);
    return 0;
}
