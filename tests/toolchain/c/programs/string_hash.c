// String hash functions (djb2, sdbm, FNV-1a 32 and 64) over a few strings.
// expected: host
#include <stdio.h>
#include <stdint.h>

static uint32_t djb2(const char *s) {
    uint32_t h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}
static uint32_t sdbm(const char *s) {
    uint32_t h = 0;
    while (*s)
        h = (unsigned char)*s++ + (h << 6) + (h << 16) - h;
    return h;
}
static uint32_t fnv1a32(const char *s) {
    uint32_t h = 2166136261u;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 16777619u;
    }
    return h;
}
static uint64_t fnv1a64(const char *s) {
    uint64_t h = 14695981039346656037ULL;
    while (*s) {
        h ^= (unsigned char)*s++;
        h *= 1099511628211ULL;
    }
    return h;
}

int main(void) {
    const char *words[] = {"", "a", "hello", "capability", "The quick brown fox jumps over the lazy dog", "\xff\xfe"};
    for (int i = 0; i < 6; i++)
        printf("%08x %08x %08x %016llx\n", (unsigned)djb2(words[i]), (unsigned)sdbm(words[i]),
               (unsigned)fnv1a32(words[i]), (unsigned long long)fnv1a64(words[i]));
    return 0;
}
