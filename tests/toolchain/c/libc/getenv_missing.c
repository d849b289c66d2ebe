// getenv of a variable that is not set returns a null pointer.
// expected: host
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("%d\n", getenv("UFOS_TEST_SURELY_NOT_SET_42") == NULL);
    printf("%d\n", getenv("") == NULL);
    return 0;
}
