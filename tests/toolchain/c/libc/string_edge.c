// Edge cases of string.h: empty strings, zero lengths, searching for the terminator.
// expected: host
#include <stdio.h>
#include <string.h>

int main(void) {
    const char *e = "";
    printf("%zu %d\n", strlen(e), strcmp(e, ""));
    printf("%d\n", strchr(e, '\0') == e);
    printf("%d\n", strstr(e, "") == e);
    printf("%d\n", strstr(e, "a") == NULL);
    printf("%d\n", strncmp("abc", "xyz", 0));
    printf("%d\n", memcmp("a", "b", 0));
    char buf[4] = "abc";
    memcpy(buf, "zzz", 0);
    memmove(buf, buf + 1, 0);
    memset(buf, 'q', 0);
    printf("%s\n", buf);
    printf("%zu %zu\n", strspn("", "abc"), strcspn("abc", ""));
    printf("%d\n", strpbrk("abc", "") == NULL);
    char cat[8] = "";
    strcat(cat, "");
    strcat(cat, "x");
    printf("%s\n", cat);
    const char *abca = "abca";
    printf("%d\n", (int)(strrchr(abca, 'a') - abca));   /* 3 */
    /* bytes past 127 in strspn's and strcspn's sets */
    printf("%zu %zu %zu\n", strspn("\xff\x80z", "\x80\xff"), strcspn("ab\xc3\xa9", "\xa9\xc3"), strcspn("a\x7f", "\x7f"));
    /* memcmp of unlike-aligned strings, differing at each place in turn, either way */
    const char *m = "0123456789abcdefXYZ";
    char t[24];
    for (int i = 0; i < 19; i++) {
        memcpy(t + 1, m, 20);
        t[1 + i] += i % 2 ? 1 : -1;
        int r = memcmp(m, t + 1, 19);
        printf("%c", r > 0 ? '+' : r < 0 ? '-' : '=');
    }
    printf(" %d\n", memcmp(m, m + 0, 19));
    return 0;
}
