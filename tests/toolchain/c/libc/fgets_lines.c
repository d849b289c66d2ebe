// fgets: whole lines with their newline, a long line split by a small buffer, a last line
// without a newline, NULL at EOF; fgetc and getc.
// expected: host
#include <stdio.h>
#include <string.h>

int main(void) {
    char buf[16];
    int n = 0;
    int c = fgetc(stdin);
    printf("first char %c\n", c);
    c = getc(stdin);
    printf("second char %c\n", c);
    while (fgets(buf, sizeof buf, stdin) != NULL) {
        size_t len = strlen(buf);
        int nl = len > 0 && buf[len - 1] == '\n';
        if (nl)
            buf[len - 1] = '\0';
        printf("%d: [%s] %zu%s\n", n++, buf, len, nl ? " nl" : "");
    }
    printf("%d\n", fgets(buf, sizeof buf, stdin) == NULL);
    return 0;
}
