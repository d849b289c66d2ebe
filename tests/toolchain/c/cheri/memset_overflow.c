// A library function writing past a block faults too: memset one byte too many.
// Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    size_t n = 100;
    unsigned char *p = malloc(n);
    memset(p, 0xAB, n);
    printf("filled %d\n", p[99]);
    fflush(stdout);
    memset(p, 0, n + 1);
    printf("not reached\n");
    return 0;
}
