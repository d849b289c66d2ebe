// strlcpy and strlcat: always terminated, and the return value is the length they tried to make.
// (Hand-written expectations: the host's C library predates these functions.)
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[8];
    size_t n = strlcpy(buf, "hello", sizeof buf);
    printf("%zu [%s]\n", n, buf);
    n = strlcpy(buf, "a longer string", sizeof buf);
    printf("%zu [%s]\n", n, buf);
    n = strlcat(buf, "xyz", sizeof buf);
    printf("%zu [%s]\n", n, buf);
    strlcpy(buf, "ab", sizeof buf);
    n = strlcat(buf, "cd", sizeof buf);
    printf("%zu [%s]\n", n, buf);
    n = strlcat(buf, "efghij", sizeof buf);
    printf("%zu [%s]\n", n, buf);
    n = strlcpy(buf, "ignored", 0);
    printf("%zu [%s]\n", n, buf);
    n = strlcpy(buf, "", sizeof buf);
    printf("%zu [%s]\n", n, buf);
    return 0;
}
