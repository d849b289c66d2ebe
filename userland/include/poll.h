/* poll.h - waiting for events on file descriptors (POSIX). libc's poll is the ppoll system call. */
#ifndef _POLL_H
#define _POLL_H

struct pollfd {
    int fd;
    short events;       /* what to wait for */
    short revents;      /* what happened */
};

typedef unsigned long nfds_t;

#define POLLIN 0x001
#define POLLPRI 0x002
#define POLLOUT 0x004
#define POLLERR 0x008
#define POLLHUP 0x010
#define POLLNVAL 0x020
#define POLLRDNORM 0x040
#define POLLRDBAND 0x080
#define POLLWRNORM 0x100
#define POLLWRBAND 0x200

int poll(struct pollfd *fds, nfds_t nfds, int timeout);   /* timeout in ms; -1 waits forever */

#endif
