// Integer constants: decimal, octal, hex, suffixes, and the types they get.
// expected: host
#include <stdio.h>

int main(void) {
    printf("%d %d %d\n", 10, 010, 0x10);
    printf("%d %d\n", 0XfF, 0777);
    printf("%u %ld %lu\n", 4294967295U, 123L, 123UL);
    printf("%lld %llu\n", 9223372036854775807LL, 18446744073709551615ULL);
    printf("%d\n", (int)sizeof(2147483647));        /* int */
    printf("%d\n", (int)sizeof(2147483648));        /* long */
    printf("%d\n", (int)sizeof(0x7fffffff));        /* int */
    printf("%d\n", (int)sizeof(0x80000000));        /* unsigned int */
    printf("%d\n", (int)sizeof(0x100000000));       /* long */
    printf("%d\n", (int)sizeof(1u));
    printf("%d\n", (int)sizeof(1l));
    printf("%d\n", 0x80000000 > 0);                  /* unsigned */
    printf("%d\n", -2147483648 < 0);                 /* long, negated */
    printf("%ld\n", -2147483648);
    printf("%d\n", (int)sizeof('a'));               /* character constants are int */
    printf("%d\n", 0 == 00);
    printf("%lx\n", 0xdeadbeefcafeL);
    return 0;
}
