// cheri_representable_length: lengths below 16 KiB are exact; beyond, CHERI Concentrate rounds
// them up (to a multiple of 8 just above 16 KiB, and coarser as lengths grow).
// Hand-written expectations (computed with ufos.machine.cap.representable_length).
#include <stdio.h>
#include <cheriintrin.h>

int main(void) {
    unsigned long sizes[] = {1, 100, 4096, 16383, 16384, 16385, 20000, 65536, 65537, 100001, 1048577, 3000000};
    for (int i = 0; i < 12; i++)
        printf("%lu -> %lu\n", sizes[i], (unsigned long)cheri_representable_length(sizes[i]));
    return 0;
}
