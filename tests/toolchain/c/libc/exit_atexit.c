// exit runs the atexit handlers in reverse order of registration, flushes stdout, and the status
// reaches the caller; code after exit never runs.
// status: 5
// expected: host
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("first registered, last run\n"); }
static void second(void) { printf("second\n"); }
static void third(void) { printf("third registered, first run\n"); }

static void leave(int code) {
    printf("leaving with %d\n", code);
    exit(code);
}

int main(void) {
    printf("%d\n", atexit(first) == 0);
    atexit(second);
    atexit(third);
    printf("buffered text before exit");      /* no newline: exit must flush it */
    putchar('\n');
    leave(5);
    printf("not reached\n");
    return 0;
}
