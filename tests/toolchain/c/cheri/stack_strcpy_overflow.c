// strcpy into a too-small local buffer faults inside strcpy, before anything else on the stack is
// overwritten. Hand-written expectations.
// status: 162
// stderr: capability bounds fault: store
#include <stdio.h>
#include <string.h>

static void greet(const char *who) {
    char buf[8];
    strcpy(buf, who);
    printf("hello %s\n", buf);
    fflush(stdout);
}

int main(void) {
    greet("ann");
    greet("a name far too long for eight bytes");
    printf("not reached\n");
    return 0;
}
