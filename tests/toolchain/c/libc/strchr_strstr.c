// Searching: strchr, strrchr, strstr, strpbrk, strspn, strcspn, memchr (results as offsets).
// expected: host
#include <stdio.h>
#include <string.h>

static long off(const char *base, const char *p) { return p ? (long)(p - base) : -1; }

int main(void) {
    const char *s = "the quick brown fox jumps";
    printf("%ld %ld %ld\n", off(s, strchr(s, 'q')), off(s, strchr(s, 'z')), off(s, strchr(s, '\0')));
    printf("%ld %ld\n", off(s, strrchr(s, 'o')), off(s, strrchr(s, 'x')));
    printf("%ld %ld %ld\n", off(s, strstr(s, "brown")), off(s, strstr(s, "browns")), off(s, strstr(s, "")));
    printf("%ld %ld\n", off(s, strstr(s, "s")), off(s, strstr(s, "the")));
    printf("%ld %ld\n", off(s, strpbrk(s, "xyz")), off(s, strpbrk(s, "!?")));
    printf("%zu %zu %zu\n", strspn(s, "the "), strspn(s, "xyz"), strspn("aaab", "a"));
    printf("%zu %zu %zu\n", strcspn(s, "qb"), strcspn(s, "!"), strcspn("", "a"));
    char bytes[10] = {1, 2, 3, 0, 5, 6, 7, 8, 9, 10};
    printf("%ld %ld %ld\n", off(bytes, memchr(bytes, 6, 10)), off(bytes, memchr(bytes, 0, 10)),
           off(bytes, memchr(bytes, 9, 5)));
    const char *dup = "abcabcabc";
    int count = 0;
    for (const char *p = dup; (p = strstr(p, "bc")) != NULL; p++)
        count++;
    printf("%d\n", count);
    printf("%ld\n", off(dup, strchr(dup, 'c' + 256)));   /* the int is converted to char */
    return 0;
}
