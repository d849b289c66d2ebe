/*
 * sys/select.h - select and pselect (POSIX): wait until descriptors are ready, made from the
 * ppoll system call by userland/libc/select.c. An fd_set is a bit per descriptor, FD_SETSIZE of
 * them.
 */
#ifndef _SYS_SELECT_H
#define _SYS_SELECT_H

#include <sys/_types.h>
#include <sys/time.h>
#include <signal.h>

#define FD_SETSIZE 1024
#define __NFDBITS (8 * (int)sizeof(unsigned long))

typedef struct {
    unsigned long fds_bits[FD_SETSIZE / (8 * sizeof(unsigned long))];
} fd_set;

#define FD_ZERO(set) \
    do { for (int __i = 0; __i < FD_SETSIZE / __NFDBITS; __i++) (set)->fds_bits[__i] = 0; } while (0)
#define FD_SET(fd, set) ((set)->fds_bits[(fd) / __NFDBITS] |= 1UL << ((fd) % __NFDBITS))
#define FD_CLR(fd, set) ((set)->fds_bits[(fd) / __NFDBITS] &= ~(1UL << ((fd) % __NFDBITS)))
#define FD_ISSET(fd, set) (((set)->fds_bits[(fd) / __NFDBITS] >> ((fd) % __NFDBITS)) & 1)

int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout);
int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
            const struct timespec *timeout, const sigset_t *sigmask);

#endif
