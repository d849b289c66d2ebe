/*
 * poll.c - poll, made from the ppoll system call (its timeout is a struct timespec).
 */
#include <poll.h>
#include <signal.h>
#include <time.h>
#include "libc.h"

int poll(struct pollfd *fds, nfds_t nfds, int timeout)
{
    struct timespec ts;
    struct timespec *tsp = NULL;

    if (timeout >= 0) {
        ts.tv_sec = timeout / 1000;
        ts.tv_nsec = (long)(timeout % 1000) * 1000000L;
        tsp = &ts;
    }
    return (int)syscall5(SYS_ppoll, fds, nfds, tsp, 0, sizeof(sigset_t));
}
