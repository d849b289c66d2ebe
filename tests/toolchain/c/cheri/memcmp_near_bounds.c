// memcmp with an n longer than one of its objects, where the bytes differ before that object's
// end (kilo's highlighter does memcmp(p, keyword, strlen(keyword)) near the end of a line): the
// answer comes from the first differing byte, as with a byte-by-byte memcmp, and nothing past
// the object is read. Where all the bytes inside the object are equal, the next read leaves
// its bounds, and SIGPROT stops the program. Hand-written expectations.
// status: 162
// stderr: capability bounds fault
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int sign(int r) {
    return (r > 0) - (r < 0);
}

int main(void) {
    const char *line = "int main(void) {";
    char *render = malloc(strlen(line) + 1);     /* a row, as kilo renders it: 17 bytes */
    strcpy(render, line);
    static const char *keywords[] = {"continue", "{ while", "(void) {x"};
    for (int at = 13; at <= 16; at++)
        for (int k = 0; k < 3; k++) {
            size_t n = strlen(keywords[k]);
            if (at + n > strlen(line) + 1)      /* longer than what is left of the row */
                printf("%d %s: %d\n", at, keywords[k], sign(memcmp(render + at, keywords[k], n)));
        }

    char *three = malloc(3);                     /* aligned, so the word step would cross its end */
    memcpy(three, "ab", 3);
    printf("ab vs abcdefgh: %d\n", sign(memcmp(three, "abcdefgh", 8)));
    printf("abcdefgh vs ab: %d\n", sign(memcmp("abcdefgh", three, 8)));
    printf("equal words first: %d\n", sign(memcmp("0123456789abcdefX", "0123456789abcdefY", 17)));
    fflush(stdout);

    printf("equal to the end: %d\n", memcmp(three, "ab\0xxxxx", 8));   /* reads three[3]: faults */
    return 0;
}
