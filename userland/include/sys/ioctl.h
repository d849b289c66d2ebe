/*
 * sys/ioctl.h - ioctl, a device's own requests (Linux's numbers). Implemented in
 * userland/libc/termios.c.
 *
 *   int ioctl(int fd, unsigned long request, void *arg)    0 (or a result), or -1 and errno
 *
 * The kernel knows only a terminal's requests (ufos/kernel/tty.py): TCGETS, TCSETS, TCSETSW,
 * TCSETSF (struct termios), TIOCGPGRP, TIOCSPGRP (pid_t) and TIOCGWINSZ (struct winsize; a
 * terminal without a window says 24 rows, 80 columns). Their numbers are in unistd.h, where the
 * kernel reads them; struct winsize is in termios.h, where POSIX puts it. Every request takes a
 * pointer as its third argument, so ioctl always reads one. A descriptor that is not a terminal
 * gives ENOTTY; another request on a terminal, EINVAL.
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <termios.h>
#include <unistd.h>

int ioctl(int fd, unsigned long request, ...);

#endif
