// expected: host
// status: 3
// C11's quick_exit runs the functions registered with at_quick_exit, last first, and ends the
// program without the atexit functions and without flushing stdio (so what this program wants
// seen it writes unbuffered, with write).
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void say(const char *s) { write(1, s, strlen(s)); }
static void first(void) { say("quick handler registered first\n"); }
static void second(void) { say("quick handler registered second\n"); }
static void never(void) { say("atexit handler: not run\n"); }

int main(void) {
    atexit(never);
    at_quick_exit(first);
    at_quick_exit(second);
    printf("buffered, never flushed");
    say("calling quick_exit\n");
    quick_exit(3);
}
