// A format string asking for more arguments than were passed: the printf family's va_arg reads
// past the variadic area and faults. Hand-written expectations.
// status: 162
// stderr: capability bounds fault: load
#include <stdio.h>

int main(void) {
    char buf[64];
    snprintf(buf, sizeof buf, "%d %d", 1, 2);
    printf("%s\n", buf);
    fflush(stdout);
    const char *volatile fmt = "%d %d";
    snprintf(buf, sizeof buf, fmt, 1);
    printf("not reached\n");
    return 0;
}
