// A failing assert prints the expression to stderr and aborts (SIGABRT: status 128 + 6).
// status: 134
// stderr: value_is_positive > 0
// stderr: assert_fail.c
// expected: host
#include <stdio.h>
#include <assert.h>

int main(void) {
    int value_is_positive = -1;
    printf("before the assert\n");
    fflush(stdout);
    assert(value_is_positive > 0);
    printf("not reached\n");
    return 0;
}
