// Moving a sealed function pointer (here through uintptr_t arithmetic) clears its tag, so it
// cannot be aimed into the middle of a function: calling it faults. Hand-written expectations.
// status: 162
// stderr: capability tag fault
#include <stdio.h>
#include <stdint.h>
#include <cheriintrin.h>

typedef void (*fn)(void);
static void target(void) { printf("target\n"); }

int main(void) {
    fn f = target;
    f();
    uintptr_t u = (uintptr_t)f;
    printf("as uintptr_t: tag %d\n", (int)cheri_tag_get(u));
    u += 4;
    fn g = (fn)u;
    printf("moved: tag %d\n", (int)cheri_tag_get(g));
    fflush(stdout);
    g();
    printf("not reached\n");
    return 0;
}
