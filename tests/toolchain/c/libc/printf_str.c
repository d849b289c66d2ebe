// printf %s and %c with widths and precisions, and strings built from pieces.
// expected: host
#include <stdio.h>

int main(void) {
    const char *s = "capability";
    printf("[%s] [%15s] [%-15s] [%.3s] [%15.3s] [%-15.3s]\n", s, s, s, s, s, s);
    printf("[%.*s] [%*s] [%-*s]\n", 4, s, 12, "ab", 12, "ab");
    printf("[%s] [%5s] [%.0s]\n", "", "", s);
    printf("[%.20s]\n", "short");
    char not_terminated[4] = {'a', 'b', 'c', 'd'};
    printf("[%.4s]\n", not_terminated);          /* precision bounds the read */
    printf("[%c] [%3c] [%-3c] [%c]\n", 'q', 'r', 's', 65);
    printf("%s %s %s\n", "one", "two", "three");
    printf("%s\n", "a string with 50 characters in it ....................");
    char buf[3] = "hi";
    printf("%s!\n", buf);
    return 0;
}
