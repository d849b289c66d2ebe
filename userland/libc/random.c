/*
 * random.c - random bytes from the kernel without a file: getrandom (Linux's system call) and
 * getentropy (BSD, glibc 2.25), <sys/random.h>. arc4random is built on them.
 */
#include <errno.h>
#include <sys/random.h>
#include <sys/syscall.h>
#include "libc.h"

ssize_t getrandom(void *buf, size_t buflen, unsigned int flags)
{
    return syscall3(SYS_getrandom, buf, buflen, flags);
}

/* Exactly length bytes, or -1: getentropy is for seeds and keys, so it refuses more than 256 (EIO,
   as glibc), and asks again for what a call did not give (a signal can cut a call short). */
int getentropy(void *buffer, size_t length)
{
    unsigned char *p = buffer;
    ssize_t n;

    if (length > 256) {
        errno = EIO;
        return -1;
    }
    while (length > 0) {
        n = getrandom(p, length, 0);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0)
            return -1;
        p += n;
        length -= (size_t)n;
    }
    return 0;
}
