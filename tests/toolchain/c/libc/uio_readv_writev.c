// expected: host
// sys/uio.h: writev to a pipe arrives as one write (one read takes it all), readv scatters one
// read over its buffers in order (a short read fills only the first ones), empty and null
// buffers, a file, and the errors: a negative count, more than IOV_MAX, a length past SSIZE_MAX.
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#ifndef IOV_MAX
#define IOV_MAX 1024
#endif

static void result(const char *what, ssize_t r) {
    printf("%s: %ld%s%s\n", what, (long)r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
}

static void show(const char *name, const char *buf, size_t n) {
    printf("  %s = \"%.*s\"\n", name, (int)n, buf);
}

int main(void) {
    int fds[2];
    pipe(fds);
    char hello[] = "hello", empty[1] = "", world[] = ", world";
    struct iovec out[] = {{hello, 5}, {empty, 0}, {NULL, 0}, {world, 7}};
    result("writev to a pipe", writev(fds[1], out, 4));
    char all[64];
    ssize_t n = read(fds[0], all, sizeof all);
    result("one read", n);
    show("all", all, (size_t)n);

    write(fds[1], "abcdefghij", 10);
    char a[3], b[1], c[20];
    memset(c, '.', sizeof c);
    struct iovec in[] = {{a, 3}, {NULL, 0}, {b, 1}, {c, 20}};
    result("readv of 10 bytes", readv(fds[0], in, 4));
    show("a", a, 3);
    show("b", b, 1);
    show("c", c, 8);
    write(fds[1], "xy", 2);
    memset(a, '-', 3);
    memset(b, '-', 1);
    result("readv of 2 bytes", readv(fds[0], in, 4));
    show("a", a, 3);
    show("b", b, 1);

    result("count 0", writev(fds[1], out, 0));
    errno = 0;
    result("count -1", writev(fds[1], out, -1));
    errno = 0;
    result("count IOV_MAX + 1", writev(fds[1], out, IOV_MAX + 1));
    errno = 0;
    result("readv count -1", readv(fds[0], in, -1));
    struct iovec huge[] = {{hello, 5}, {world, SIZE_MAX}};
    errno = 0;
    result("past SSIZE_MAX", writev(fds[1], huge, 2));
    errno = 0;
    result("bad fd", writev(99, out, 4));

    static struct iovec many[IOV_MAX];
    for (int i = 0; i < IOV_MAX; i++)
        many[i] = (struct iovec){hello + i % 5, 1};
    result("IOV_MAX iovecs", writev(fds[1], many, IOV_MAX));
    char big[IOV_MAX + 1];
    n = read(fds[0], big, sizeof big);
    result("read them", n);
    show("first ten", big, 10);

    const char *path = "/tmp/uio_readv_writev.tmp";
    int fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
    struct iovec parts[] = {{"one ", 4}, {"two ", 4}, {"three", 5}};
    result("writev to a file", writev(fd, parts, 3));
    lseek(fd, 2, SEEK_SET);
    char p1[4], p2[10];
    struct iovec back[] = {{p1, 4}, {p2, 10}};
    result("readv from offset 2", readv(fd, back, 2));
    show("p1", p1, 4);
    show("p2", p2, 7);
    result("readv at the end", readv(fd, back, 2));
    close(fd);
    unlink(path);
    return 0;
}
