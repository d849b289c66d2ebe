// expected: host
// ffs, ffsl and ffsll (strings.h; the last two POSIX 2024): the position, counted from 1, of the
// lowest bit set, 0 for 0, the sign bit included.
#define _DEFAULT_SOURCE             /* glibc: ffsl and ffsll */
#include <limits.h>
#include <stdio.h>
#include <strings.h>

int main(void) {
    printf("ffs %d %d %d %d %d\n", ffs(0), ffs(1), ffs(12), ffs(INT_MIN), ffs(-1));
    printf("ffsl %d %d %d %d\n", ffsl(0L), ffsl(1L << 40), ffsl(LONG_MIN), ffsl(-2L));
    printf("ffsll %d %d %d\n", ffsll(0LL), ffsll(3LL << 50), ffsll(LLONG_MIN));
    return 0;
}
