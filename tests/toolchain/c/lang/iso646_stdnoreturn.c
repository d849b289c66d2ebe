// expected: host
// status: 3
/* <iso646.h>'s operator spellings and <stdnoreturn.h>'s noreturn. */
#include <iso646.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdnoreturn.h>

noreturn static void finish(int code)
{
    printf("finishing with %d\n", code);
    exit(code);
}

int main(void)
{
    int a = 6, b = 3;
    if (a > 1 and not (b == 0) or compl 0 == -1) {
        a and_eq 3;
        b or_eq 4;
        a xor_eq b;
    }
    printf("%d %d %d %d\n", a, b, (a bitand 1) bitor (b not_eq 0), a xor b);
    finish(3);
}
