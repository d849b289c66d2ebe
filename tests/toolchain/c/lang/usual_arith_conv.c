// The usual arithmetic conversions between signed and unsigned operands of different ranks.
// expected: host
#include <stdio.h>

int main(void) {
    int minus_one = -1;
    unsigned int one_u = 1;
    long minus_one_l = -1;
    unsigned long big = 1;

    printf("%d\n", minus_one < one_u);          /* 0: -1 becomes UINT_MAX */
    printf("%d\n", minus_one_l < one_u);        /* 1: unsigned int fits in long */
    printf("%d\n", minus_one_l < big);          /* 0: -1 becomes ULONG_MAX */
    printf("%u\n", minus_one + one_u);          /* 0 */
    printf("%u\n", minus_one * one_u);          /* 4294967295 */
    printf("%ld\n", minus_one_l + one_u);       /* 0 as long */
    printf("%lu\n", (unsigned long)minus_one);  /* 18446744073709551615 */
    printf("%ld\n", (long)one_u - 2);           /* -1 */
    printf("%u\n", one_u - 2);                  /* 4294967295 */
    printf("%d\n", (int)sizeof(1 + 1L));        /* 8 */
    printf("%d\n", (int)sizeof(1u + 1));        /* 4 */
    printf("%d\n", (int)sizeof(1u + 1L));       /* 8 */
    printf("%d\n", (int)sizeof('a' + (char)1)); /* 4 */
    printf("%d\n", (int)sizeof(1.0f + 1));      /* 4: float */
    printf("%d\n", (int)sizeof(1.0f + 1.0));    /* 8: double */
    printf("%d\n", (int)sizeof(1 + 1.0));       /* 8 */
    unsigned short us = 1;
    printf("%d\n", us - 2 < 0);                 /* 1: unsigned short promotes to int */
    unsigned int ui = 7;
    printf("%d\n", -ui > 0u);                   /* 1 */
    printf("%u\n", -ui);                        /* 4294967289 */
    long l = -5;
    unsigned int u5 = 5;
    printf("%ld\n", l / (long)u5);              /* -1 */
    printf("%ld\n", l * u5);                    /* -25: u5 converts to long */
    printf("%d\n", 3 / 2 * 2.0 == 2.0);         /* 1: integer division first */
    printf("%f\n", 3 / 2.0);                    /* 1.500000 */
    return 0;
}
