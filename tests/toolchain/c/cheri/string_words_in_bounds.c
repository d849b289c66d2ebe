// strlen, memchr and memcmp read whole words where they can (string.c), yet never outside the
// bounds of the capability they were given: strings whose bounds end exactly at their NUL, at
// every length and every offset in a granule, give the same answers as a byte-by-byte loop and
// no capability fault. Hand-written expectations.
#include <stdio.h>
#include <string.h>
#include <cheriintrin.h>

static char arena[256] __attribute__((aligned(16)));

static size_t slow_strlen(const char *s) {
    size_t n = 0;
    while (s[n] != '\0')
        n++;
    return n;
}

static int sign(int v) {
    return (v > 0) - (v < 0);
}

int main(void) {
    int checked = 0, wrong = 0;
    for (int offset = 0; offset < 16; offset++) {
        for (int len = 0; len < 48; len++) {
            char *s = arena + 64 + offset;
            for (int i = 0; i < len; i++)
                s[i] = (char)('a' + (i * 7 + offset) % 26);
            s[len] = '\0';
            char *bounded = cheri_bounds_set_exact(s, (size_t)len + 1);   /* ends at the NUL */
            wrong += strlen(bounded) != slow_strlen(s);
            for (int at = 0; at <= len; at++) {
                const char *hit = memchr(bounded, bounded[at], (size_t)len + 1);
                wrong += hit == NULL || hit > bounded + at || *hit != bounded[at];
            }
            wrong += memchr(bounded, '#', (size_t)len + 1) != NULL;
            for (int at = 0; at < len; at++) {          /* a copy at the same and other offsets */
                for (int shift = 0; shift < 9; shift += 8) {
                    char *t = cheri_bounds_set_exact(arena + 160 + offset + shift, (size_t)len);
                    memcpy(t, bounded, (size_t)len);
                    wrong += memcmp(t, bounded, (size_t)len) != 0;
                    t[at]++;
                    wrong += sign(memcmp(t, bounded, (size_t)len)) != 1;
                    wrong += sign(memcmp(bounded, t, (size_t)len)) != -1;
                    checked++;
                }
            }
            checked++;
        }
    }
    printf("%d cases, %d wrong\n", checked, wrong);
    return 0;
}
