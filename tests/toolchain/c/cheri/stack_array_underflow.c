// Reading a local array at index -1 is a bounds fault. Hand-written expectations.
// status: 162
// stderr: capability bounds fault: load
#include <stdio.h>

static int at(const char *s, int i) { return s[i]; }

int main(void) {
    char word[6] = "stack";
    printf("%c%c\n", at(word, 0), at(word, 4));
    fflush(stdout);
    printf("%d\n", at(word, -1));
    printf("not reached\n");
    return 0;
}
