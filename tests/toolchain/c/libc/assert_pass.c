// A true assert does nothing and the program carries on.
// expected: host
#include <stdio.h>
#include <assert.h>

static int calls;
static int check(int v) { calls++; return v; }

int main(void) {
    assert(1);
    assert(check(5) == 5);
    assert(sizeof(int) == 4 && "ints are four bytes");
    printf("passed %d\n", calls);
    return 0;
}
