// strlen, strcmp, strncmp (only the sign of a comparison is checked), memcmp.
// expected: host
#include <stdio.h>
#include <string.h>

static int sign(int x) { return (x > 0) - (x < 0); }

int main(void) {
    printf("%zu %zu %zu\n", strlen(""), strlen("a"), strlen("hello, world"));
    char buf[100];
    memset(buf, 'x', 99);
    buf[99] = '\0';
    printf("%zu\n", strlen(buf));
    printf("%zu\n", strlen(buf + 37));
    const char *pairs[][2] = {{"abc", "abc"}, {"abc", "abd"}, {"abd", "abc"}, {"ab", "abc"},
                              {"abc", "ab"}, {"", ""}, {"", "a"}, {"a\xff", "a\x01"}, {"Z", "a"}};
    for (int i = 0; i < 9; i++)
        printf("%d ", sign(strcmp(pairs[i][0], pairs[i][1])));
    printf("\n");
    printf("%d %d %d %d\n", sign(strncmp("abcdef", "abcxyz", 3)), sign(strncmp("abcdef", "abcxyz", 4)),
           sign(strncmp("abc", "abd", 0)), sign(strncmp("ab", "abc", 5)));
    printf("%d %d %d\n", sign(memcmp("abc", "abd", 2)), sign(memcmp("abc", "abd", 3)),
           sign(memcmp("\x80", "\x7f", 1)));           /* bytes compare as unsigned */
    char a[8] = {1, 2, 0, 4}, b[8] = {1, 2, 0, 5};
    printf("%d %d\n", sign(memcmp(a, b, 3)), sign(memcmp(a, b, 4)));
    return 0;
}
