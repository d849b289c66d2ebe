// expected: host
// sys/ioctl.h: struct winsize and TIOCGWINSZ are there, and ioctl fails on what is not a
// terminal (ENOTTY: a pipe, /dev/null) or not open (EBADF), leaving the struct alone. A
// terminal's answers are in tests/kernel/tty/modes.c (tests/kernel/test_tty.py).
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

static void report(const char *what, int r, const struct winsize *ws) {
    printf("%s: %d %s; %d %d %d %d\n", what, r, r < 0 ? strerror(errno) : "ok", ws->ws_row,
           ws->ws_col, ws->ws_xpixel, ws->ws_ypixel);
}

int main(void) {
    struct winsize ws = {1, 2, 3, 4};
    int fds[2];
    printf("sizeof(struct winsize) = %d\n", (int)sizeof ws);
    pipe(fds);
    report("pipe", ioctl(fds[0], TIOCGWINSZ, &ws), &ws);
    report("closed", ioctl(99, TIOCGWINSZ, &ws), &ws);
    int null = open("/dev/null", O_RDWR);
    report("/dev/null", ioctl(null, TIOCGWINSZ, &ws), &ws);
    return 0;
}
