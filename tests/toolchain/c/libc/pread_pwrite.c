// expected: host
/* pread and pwrite: a read or write at an offset that leaves the file's own offset where it was;
   a write past the end leaves zeros before it; ESPIPE on a pipe, EINVAL for a negative offset. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(void)
{
    char buf[32];
    FILE *tmp = tmpfile();
    int fd = fileno(tmp), pipefd[2];
    ssize_t n;

    write(fd, "hello world", 11);
    printf("offset after write: %ld\n", (long)lseek(fd, 0, SEEK_CUR));
    n = pread(fd, buf, 5, 6);
    printf("pread at 6: %zd '%.*s', offset still %ld\n", n, (int)n, buf, (long)lseek(fd, 0, SEEK_CUR));
    n = pwrite(fd, "W", 1, 6);
    printf("pwrite at 6: %zd, offset still %ld\n", n, (long)lseek(fd, 0, SEEK_CUR));
    n = pread(fd, buf, sizeof buf, 0);
    printf("whole file: %zd '%.*s'\n", n, (int)n, buf);
    printf("pread past the end: %zd\n", pread(fd, buf, 4, 100));
    printf("pwrite at 14: %zd\n", pwrite(fd, "!", 1, 14));
    n = pread(fd, buf, sizeof buf, 9);
    printf("bytes from 9:");
    for (ssize_t i = 0; i < n; i++)
        printf(" %d", buf[i]);
    printf("\n");
    printf("read at the offset: %zd\n", read(fd, buf, 3));
    n = pread(fd, buf, 1, -1);
    printf("negative offset: %zd %s\n", n, errno == EINVAL ? "EINVAL" : "?");
    pipe(pipefd);
    n = pwrite(pipefd[1], "x", 1, 0);
    printf("pipe: %zd %s\n", n, errno == ESPIPE ? "ESPIPE" : "?");
    n = pread(99, buf, 1, 0);
    printf("bad fd: %zd %s\n", n, errno == EBADF ? "EBADF" : "?");
    fclose(tmp);
    return 0;
}
