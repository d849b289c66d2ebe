/*
 * sys/uio.h - reads and writes of several buffers at once (POSIX). Implemented in
 * userland/libc/uio.c.
 *
 *   ssize_t readv(int fd, const struct iovec *iov, int iovcnt)    fill iov[0], iov[1], ... in turn
 *   ssize_t writev(int fd, const struct iovec *iov, int iovcnt)   write them, in order
 *
 * Each is one read or one write of the buffers put together, so a writev to a pipe or socket
 * arrives whole, as one write would (libc gathers them into one buffer: the kernel has no
 * readv/writev). iovcnt must be 0..IOV_MAX (limits.h) and the lengths' sum at most SSIZE_MAX
 * (EINVAL otherwise); ENOMEM if the buffers together do not fit in memory.
 */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/_types.h>

struct iovec {
    void *iov_base;     /* a buffer */
    size_t iov_len;     /* ... and its length */
};

ssize_t readv(int fd, const struct iovec *iov, int iovcnt);
ssize_t writev(int fd, const struct iovec *iov, int iovcnt);

#endif
