// isascii and toascii, and the classification functions on every unsigned char value.
// expected: host
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <ctype.h>

int main(void) {
    int ascii = 0;
    for (int c = 0; c < 256; c++)
        ascii += isascii(c) != 0;
    printf("%d\n", ascii);
    printf("%d %d %d\n", toascii(0x80 + 'A'), toascii('z'), toascii(0xff));
    unsigned long sig = 0;
    for (int c = 0; c < 256; c++) {
        int bits = (isalnum(c) != 0) | (isalpha(c) != 0) << 1 | (isblank(c) != 0) << 2 | (iscntrl(c) != 0) << 3
                 | (isdigit(c) != 0) << 4 | (isgraph(c) != 0) << 5 | (islower(c) != 0) << 6 | (isprint(c) != 0) << 7
                 | (ispunct(c) != 0) << 8 | (isspace(c) != 0) << 9 | (isupper(c) != 0) << 10 | (isxdigit(c) != 0) << 11;
        sig = sig * 31 + (unsigned long)bits + (unsigned long)toupper(c) * 7 + (unsigned long)tolower(c) * 13;
    }
    printf("%lu\n", sig);
    return 0;
}
