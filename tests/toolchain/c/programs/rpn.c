// A reverse Polish notation calculator over its command-line arguments.
// args: 3 4 + 2 * 10 5 - / 7 2 % +
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
    long stack[32];
    int sp = 0;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strlen(a) == 1 && strchr("+-*/%", a[0])) {
            if (sp < 2) {
                printf("stack underflow at %s\n", a);
                return 1;
            }
            long r = stack[--sp], l = stack[--sp];
            long v = a[0] == '+' ? l + r : a[0] == '-' ? l - r : a[0] == '*' ? l * r : a[0] == '/' ? l / r : l % r;
            printf("%ld %s %ld = %ld\n", l, a, r, v);
            stack[sp++] = v;
        } else {
            stack[sp++] = strtol(a, NULL, 10);
        }
    }
    printf("result %ld (depth %d)\n", sp ? stack[sp - 1] : 0L, sp);
    return 0;
}
