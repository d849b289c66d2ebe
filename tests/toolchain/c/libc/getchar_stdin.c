// getchar until EOF: counts and echoes stdin in upper case; EOF is returned repeatedly at the end.
// stdin: Hello, stdin!\nsecond line\n\ttabbed
// expected: host
#include <stdio.h>
#include <ctype.h>

int main(void) {
    int c, chars = 0, lines = 0;
    while ((c = getchar()) != EOF) {
        chars++;
        if (c == '\n')
            lines++;
        putchar(toupper(c));
    }
    printf("\n%d %d\n", chars, lines);
    printf("%d %d\n", getchar() == EOF, getc(stdin) == EOF);
    printf("%d\n", feof(stdin) != 0);
    return 0;
}
