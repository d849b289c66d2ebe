// String literals: escape sequences, concatenation, sizeof, indexing, embedded NULs.
// expected: host
#include <stdio.h>

int main(void) {
    printf("tab[\t] backslash[\\] quote[\"] apostrophe[\'] question[\?]\n");
    printf("%d %d %d %d\n", '\x41', '\101', '\0', '\n');
    const char *s = "\x48\x69\041";
    printf("%s\n", s);                                   /* Hi! */
    printf("%s\n", "con" "cat" "enated");
    printf("%d\n", (int)sizeof("abc"));                  /* 4 */
    printf("%d\n", (int)sizeof("a\0b"));                 /* 4 */
    printf("%c%c\n", "xyz"[1], *("xyz" + 2));
    const char embedded[] = "ab\0cd";
    printf("%d %s %s\n", (int)sizeof embedded, embedded, embedded + 3);
    const char *multi = "line one\n"
                        "line two\n";
    printf("%s", multi);
    printf("%d\n", "abc"[3] == '\0');
    char arr[] = "mutable";
    arr[0] = 'M';
    printf("%s\n", arr);
    const char *empty = "";
    printf("[%s] %d\n", empty, empty[0]);
    printf("%d %d\n", '\a', '\v');
    printf("%d\n", '\xff' < 0);                          /* char is signed */
    printf("%s\n", "\x7e\x21");                          /* ~! */
    return 0;
}
