// Tags live on aligned 16-byte granules: a pointer copied through a 16-byte-aligned buffer keeps
// its tag, a pointer copied through a misaligned one comes back as bytes only and faults.
// Hand-written expectations.
// status: 162
// stderr: capability tag fault: load
#include <stdio.h>
#include <string.h>
#include <cheriintrin.h>

union buffer { void *align; unsigned char bytes[64]; };

int main(void) {
    int x = 99;
    int *p = &x;
    union buffer buf;
    int *back;
    memcpy(buf.bytes, &p, sizeof p);
    memcpy(&back, buf.bytes, sizeof back);
    printf("aligned: tag %d, value %d\n", (int)cheri_tag_get(back), *back);
    memcpy(buf.bytes + 16, &p, sizeof p);
    memcpy(&back, buf.bytes + 16, sizeof back);
    printf("aligned +16: tag %d\n", (int)cheri_tag_get(back));
    memcpy(buf.bytes + 1, &p, sizeof p);
    memcpy(&back, buf.bytes + 1, sizeof back);
    printf("misaligned: tag %d, same address %d\n", (int)cheri_tag_get(back), back == p);
    fflush(stdout);
    printf("%d\n", *back);
    printf("not reached\n");
    return 0;
}
