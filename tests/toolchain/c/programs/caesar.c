// ROT13 and a Caesar shift over stdin, line by line; ROT13 twice gives the input back.
// expected: host
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static void shift(char *s, int k) {
    for (; *s; s++) {
        if (isupper((unsigned char)*s))
            *s = (char)('A' + (*s - 'A' + k) % 26);
        else if (islower((unsigned char)*s))
            *s = (char)('a' + (*s - 'a' + k) % 26);
    }
}

int main(void) {
    char line[200], copy[200];
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\n")] = '\0';
        strcpy(copy, line);
        shift(copy, 13);
        printf("rot13: %s\n", copy);
        shift(copy, 13);
        printf("back:  %s %s\n", copy, strcmp(copy, line) == 0 ? "(same)" : "(DIFFERENT)");
        strcpy(copy, line);
        shift(copy, 3);
        printf("+3:    %s\n", copy);
    }
    return 0;
}
