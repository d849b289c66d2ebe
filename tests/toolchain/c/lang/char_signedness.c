// Plain char is signed; unsigned char and signed char conversions.
// expected: host
#include <stdio.h>
#include <limits.h>

int main(void) {
    char c = (char)200;
    printf("%d\n", c);                       /* -56 */
    printf("%d\n", c < 0);                   /* 1 */
    printf("%d %d\n", CHAR_MIN, CHAR_MAX);   /* -128 127 */
    unsigned char uc = (unsigned char)c;
    printf("%d\n", uc);                      /* 200 */
    signed char sc = -1;
    printf("%d %d\n", sc, (unsigned char)sc);/* -1 255 */
    const char *s = "\xff\x80\x7f";
    printf("%d %d %d\n", s[0], s[1], s[2]);  /* -1 -128 127 */
    printf("%d %d\n", (unsigned char)s[0], (unsigned char)s[1]);
    char x = 127;
    x++;
    printf("%d\n", x);                       /* -128 */
    int i = '\xff';
    printf("%d\n", i);                       /* -1 */
    char arr[4] = {'a', (char)0xe9, 'z', 0};
    int neg = 0;
    for (int k = 0; arr[k]; k++)
        if (arr[k] < 0)
            neg++;
    printf("%d\n", neg);                     /* 1 */
    unsigned int widened = (unsigned char)arr[1];
    printf("%u\n", widened);                 /* 233 */
    int sign_extended = arr[1];
    printf("%d\n", sign_extended);           /* -23 */
    printf("%d\n", (char)0x141);             /* 65 */
    return 0;
}
