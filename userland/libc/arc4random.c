/*
 * arc4random.c - random numbers for keys, salts and temporary names (BSD, glibc 2.36): bytes
 * from the kernel's generator (getrandom, random.c).
 *
 * Nothing is kept in the process, so a forked child cannot hand out the numbers its parent
 * will. arc4random cannot fail: if the kernel gives no randomness it aborts, as glibc does.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/random.h>

void arc4random_buf(void *buf, size_t n)
{
    unsigned char *p = buf;
    ssize_t r;

    while (n > 0) {
        r = getrandom(p, n, 0);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            abort();
        p += r;
        n -= (size_t)r;
    }
}

uint32_t arc4random(void)
{
    uint32_t r;

    arc4random_buf(&r, sizeof r);
    return r;
}

/* A number below upper_bound, every one as likely: draws that fall in the last, incomplete
 * run of upper_bound values (those below 2^32 mod upper_bound) are drawn again. */
uint32_t arc4random_uniform(uint32_t upper_bound)
{
    uint32_t skip, r;

    if (upper_bound < 2)
        return 0;
    skip = (uint32_t)(0U - upper_bound) % upper_bound;   /* 2^32 mod upper_bound */
    do {
        r = arc4random();
    } while (r < skip);
    return r % upper_bound;
}
