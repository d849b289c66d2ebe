// write and read on file descriptors 0, 1 and 2 (after flushing stdio), and EBADF for a
// descriptor that is not open.
// stdin: raw input bytes
// stderr: to fd 2
// expected: host
#include <stdio.h>
#include <unistd.h>
#include <errno.h>
#include <string.h>

int main(void) {
    printf("stdio first\n");
    fflush(stdout);
    ssize_t n = write(1, "written with write\n", 19);
    printf("%zd\n", n);
    fflush(stdout);
    write(2, "to fd 2\n", 8);
    char buf[64];
    n = read(0, buf, 4);
    printf("%zd [%.4s]\n", n, buf);
    n = read(0, buf, sizeof buf);
    printf("%zd [%.*s]\n", n, (int)n, buf);
    n = read(0, buf, sizeof buf);
    printf("%zd\n", n);                         /* end of input */
    errno = 0;
    n = write(99, "x", 1);
    printf("%zd %d\n", n, errno == EBADF);
    return 0;
}
