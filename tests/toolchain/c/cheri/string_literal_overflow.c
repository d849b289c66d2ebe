// A string literal is bounded to its characters and terminator: reading past it faults.
// Hand-written expectations.
// status: 162
// stderr: capability bounds fault: load
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    const char *s = "abc";
    printf("length %lu\n", (unsigned long)cheri_length_get(s));
    printf("terminator %d\n", s[3]);
    fflush(stdout);
    volatile int i = 4;
    printf("%d\n", s[i]);
    printf("not reached\n");
    return 0;
}
