// Character constants: escapes, octal and hex forms, arithmetic with them.
// expected: host
#include <stdio.h>

int main(void) {
    printf("%d %d %d %d %d\n", '\n', '\t', '\r', '\b', '\f');
    printf("%d %d %d\n", '\\', '\'', '"');
    printf("%d %d %d\n", '\0', '\7', '\101');
    printf("%d %d\n", '\x20', '\x7f');
    printf("%d\n", '\377');                     /* -1: char is signed */
    printf("%d\n", 'z' - 'a');
    printf("%c\n", 'a' + 2);
    char digits[11];
    for (int i = 0; i < 10; i++)
        digits[i] = (char)('0' + i);
    digits[10] = '\0';
    printf("%s\n", digits);
    printf("%d\n", '9' - '0');
    printf("%c%c%c\n", '\x41', '\102', 'C');
    return 0;
}
