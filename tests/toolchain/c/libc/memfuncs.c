// memcpy, memmove with overlap in both directions, memset, on buffers of many sizes and
// alignments (the result is checked byte by byte).
// expected: host
#include <stdio.h>
#include <string.h>

static unsigned checksum(const unsigned char *p, int n) {
    unsigned h = 0;
    for (int i = 0; i < n; i++)
        h = h * 31 + p[i];
    return h;
}

int main(void) {
    char a[] = "0123456789";
    memmove(a + 2, a, 5);
    printf("%s\n", a);                     /* 0101234789 */
    char b[] = "0123456789";
    memmove(b, b + 3, 6);
    printf("%s\n", b);                     /* 3456786789 */
    char c[12];
    void *r = memset(c, '#', 11);
    c[11] = '\0';
    printf("%s %d\n", c, r == c);
    memset(c + 3, 0, 2);
    printf("%s %d %d\n", c, c[3], c[5]);
    static unsigned char src[600], dst[700];
    for (int i = 0; i < 600; i++)
        src[i] = (unsigned char)(i * 7 + 3);
    unsigned total = 0;
    for (int so = 0; so < 17; so += 3)
        for (int d0 = 0; d0 < 17; d0 += 5)
            for (int len = 0; len < 520; len += 37) {
                memset(dst, 0xEE, sizeof dst);
                r = memcpy(dst + d0, src + so, len);
                if (r != dst + d0 || memcmp(dst + d0, src + so, len) != 0 || dst[d0 + len] != 0xEE
                    || (d0 > 0 && dst[d0 - 1] != 0xEE))
                    printf("memcpy mismatch so=%d d0=%d len=%d\n", so, d0, len);
                total += checksum(dst, 700);
            }
    printf("%u\n", total);
    unsigned char m[300];
    for (int i = 0; i < 300; i++)
        m[i] = (unsigned char)i;
    memmove(m + 1, m, 250);
    memmove(m + 40, m + 77, 100);
    printf("%u\n", checksum(m, 300));
    memset(m, 0xAB, 300);
    printf("%d %d\n", m[0], m[299]);
    memset(m + 7, 300, 10);                /* the value is converted to unsigned char: 44 */
    printf("%d %d %d\n", m[6], m[7], m[16]);
    return 0;
}
