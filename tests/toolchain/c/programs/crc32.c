// Table-driven CRC-32 (IEEE 802.3) of a few strings, including the standard check value.
// expected: host
#include <stdio.h>
#include <stdint.h>
#include <string.h>

static uint32_t table[256];

static void init(void) {
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = c & 1 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        table[i] = c;
    }
}

static uint32_t crc32(const void *data, size_t n) {
    const unsigned char *p = data;
    uint32_t c = 0xFFFFFFFFu;
    while (n--)
        c = table[(c ^ *p++) & 0xFF] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

int main(void) {
    init();
    const char *s[] = {"", "a", "123456789", "The quick brown fox jumps over the lazy dog"};
    for (int i = 0; i < 4; i++)
        printf("%08x  \"%s\"\n", (unsigned)crc32(s[i], strlen(s[i])), s[i]);
    unsigned char zeros[1000] = {0};
    printf("%08x\n", (unsigned)crc32(zeros, sizeof zeros));
    return 0;
}
