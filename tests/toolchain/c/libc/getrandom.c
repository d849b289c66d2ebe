// expected: host
/* getrandom and getentropy (<sys/random.h>), sched_yield (<sched.h>): how many bytes come back, and
   the errors (the bytes themselves are random, so only their count and that they vary are shown). */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <sched.h>
#include <stdio.h>
#include <string.h>
#include <sys/random.h>
#include <unistd.h>

int main(void)
{
    unsigned char a[64], b[64], big[300];
    ssize_t n;
    int r;

    n = getrandom(a, sizeof a, 0);
    printf("getrandom 64: %zd\n", n);
    n = getrandom(b, sizeof b, GRND_NONBLOCK);
    printf("getrandom 64, nonblocking: %zd, the same bytes again: %s\n", n, memcmp(a, b, sizeof a) ? "no" : "yes");
    printf("getrandom 0: %zd\n", getrandom(a, 0, 0));
    n = getrandom(a, 8, GRND_RANDOM);
    printf("GRND_RANDOM: %zd\n", n);
    errno = 0;
    n = getrandom(a, 8, 0x40);
    printf("unknown flag: %zd %s\n", n, errno == EINVAL ? "EINVAL" : "?");
    errno = 0;
    n = getrandom(a, 8, GRND_RANDOM | GRND_INSECURE);
    printf("GRND_RANDOM | GRND_INSECURE: %zd %s\n", n, errno == EINVAL ? "EINVAL" : "?");
    r = getentropy(a, 32);
    printf("getentropy 32: %d\n", r);
    r = getentropy(big, 256);
    printf("getentropy 256: %d\n", r);
    errno = 0;
    r = getentropy(big, 257);
    printf("getentropy 257: %d %s\n", r, errno == EIO ? "EIO" : "?");
    printf("sched_yield: %d\n", sched_yield());
    return 0;
}
