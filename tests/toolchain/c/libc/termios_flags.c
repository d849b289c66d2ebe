// expected: host
// termios.h has all of POSIX's flags, with Linux's values (the raw mode of editors such as kilo
// clears INPCK and sets CS8), the speed functions (speed_t, B9600, cfsetospeed...), and tcdrain
// and tcflush, which answer ENOTTY for a descriptor that is not a terminal.
#define _DEFAULT_SOURCE             /* glibc: the flags beyond POSIX (CBAUD, IUTF8, PENDIN...) */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static void raw_mode(struct termios *raw) {
    raw->c_iflag &= ~(BRKINT | ICRNL | INPCK | ISTRIP | IXON);
    raw->c_oflag &= ~(OPOST);
    raw->c_cflag |= (CS8);
    raw->c_lflag &= ~(ECHO | ICANON | IEXTEN | ISIG);
    raw->c_cc[VMIN] = 0;
    raw->c_cc[VTIME] = 1;
}

int main(void) {
    printf("iflag %o %o %o %o %o %o\n", IGNPAR, INPCK, IXANY, IXOFF, IMAXBEL, IUTF8);
    printf("oflag %o %o %o %o %o %o\n", OCRNL, ONOCR, ONLRET, NLDLY, CRDLY, TABDLY);
    printf("cflag %o %o %o %o %o %o %o\n", CS5, CS7, CSTOPB, PARODD, HUPCL, CLOCAL, CBAUD);
    printf("lflag %o %o %o %o\n", NOFLSH, TOSTOP, ECHOPRT, PENDIN);
    printf("cc %d %d %d\n", VEOL, VEOL2, VSWTC);
    printf("speeds %o %o %o %o\n", B0, B9600, B38400, B115200);
    printf("queues %d %d %d\n", TCIFLUSH, TCOFLUSH, TCIOFLUSH);

    struct termios t;
    memset(&t, 0, sizeof t);
    t.c_iflag = ICRNL | IXON | INPCK | IGNPAR;
    t.c_oflag = OPOST | ONLCR;
    t.c_cflag = CREAD | CS7;
    t.c_lflag = ECHO | ICANON | ISIG | IEXTEN | ECHOE;
    raw_mode(&t);
    printf("raw %o %o %o %o %d %d\n", t.c_iflag, t.c_oflag, t.c_cflag, t.c_lflag, t.c_cc[VMIN], t.c_cc[VTIME]);

    int r = cfsetospeed(&t, B115200);
    printf("cfsetospeed %d %o, cflag keeps %o\n", r, cfgetospeed(&t), t.c_cflag & ~CBAUD);
    r = cfsetispeed(&t, B9600);
    printf("cfsetispeed %d %o\n", r, cfgetispeed(&t));
    errno = 0;
    r = cfsetospeed(&t, 12345);
    printf("bad speed %d %s\n", r, errno == EINVAL ? "EINVAL" : "?");

    int fds[2];
    if (pipe(fds) != 0)
        return 1;
    errno = 0;
    r = tcdrain(fds[1]);
    printf("tcdrain on a pipe %d %s\n", r, errno == ENOTTY ? "ENOTTY" : "?");
    errno = 0;
    r = tcflush(fds[0], TCIFLUSH);
    printf("tcflush on a pipe %d %s\n", r, errno == ENOTTY ? "ENOTTY" : "?");
    errno = 0;
    r = tcdrain(99);
    printf("tcdrain on a closed descriptor %d %s\n", r, errno == EBADF ? "EBADF" : "?");
    return 0;
}
