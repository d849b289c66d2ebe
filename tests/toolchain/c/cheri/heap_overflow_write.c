// Writing one byte past the end of a malloc'd block is a capability bounds fault: the program
// stops with SIGPROT (status 128 + 34). Hand-written expectations.
// status: 162
// stderr: SIGPROT
// stderr: capability bounds fault: store
#include <stdio.h>
#include <stdlib.h>
#include <cheriintrin.h>

int main(void) {
    char *p = malloc(10);
    for (int i = 0; i < 10; i++)
        p[i] = (char)('a' + i);
    printf("length %lu\n", (unsigned long)cheri_length_get(p));
    printf("last %c\n", p[9]);
    fflush(stdout);
    volatile int n = 10;
    p[n] = 'x';
    printf("not reached\n");
    return 0;
}
