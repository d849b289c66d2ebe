/*
 * cat - concatenate files to standard output.
 *
 *     cat [-u] [FILE...]
 *
 * Copies each FILE (or standard input, for no FILE or for "-") to standard output, in order.
 * -u (unbuffered) is accepted for POSIX and changes nothing: cat always copies with plain
 * read() and write() system calls on a small buffer, so its output is never held back.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

/* Write all n bytes (write() may write fewer than asked). */
static int write_all(int fd, const char *buf, ssize_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, (size_t)n);
        if (w < 0)
            return -1;
        buf += w;
        n -= w;
    }
    return 0;
}

/* Copy one open file descriptor to stdout. Returns 0, or -1 with errno set. */
static int copy(int fd)
{
    char buf[4096];
    ssize_t n;

    while ((n = read(fd, buf, sizeof buf)) > 0)
        if (write_all(STDOUT_FILENO, buf, n) < 0)
            return -1;
    return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
    int c, i, fd, status = 0;

    while ((c = getopt(argc, argv, "u")) != -1) {
        if (c != 'u') {
            fprintf(stderr, "usage: cat [-u] [FILE...]\n");
            return 1;
        }
    }
    if (optind == argc && copy(STDIN_FILENO) < 0) {
        fprintf(stderr, "cat: -: %s\n", strerror(errno));
        return 1;
    }
    for (i = optind; i < argc; i++) {
        const char *name = argv[i];
        fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
        if (fd < 0 || copy(fd) < 0) {
            fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
            status = 1;
        }
        if (fd > STDIN_FILENO)
            close(fd);
    }
    return status;
}
