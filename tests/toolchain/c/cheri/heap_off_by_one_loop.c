// The classic off-by-one loop (i <= n) over a heap array stops at the first bad store.
// Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <stdlib.h>

static int stored;

static void fill(int *v, int n) {
    for (int i = 0; i <= n; i++) {
        printf("storing %d\n", i);
        fflush(stdout);
        v[i] = i;
        stored++;
    }
}

int main(void) {
    int *v = malloc(4 * sizeof *v);
    fill(v, 4);
    printf("not reached %d\n", stored);
    return 0;
}
