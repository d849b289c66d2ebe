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

/* A terminal has one speed, Linux's place for it: the CBAUD bits of c_cflag. */
speed_t cfgetospeed(const struct termios *t)
{
    return t->c_cflag & CBAUD;
}

speed_t cfgetispeed(const struct termios *t)
{
    return cfgetospeed(t);
}

int cfsetospeed(struct termios *t, speed_t speed)
{
    if (speed & ~(speed_t)CBAUD) {
        errno = EINVAL;
        return -1;
    }
    t->c_cflag = (t->c_cflag & ~(tcflag_t)CBAUD) | speed;
    return 0;
}

/* POSIX: an input speed of 0 means "the output speed", which the one speed already is. */
int cfsetispeed(struct termios *t, speed_t speed)
{
    return speed == B0 ? 0 : cfsetospeed(t, speed);
}

int cfsetspeed(struct termios *t, speed_t speed)
{
    return cfsetospeed(t, speed);
}

/* A write to a ufos terminal has reached it when write returns: nothing is left to wait for,
 * once fd is known to be a terminal (ENOTTY if not, EBADF if not open). */
int tcdrain(int fd)
{
    struct termios t;
    return tcgetattr(fd, &t);
}

/* Output is never queued (see tcdrain); input not read yet is discarded by setting the mode the
 * terminal already has with TCSETSF, the request that discards it. */
int tcflush(int fd, int queue)
{
    struct termios t;

    if (queue < TCIFLUSH || queue > TCIOFLUSH) {
        errno = EINVAL;
        return -1;
    }
    if (tcgetattr(fd, &t) == -1)
        return -1;
    return queue == TCOFLUSH ? 0 : (int)syscall3(SYS_ioctl, fd, TCSETSF, &t);
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
