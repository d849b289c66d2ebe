// cheri_bounds_set narrows a pointer to part of a buffer: accesses inside work and reach the
// buffer, the first byte beyond the new bounds faults. Hand-written expectations.
// status: 162
// stderr: capability bounds fault: load
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    char buf[64];
    for (int i = 0; i < 64; i++)
        buf[i] = (char)i;
    char *q = cheri_bounds_set(buf + 8, 8);
    printf("length %lu\n", (unsigned long)cheri_length_get(q));
    printf("base offset %ld\n", (long)(cheri_base_get(q) - cheri_base_get(buf)));
    printf("q[0] %d, q[7] %d\n", q[0], q[7]);
    q[7] = 100;
    printf("buf[15] %d\n", buf[15]);
    printf("buf still has 64 bytes: %lu\n", (unsigned long)cheri_length_get(buf));
    fflush(stdout);
    volatile int i = 8;
    printf("%d\n", q[i]);
    printf("not reached\n");
    return 0;
}
