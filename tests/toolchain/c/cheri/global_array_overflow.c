// A global array is bounded by its symbol's size: writing one element past it faults.
// Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <cheriintrin.h>

int table[5];
int after_table = 77;

int main(void) {
    printf("length %lu\n", (unsigned long)cheri_length_get(table));
    volatile int i;
    for (i = 0; i < 5; i++)
        table[i] = i * i;
    printf("table[4] %d\n", table[4]);
    fflush(stdout);
    table[i] = 99;
    printf("not reached %d\n", after_table);
    return 0;
}
