// Calling a data pointer as if it were code: heap memory has no Execute permission, so the
// instruction fetch is a capability permission fault. Hand-written expectations.
// status: 162
// stderr: capability permission fault: fetch
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef void (*fn)(void);

int main(void) {
    unsigned char *code = malloc(64);
    memset(code, 0, 64);
    fn f = (fn)(void *)code;
    printf("calling data\n");
    fflush(stdout);
    f();
    printf("not reached\n");
    return 0;
}
