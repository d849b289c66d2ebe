// Dereferencing a null pointer is a capability tag fault. Hand-written expectations.
// status: 162
// stderr: capability tag fault: store
#include <stdio.h>
#include <stddef.h>

static void set(int *p, int v) { *p = v; }

int main(void) {
    int x = 0;
    set(&x, 5);
    printf("x %d\n", x);
    fflush(stdout);
    set(NULL, 6);
    printf("not reached\n");
    return 0;
}
