/*
 * tee - copy standard input to standard output and to files.
 *
 *     tee [-a] [FILE...]
 *
 * Everything read from standard input is written to standard output and to each FILE, which
 * is created, or emptied first (with -a: appended to). A FILE that cannot be opened is
 * reported and skipped; the others still get the data.
 * Exit status: 0, or 1 if a file could not be opened or written.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Write all n bytes; 0 or -1. */
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

int main(int argc, char **argv)
{
    int c, i, nfds, flags = O_WRONLY | O_CREAT | O_TRUNC, status = 0;
    int *fds;
    char **names;
    char buf[4096];
    ssize_t n;

    while ((c = getopt(argc, argv, "a")) != -1) {
        if (c != 'a') {
            fprintf(stderr, "usage: tee [-a] [FILE...]\n");
            return 1;
        }
        flags = O_WRONLY | O_CREAT | O_APPEND;
    }
    /* fds[0] is standard output; the files follow */
    fds = malloc((size_t)(argc - optind + 1) * sizeof *fds);
    names = malloc((size_t)(argc - optind + 1) * sizeof *names);
    if (fds == NULL || names == NULL)
        return 1;
    fds[0] = STDOUT_FILENO;
    names[0] = "standard output";
    nfds = 1;
    for (i = optind; i < argc; i++) {
        int fd = open(argv[i], flags, 0666);
        if (fd < 0) {
            fprintf(stderr, "tee: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        names[nfds] = argv[i];
        fds[nfds++] = fd;
    }
    while ((n = read(STDIN_FILENO, buf, sizeof buf)) > 0) {
        for (i = 0; i < nfds; i++) {
            if (fds[i] >= 0 && write_all(fds[i], buf, n) < 0) {
                fprintf(stderr, "tee: %s: %s\n", names[i], strerror(errno));
                fds[i] = -1;            /* stop writing there, but go on with the others */
                status = 1;
            }
        }
    }
    if (n < 0) {
        fprintf(stderr, "tee: read error: %s\n", strerror(errno));
        status = 1;
    }
    for (i = 1; i < nfds; i++)
        if (fds[i] >= 0 && close(fds[i]) < 0) {
            fprintf(stderr, "tee: %s: %s\n", names[i], strerror(errno));
            status = 1;
        }
    return status;
}
