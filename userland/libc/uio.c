/*
 * uio.c - readv and writev (sys/uio.h), as one read or write through a buffer that holds every
 * iovec's bytes together: a write to a pipe or socket is then as atomic as write makes it, and a
 * read takes what one read would. One iovec needs no buffer.
 */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

/* The bytes iov describes, or -1 (EINVAL) for a bad count or a sum past SSIZE_MAX. */
static ssize_t total_length(const struct iovec *iov, int iovcnt)
{
    size_t total = 0;
    if (iovcnt < 0 || iovcnt > IOV_MAX) {
        errno = EINVAL;
        return -1;
    }
    for (int i = 0; i < iovcnt; i++) {
        if (iov[i].iov_len > SSIZE_MAX - total) {
            errno = EINVAL;
            return -1;
        }
        total += iov[i].iov_len;
    }
    return (ssize_t)total;
}

/* Copy the first n bytes of buf into the iovecs in turn. */
static void scatter(const struct iovec *iov, const char *buf, size_t n)
{
    for (int i = 0; n > 0; i++) {
        size_t part = iov[i].iov_len < n ? iov[i].iov_len : n;
        memcpy(iov[i].iov_base, buf, part);
        buf += part;
        n -= part;
    }
}

/* Copy every iovec's bytes into buf, one after another. */
static void gather(char *buf, const struct iovec *iov, int iovcnt)
{
    for (int i = 0; i < iovcnt; i++) {
        memcpy(buf, iov[i].iov_base, iov[i].iov_len);
        buf += iov[i].iov_len;
    }
}

ssize_t readv(int fd, const struct iovec *iov, int iovcnt)
{
    ssize_t total = total_length(iov, iovcnt);
    if (total < 0)
        return -1;
    if (iovcnt == 1)
        return read(fd, iov[0].iov_base, iov[0].iov_len);
    char *buf = malloc((size_t)total + 1);        /* + 1: never malloc(0) */
    if (buf == NULL)
        return -1;
    ssize_t n = read(fd, buf, (size_t)total);
    if (n > 0)
        scatter(iov, buf, (size_t)n);
    free(buf);
    return n;
}

ssize_t writev(int fd, const struct iovec *iov, int iovcnt)
{
    ssize_t total = total_length(iov, iovcnt);
    if (total < 0)
        return -1;
    if (iovcnt == 1)
        return write(fd, iov[0].iov_base, iov[0].iov_len);
    char *buf = malloc((size_t)total + 1);        /* + 1: never malloc(0) */
    if (buf == NULL)
        return -1;
    gather(buf, iov, iovcnt);
    ssize_t n = write(fd, buf, (size_t)total);
    free(buf);
    return n;
}
