// snprintf: truncation always leaves a terminated string, the return value is the length the
// full output would have, size 0 writes nothing; sprintf returns its length.
// expected: host
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[16];
    int n = snprintf(buf, 5, "hello world");
    printf("%d [%s]\n", n, buf);                   /* 11 [hell] */
    n = snprintf(buf, sizeof buf, "%d-%d", 12, 34);
    printf("%d [%s]\n", n, buf);
    memset(buf, 'X', sizeof buf);
    n = snprintf(buf, 1, "abc");
    printf("%d %d\n", n, buf[0]);                  /* 3 0 */
    memset(buf, 'X', sizeof buf);
    n = snprintf(buf, 0, "abcdef");
    printf("%d %c\n", n, buf[0]);                  /* 6 X: nothing written */
    n = snprintf(NULL, 0, "%s %05d %.2f", "size", 42, 3.14159);
    printf("%d\n", n);                             /* 15 */
    n = snprintf(buf, 6, "%s", "12345");
    printf("%d [%s]\n", n, buf);                   /* exactly fits */
    n = snprintf(buf, 6, "%s", "123456");
    printf("%d [%s]\n", n, buf);
    n = snprintf(buf, 8, "%10d", 7);
    printf("%d [%s]\n", n, buf);
    char big[64];
    n = sprintf(big, "%s|%c|%x|%5.1f", "sprintf", 'c', 0xabcu, 2.3);
    printf("%d [%s]\n", n, big);
    int off = 0;
    for (int i = 0; i < 5; i++)
        off += sprintf(big + off, "%d,", i * i);
    printf("%d [%s]\n", off, big);
    n = snprintf(buf, sizeof buf, "%s", "");
    printf("%d [%s]\n", n, buf);
    return 0;
}
