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
    return 0;
}
