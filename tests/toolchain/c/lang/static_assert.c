// _Static_assert at file and block scope.
// expected: host
#include <stdio.h>
#include <limits.h>

_Static_assert(sizeof(int) == 4, "int is 4 bytes");
_Static_assert(CHAR_BIT == 8, "8-bit bytes");

int main(void) {
    _Static_assert(sizeof(long) == 8, "long is 8 bytes");
    _Static_assert((char)-1 < 0, "char is signed");
    printf("ok\n");
    return 0;
}
