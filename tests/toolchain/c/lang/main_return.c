// The value main returns is the exit status.
// status: 42
// expected: host
#include <stdio.h>

int main(void) {
    printf("returning 42\n");
    return 42;
}
