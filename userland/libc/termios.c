/*
 * termios.c - a terminal's mode and window size, through the terminal ioctls (unistd.h), and
 * ioctl itself (sys/ioctl.h).
 */
#include <errno.h>
#include <stdarg.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>
#include "libc.h"

int tcgetattr(int fd, struct termios *t)
{
    return (int)syscall3(SYS_ioctl, fd, TCGETS, t);
}

/* TCSANOW, TCSADRAIN and TCSAFLUSH are the requests TCSETS, TCSETSW and TCSETSF. */
int tcsetattr(int fd, int when, const struct termios *t)
{
    if (when < TCSANOW || when > TCSAFLUSH) {
        errno = EINVAL;
        return -1;
    }
    return (int)syscall3(SYS_ioctl, fd, TCSETS + when, t);
}

/* Raw mode: each byte as it is typed (a read waits for one), none echoed, none special. */
void cfmakeraw(struct termios *t)
{
    t->c_iflag &= ~(IGNBRK | BRKINT | PARMRK | ISTRIP | INLCR | IGNCR | ICRNL | IXON);
    t->c_oflag &= ~OPOST;
    t->c_lflag &= ~(ECHO | ECHONL | ICANON | ISIG | IEXTEN);
    t->c_cflag &= ~(CSIZE | PARENB);
    t->c_cflag |= CS8;
    t->c_cc[VMIN] = 1;
    t->c_cc[VTIME] = 0;
}

int tcgetwinsize(int fd, struct winsize *ws)
{
    return (int)syscall3(SYS_ioctl, fd, TIOCGWINSZ, ws);
}

/* Every request the kernel knows takes a pointer (sys/ioctl.h), so that is what is passed on. */
int ioctl(int fd, unsigned long request, ...)
{
    va_list ap;
    va_start(ap, request);
    void *arg = va_arg(ap, void *);
    va_end(ap);
    return (int)syscall3(SYS_ioctl, fd, request, arg);
}
