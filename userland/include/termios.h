/*
 * termios.h - a terminal's mode: canonical (the terminal edits a line, a read gets it whole) or
 * raw (a read gets the keys as they are pressed).
 *
 * struct termios has Linux's layout (asm-generic/termbits.h): the kernel reads and writes it whole
 * through the TCGETS and TCSETS ioctls (unistd.h), and reads the values below from this file.
 * A program that changes the mode restores it before it exits:
 *
 *     struct termios saved, raw;
 *     tcgetattr(0, &saved);
 *     raw = saved;
 *     cfmakeraw(&raw);
 *     tcsetattr(0, TCSAFLUSH, &raw);
 *     ...                                  read(0, ...) returns each key as it comes
 *     tcsetattr(0, TCSAFLUSH, &saved);
 */
#ifndef _TERMIOS_H
#define _TERMIOS_H

#include <unistd.h>

typedef unsigned int tcflag_t;
typedef unsigned char cc_t;
typedef unsigned int speed_t;

#define NCCS 19

struct termios {
    tcflag_t c_iflag;           /* input: what happens to the bytes typed */
    tcflag_t c_oflag;           /* output: what happens to the bytes written */
    tcflag_t c_cflag;           /* control: the (serial) line */
    tcflag_t c_lflag;           /* local: the line discipline */
    cc_t c_line;
    cc_t c_cc[NCCS];            /* special keys, and VMIN/VTIME of a raw read */
};

/* c_cc: which key does what (canonical mode), and when a raw read returns */
#define VINTR 0                 /* ^C: SIGINT */
#define VQUIT 1                 /* ^\: SIGQUIT */
#define VERASE 2                /* DEL: erase a character */
#define VKILL 3                 /* ^U: erase the line */
#define VEOF 4                  /* ^D: end of file */
#define VTIME 5                 /* raw: tenths of a second to wait (ufos ignores it) */
#define VMIN 6                  /* raw: a read returns once this many bytes are there */
#define VSWTC 7
#define VSTART 8                /* ^Q */
#define VSTOP 9                 /* ^S */
#define VSUSP 10                /* ^Z: SIGTSTP */
#define VEOL 11                 /* another key that ends a line */
#define VREPRINT 12             /* ^R */
#define VDISCARD 13             /* ^O */
#define VWERASE 14              /* ^W: erase a word */
#define VLNEXT 15               /* ^V */
#define VEOL2 16

/*
 * The flags below are all of POSIX's and Linux's, with Linux's values, so that programs written
 * for a real terminal (an editor's raw mode clears INPCK, a serial tool sets CLOCAL) compile; the
 * ufos terminal acts on those ufos/kernel/tty.py reads (ICANON, ECHO, ISIG, ICRNL, VMIN...) and
 * keeps the others as they were set, as a terminal with no serial line behind it does with
 * parity, stop bits, speeds and delays.
 */

/* c_iflag */
#define IGNBRK 0000001
#define BRKINT 0000002
#define IGNPAR 0000004
#define PARMRK 0000010
#define INPCK 0000020
#define ISTRIP 0000040
#define INLCR 0000100
#define IGNCR 0000200
#define ICRNL 0000400           /* Enter (CR) reads as a newline */
#define IUCLC 0001000
#define IXON 0002000            /* ^S and ^Q stop and start the output */
#define IXANY 0004000
#define IXOFF 0010000
#define IMAXBEL 0020000
#define IUTF8 0040000

/* c_oflag */
#define OPOST 0000001           /* process the output ... */
#define OLCUC 0000002
#define ONLCR 0000004           /* ... a newline is written as CR LF */
#define OCRNL 0000010
#define ONOCR 0000020
#define ONLRET 0000040
#define OFILL 0000100
#define OFDEL 0000200
#define NLDLY 0000400           /* the delays after a character, each a field of values */
#define NL0 0000000
#define NL1 0000400
#define CRDLY 0003000
#define CR0 0000000
#define CR1 0001000
#define CR2 0002000
#define CR3 0003000
#define TABDLY 0014000
#define TAB0 0000000
#define TAB1 0004000
#define TAB2 0010000
#define TAB3 0014000
#define BSDLY 0020000
#define BS0 0000000
#define BS1 0020000
#define VTDLY 0040000
#define VT0 0000000
#define VT1 0040000
#define FFDLY 0100000
#define FF0 0000000
#define FF1 0100000

/* c_cflag */
#define CBAUD 0010017           /* the line's speed: one of the B constants below */
#define CSIZE 0000060
#define CS5 0000000
#define CS6 0000020
#define CS7 0000040
#define CS8 0000060
#define CSTOPB 0000100
#define CREAD 0000200
#define PARENB 0000400
#define PARODD 0001000
#define HUPCL 0002000
#define CLOCAL 0004000

/* speed_t: the line's speed in bits per second (B0 hangs up) */
#define B0 0000000
#define B50 0000001
#define B75 0000002
#define B110 0000003
#define B134 0000004
#define B150 0000005
#define B200 0000006
#define B300 0000007
#define B600 0000010
#define B1200 0000011
#define B1800 0000012
#define B2400 0000013
#define B4800 0000014
#define B9600 0000015
#define B19200 0000016
#define B38400 0000017
#define B57600 0010001
#define B115200 0010002
#define B230400 0010003

/* c_lflag */
#define ISIG 0000001            /* ^C, ^\ and ^Z send signals */
#define ICANON 0000002          /* canonical mode: line editing */
#define ECHO 0000010            /* show the keys typed */
#define ECHOE 0000020
#define ECHOK 0000040
#define ECHONL 0000100
#define NOFLSH 0000200
#define TOSTOP 0000400
#define ECHOCTL 0001000
#define ECHOPRT 0002000
#define ECHOKE 0004000
#define FLUSHO 0010000
#define PENDIN 0040000
#define IEXTEN 0100000

/* tcsetattr: when the new mode takes effect */
#define TCSANOW 0               /* at once */
#define TCSADRAIN 1             /* once the output is written */
#define TCSAFLUSH 2             /* once the output is written, discarding the input not read */

/* tcflush: what to discard */
#define TCIFLUSH 0              /* the input not read yet */
#define TCOFLUSH 1              /* the output not written yet */
#define TCIOFLUSH 2             /* both */

struct winsize {
    unsigned short ws_row;
    unsigned short ws_col;
    unsigned short ws_xpixel;
    unsigned short ws_ypixel;
};

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
void cfmakeraw(struct termios *t);       /* no line editing, no echo, no signals, no processing */
speed_t cfgetospeed(const struct termios *t);
speed_t cfgetispeed(const struct termios *t);
int cfsetospeed(struct termios *t, speed_t speed);
int cfsetispeed(struct termios *t, speed_t speed);
int cfsetspeed(struct termios *t, speed_t speed);   /* both (BSD, glibc) */
int tcdrain(int fd);                     /* wait until the output is written */
int tcflush(int fd, int queue);          /* discard input not read, or output not written */
int tcgetwinsize(int fd, struct winsize *ws);    /* the window's rows and columns (POSIX 2024) */

#endif
