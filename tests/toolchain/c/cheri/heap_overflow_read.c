// Reading one byte past the end of a malloc'd block is a capability bounds fault.
// Hand-written expectations.
// status: 162
// stderr: capability bounds fault: load
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    char *p = malloc(24);
    strcpy(p, "twenty-three characters");
    printf("%s\n", p);
    fflush(stdout);
    volatile int n = 24;
    printf("%d\n", p[n]);
    printf("not reached\n");
    return 0;
}
