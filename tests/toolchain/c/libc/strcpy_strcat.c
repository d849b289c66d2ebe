// strcpy, strncpy (padding, no terminator when the source is too long), strcat, strncat.
// expected: host
#include <stdio.h>
#include <string.h>

static void show(const char *label, const char *buf, int n) {
    printf("%s:", label);
    for (int i = 0; i < n; i++)
        printf(" %d", buf[i]);
    printf("\n");
}

int main(void) {
    char buf[32];
    char *r = strcpy(buf, "hello");
    printf("%s %d\n", buf, r == buf);
    strcat(buf, ", ");
    r = strcat(buf, "world");
    printf("%s %d\n", buf, r == buf);
    char small[8];
    memset(small, 'z', sizeof small);
    strncpy(small, "ab", 6);
    show("pad", small, 8);                         /* a b 0 0 0 0 z z */
    memset(small, 'z', sizeof small);
    strncpy(small, "abcdefgh", 4);
    show("cut", small, 8);                         /* a b c d z z z z */
    char dst[16] = "abc";
    strncat(dst, "defghij", 3);
    printf("%s\n", dst);                           /* abcdef */
    strncat(dst, "xy", 10);
    printf("%s %zu\n", dst, strlen(dst));
    char overlap_free[16];
    strcpy(overlap_free, "");
    printf("[%s]\n", overlap_free);
    strcpy(buf, "0123456789");
    strcpy(buf + 11, buf + 5);                     /* non-overlapping ranges within one buffer */
    printf("%s %s\n", buf, buf + 11);
    return 0;
}
