// A function pointer overwritten with data loses its tag: calling it is a capability tag fault
// (on the instruction fetch), not a jump to an attacker's address. Hand-written expectations.
// status: 162
// stderr: capability tag fault
#include <stdio.h>
#include <string.h>
#include <cheriintrin.h>

struct ops { void (*hello)(void); };

static void hi(void) { printf("hi\n"); }

int main(void) {
    struct ops o = {hi};
    o.hello();
    printf("tag %d, sealed %d\n", (int)cheri_tag_get(o.hello), (int)cheri_is_sealed(o.hello));
    memset(&o, 0x41, sizeof o);
    printf("after memset: tag %d\n", (int)cheri_tag_get(o.hello));
    fflush(stdout);
    o.hello();
    printf("not reached\n");
    return 0;
}
