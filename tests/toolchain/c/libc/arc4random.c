// expected: host
/* arc4random, arc4random_uniform and arc4random_buf: the numbers differ from run to run, so
 * only their properties are printed - bounds kept, every value of a small range drawn, buffers
 * filled, two draws different. */
#define _DEFAULT_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void)
{
    unsigned char buf[64], zero[64] = {0};
    int seen[6] = {0}, i, all_seen = 1, in_bounds = 1;
    uint32_t a, b;

    for (i = 0; i < 600; i++) {
        uint32_t r = arc4random_uniform(6);
        if (r >= 6)
            in_bounds = 0;
        else
            seen[r] = 1;
    }
    for (i = 0; i < 6; i++)
        all_seen &= seen[i];
    printf("uniform(6): in bounds %d, every value seen %d\n", in_bounds, all_seen);
    printf("uniform(0) %u, uniform(1) %u\n", arc4random_uniform(0), arc4random_uniform(1));
    for (i = 0; i < 100; i++)
        if (arc4random_uniform(0x80000001u) > 0x80000000u)
            in_bounds = 0;
    printf("uniform(2^31 + 1): in bounds %d\n", in_bounds);

    a = arc4random();
    b = arc4random();
    printf("two draws differ %d\n", a != b || arc4random() != a);

    memset(buf, 0, sizeof buf);
    arc4random_buf(buf, sizeof buf);
    printf("buf filled %d\n", memcmp(buf, zero, sizeof buf) != 0);
    arc4random_buf(buf, 0);
    printf("empty buf ok\n");
    return 0;
}
