// va_arg reads from a capability bounded to the variadic arguments actually passed: reading one
// more than the caller passed is a bounds fault instead of reading stack garbage.
// Hand-written expectations.
// status: 162
// stderr: capability bounds fault: load
#include <stdio.h>
#include <stdarg.h>

static int sum(int n, ...) {
    va_list ap;
    va_start(ap, n);
    int s = 0;
    for (int i = 0; i < n; i++)
        s += va_arg(ap, int);
    va_end(ap);
    return s;
}

int main(void) {
    printf("%d\n", sum(3, 1, 2, 3));
    printf("%d\n", sum(0));
    fflush(stdout);
    printf("%d\n", sum(4, 1, 2, 3));
    printf("not reached\n");
    return 0;
}
