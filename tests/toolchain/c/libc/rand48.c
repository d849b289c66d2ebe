// expected: host
// POSIX's drand48 family fixes its generator, so a seeded sequence is the same on every system:
// simulations that print their results from it print the same numbers.
#define _XOPEN_SOURCE 700
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    long first = lrand48();
    printf("unseeded: %ld", first);
    printf(" %.17g\n", drand48());
    srand48(12345);
    for (int i = 0; i < 3; i++) {               /* one call per statement: a fixed order */
        printf("%.17g", drand48());
        printf(" %ld", lrand48());
        printf(" %ld\n", mrand48());
    }

    unsigned short mine[3] = {1, 2, 3};
    for (int i = 0; i < 3; i++) {
        printf("%.17g", erand48(mine));
        printf(" %ld", nrand48(mine));
        printf(" %ld\n", jrand48(mine));
    }
    printf("state %u %u %u\n", mine[0], mine[1], mine[2]);

    unsigned short seed[3] = {0x1234, 0xabcd, 0x0042};
    unsigned short *old = seed48(seed);
    printf("old state %u %u %u\n", old[0], old[1], old[2]);
    printf("after seed48: %ld\n", lrand48());

    srand48(-7);                                    /* only the low 32 bits count */
    double sum = 0;
    for (int i = 0; i < 1000; i++)
        sum += drand48();
    printf("mean of 1000: %.12f\n", sum / 1000);
    return 0;
}
