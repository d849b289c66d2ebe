// With NDEBUG defined before <assert.h>, assert expands to nothing: not even evaluated.
// expected: host
#define NDEBUG
#include <stdio.h>
#include <assert.h>

static int calls;
static int check(int v) { calls++; return v; }

int main(void) {
    assert(0);
    assert(check(0));
    printf("still running, %d calls\n", calls);
    return 0;
}
