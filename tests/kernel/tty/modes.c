/*
 * modes - the terminal's mode as a program sees it: tcgetattr, tcsetattr, cfmakeraw, the
 * window size, and the errors of the terminal ioctls (tests/kernel/test_tty.py). Standard input is a
 * terminal; standard output is not.
 */
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <termios.h>
#include <unistd.h>

static void report(const char *what, int result)
{
    if (result < 0)
        printf("%s = -1 %s\n", what, strerror(errno));
    else
        printf("%s = %d\n", what, result);
}

static void show(const char *what, const struct termios *t)
{
    printf("%s: canonical %d echo %d signals %d icrnl %d opost %d vmin %d ^C %d ^D %d\n", what,
           (t->c_lflag & ICANON) != 0, (t->c_lflag & ECHO) != 0, (t->c_lflag & ISIG) != 0,
           (t->c_iflag & ICRNL) != 0, (t->c_oflag & OPOST) != 0, t->c_cc[VMIN], t->c_cc[VINTR],
           t->c_cc[VEOF]);
}

int main(void)
{
    struct termios saved, raw, now;
    struct winsize size;
    char small[8], key[4];
    int fds[2];

    printf("struct termios: %d bytes, c_cc at %d\n", (int)sizeof(struct termios),
           (int)offsetof(struct termios, c_cc));
    report("tcgetattr", tcgetattr(0, &saved));
    show("the default", &saved);
    raw = saved;
    cfmakeraw(&raw);
    report("tcsetattr raw", tcsetattr(0, TCSAFLUSH, &raw));
    tcgetattr(0, &now);
    show("read back", &now);
    printf("the same bytes: %d\n", memcmp(&now, &raw, sizeof raw) == 0);
    report("tcsetattr back", tcsetattr(0, TCSADRAIN, &saved));
    tcgetattr(0, &now);
    show("restored", &now);
    report("tcgetwinsize", tcgetwinsize(0, &size));
    printf("%d rows, %d columns\n", size.ws_row, size.ws_col);
    printf("isatty: 0 %d, 1 %d\n", isatty(0), isatty(1));

    pipe(fds);
    report("tcgetattr of a pipe", tcgetattr(fds[0], &now));
    report("tcgetattr into 8 bytes", tcgetattr(0, (struct termios *)small));
    report("tcsetattr from 8 bytes", tcsetattr(0, TCSANOW, (struct termios *)small));
    report("tcsetattr when 7", tcsetattr(0, 7, &saved));
    report("ioctl 0x5499", ioctl(0, 0x5499, &now));
    report("ioctl TIOCGWINSZ", ioctl(0, TIOCGWINSZ, &size));
    printf("%d rows, %d columns\n", size.ws_row, size.ws_col);

    if (fork() == 0) {                          /* the child leaves raw mode behind */
        tcsetattr(0, TCSANOW, &raw);
        _exit(0);
    }
    wait(NULL);
    tcgetattr(0, &now);
    show("after a child left it raw", &now);
    printf("read: %d\n", (int)read(0, key, sizeof key));
    return 0;
}
