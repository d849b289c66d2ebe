/*
 * select.c - select and pselect, made from the ppoll system call: the descriptors set in the
 * three fd_sets become one pollfd each, and what ppoll reports comes back as bits, counted as
 * POSIX says (a descriptor ready for reading and writing counts twice). Ready for reading
 * includes end of file, hang-up and errors, as Linux; exceptional means POLLPRI. pselect's mask
 * replaces the caller's while it waits (the kernel swaps it, so no signal slips in between).
 */
#include <errno.h>
#include <poll.h>
#include <stddef.h>
#include <sys/select.h>
#include "libc.h"

#define MAX_POLLED 256          /* what ppoll takes at once */
#define READ_READY (POLLIN | POLLHUP | POLLERR)
#define WRITE_READY (POLLOUT | POLLERR)

static int is_set(const fd_set *set, int fd)
{
    return set != NULL && FD_ISSET(fd, set);
}

/* The pollfds for the descriptors below nfds in any set; their number, or -1 (EINVAL). */
static int to_pollfds(int nfds, fd_set *r, fd_set *w, fd_set *e, struct pollfd *fds)
{
    int n = 0;

    for (int fd = 0; fd < nfds; fd++) {
        short events = (is_set(r, fd) ? POLLIN : 0) | (is_set(w, fd) ? POLLOUT : 0) |
                       (is_set(e, fd) ? POLLPRI : 0);
        if (!events)
            continue;
        if (n == MAX_POLLED) {
            errno = EINVAL;
            return -1;
        }
        fds[n].fd = fd;
        fds[n].events = events;
        fds[n].revents = 0;
        n++;
    }
    return n;
}

/* Rewrite the sets to the ready descriptors; the count, or -1 (EBADF) for a closed one. */
static int from_pollfds(const struct pollfd *fds, int n, fd_set *r, fd_set *w, fd_set *e)
{
    int ready = 0;

    for (int i = 0; i < n; i++)
        if (fds[i].revents & POLLNVAL) {
            errno = EBADF;
            return -1;
        }
    for (int i = 0; i < n; i++) {
        int fd = fds[i].fd;
        short got = fds[i].revents;
        if (is_set(r, fd) && !(got & READ_READY))
            FD_CLR(fd, r);
        if (is_set(w, fd) && !(got & WRITE_READY))
            FD_CLR(fd, w);
        if (is_set(e, fd) && !(got & POLLPRI))
            FD_CLR(fd, e);
        ready += is_set(r, fd) + is_set(w, fd) + is_set(e, fd);
    }
    return ready;
}

int pselect(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds,
            const struct timespec *timeout, const sigset_t *sigmask)
{
    struct pollfd fds[MAX_POLLED];
    int n, got;

    if (nfds < 0 || nfds > FD_SETSIZE ||
        (timeout != NULL && (timeout->tv_sec < 0 || timeout->tv_nsec < 0 || timeout->tv_nsec >= 1000000000L))) {
        errno = EINVAL;
        return -1;
    }
    n = to_pollfds(nfds, readfds, writefds, exceptfds, fds);
    if (n < 0)
        return -1;
    got = (int)syscall5(SYS_ppoll, n ? fds : NULL, n, timeout, sigmask, sizeof(sigset_t));
    if (got < 0)
        return -1;
    return from_pollfds(fds, n, readfds, writefds, exceptfds);
}

/* Linux's select leaves the time not waited in *timeout: zero when it timed out. */
int select(int nfds, fd_set *readfds, fd_set *writefds, fd_set *exceptfds, struct timeval *timeout)
{
    struct timespec ts;
    int ready;

    if (timeout != NULL) {
        if (timeout->tv_sec < 0 || timeout->tv_usec < 0 || timeout->tv_usec >= 1000000L) {
            errno = EINVAL;
            return -1;
        }
        ts.tv_sec = timeout->tv_sec;
        ts.tv_nsec = timeout->tv_usec * 1000L;
    }
    ready = pselect(nfds, readfds, writefds, exceptfds, timeout ? &ts : NULL, NULL);
    if (ready == 0 && timeout != NULL)
        timeout->tv_sec = timeout->tv_usec = 0;
    return ready;
}
