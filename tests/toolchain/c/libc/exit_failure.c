// EXIT_FAILURE from main's return, after output without a trailing newline (flushed at exit).
// status: 1
// expected: host
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("%d %d\n", EXIT_SUCCESS, EXIT_FAILURE);
    printf("no newline at the end");
    return EXIT_FAILURE;
}
