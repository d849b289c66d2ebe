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
#define VSTART 8                /* ^Q */
#define VSTOP 9                 /* ^S */
#define VSUSP 10                /* ^Z: SIGTSTP */
#define VREPRINT 12             /* ^R */
#define VDISCARD 13             /* ^O */
#define VWERASE 14              /* ^W: erase a word */
#define VLNEXT 15               /* ^V */

/* c_iflag */
#define IGNBRK 0000001
#define BRKINT 0000002
#define PARMRK 0000010
#define ISTRIP 0000040
#define INLCR 0000100
#define IGNCR 0000200
#define ICRNL 0000400           /* Enter (CR) reads as a newline */
#define IXON 0002000            /* ^S and ^Q stop and start the output */

/* c_oflag */
#define OPOST 0000001           /* process the output ... */
#define ONLCR 0000004           /* ... a newline is written as CR LF */

/* c_cflag */
#define CSIZE 0000060
#define CS8 0000060
#define CREAD 0000200
#define PARENB 0000400

/* c_lflag */
#define ISIG 0000001            /* ^C, ^\ and ^Z send signals */
#define ICANON 0000002          /* canonical mode: line editing */
#define ECHO 0000010            /* show the keys typed */
#define ECHOE 0000020
#define ECHOK 0000040
#define ECHONL 0000100
#define ECHOCTL 0001000
#define ECHOKE 0004000
#define IEXTEN 0100000

/* tcsetattr: when the new mode takes effect */
#define TCSANOW 0               /* at once */
#define TCSADRAIN 1             /* once the output is written */
#define TCSAFLUSH 2             /* once the output is written, discarding the input not read */

struct winsize {
    unsigned short ws_row;
    unsigned short ws_col;
    unsigned short ws_xpixel;
    unsigned short ws_ypixel;
};

int tcgetattr(int fd, struct termios *t);
int tcsetattr(int fd, int when, const struct termios *t);
void cfmakeraw(struct termios *t);       /* no line editing, no echo, no signals, no processing */
int tcgetwinsize(int fd, struct winsize *ws);    /* the window's rows and columns (POSIX 2024) */

#endif
