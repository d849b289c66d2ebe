// expected: host
// POSIX's stream locking and the _unlocked character functions that fast readers and writers
// use in their inner loops (a copy loop between flockfile and funlockfile), and BSD's setlinebuf.
// stdin: first line\nsecond line\n
#define _DEFAULT_SOURCE
#include <stdio.h>

int main(void) {
    setlinebuf(stdout);
    flockfile(stdin);
    flockfile(stdout);
    int c, lines = 0;
    while ((c = getc_unlocked(stdin)) != EOF) {
        if (c == '\n')
            lines++;
        putc_unlocked(c >= 'a' && c <= 'z' ? c - 32 : c, stdout);
    }
    funlockfile(stdout);
    funlockfile(stdin);
    printf("%d lines, trylock %d\n", lines, ftrylockfile(stdout));
    funlockfile(stdout);
    putchar_unlocked('o');
    putchar_unlocked('k');
    putchar_unlocked('\n');
    printf("after EOF: %d\n", getchar_unlocked() == EOF);
    return 0;
}
