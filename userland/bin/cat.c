/*
 * cat - concatenate files to standard output.
 *
 *     cat [-AbeEnstTuv] [FILE...]
 *
 * Copies each FILE (or standard input, for no FILE or for "-") to standard output, in order.
 *     -n  number every output line ("%6d" and a tab before it, as GNU's cat)
 *     -b  number the lines that are not empty only (overrides -n)
 *     -s  squeeze: several empty lines in a row are shown as one
 *     -E  show a '$' at the end of each line
 *     -T  show a tab as "^I"
 *     -v  show the other unprintable bytes: ^X for a control character, ^? for DEL, and M- then
 *         the byte without its top bit for a byte of 128 or more (as GNU's cat)
 *     -A  -vET;  -e  -vE;  -t  -vT
 * The lines are counted across the FILEs, as if they were one file, as GNU's cat does.
 * -u (unbuffered) is accepted for POSIX and changes nothing: cat always copies with plain
 * read() and write() system calls on a small buffer, so its output is never held back.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int number, number_nonblank, squeeze, show_ends, show_tabs, show_nonprinting;

/* Where the decorated copy is: kept across FILEs, which make one stream of lines. */
static long line_number;
static int at_line_start = 1, empty_lines;      /* empty lines just shown, for -s */
static int pending_cr;          /* -E: a carriage return, shown as "^M" if a newline follows */

/* Write all n bytes (write() may write fewer than asked). */
static int write_all(int fd, const char *buf, ssize_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, buf, (size_t)n);
        if (w < 0)
            return -1;
        buf += w;
        n -= w;
    }
    return 0;
}

/* Append byte c to out as -v, -T shows it; returns the new end. */
static char *show_byte(char *out, unsigned char c)
{
    if (c == '\t' && show_tabs) {
        memcpy(out, "^I", 2);
        return out + 2;
    }
    if (!show_nonprinting || c == '\t') {
        *out = (char)c;
        return out + 1;
    }
    if (c >= 128) {
        memcpy(out, "M-", 2);
        out += 2;
        c -= 128;
    }
    if (c < 32 || c == 127) {
        out[0] = '^';
        out[1] = c == 127 ? '?' : (char)(c + 64);
        return out + 2;
    }
    *out = (char)c;
    return out + 1;
}

/* Decorate n bytes of input into out (big enough: 4 bytes each, plus a number per line). */
static char *decorate(const unsigned char *in, ssize_t n, char *out)
{
    ssize_t i;

    for (i = 0; i < n; i++) {
        unsigned char c = in[i];
        if (at_line_start) {
            int empty = c == '\n';
            if (empty && squeeze && empty_lines > 0)
                continue;
            empty_lines = empty ? empty_lines + 1 : 0;
            if (number && !(empty && number_nonblank))
                out += sprintf(out, "%6ld\t", ++line_number);
        }
        at_line_start = c == '\n';
        /* GNU's -E shows the carriage return of a "\r\n" line end, which a terminal hides */
        if (pending_cr) {
            if (c == '\n') {
                memcpy(out, "^M", 2);
                out += 2;
            } else {
                out = show_byte(out, '\r');
            }
            pending_cr = 0;
        }
        if (c == '\r' && show_ends) {
            pending_cr = 1;
        } else if (c == '\n') {
            if (show_ends)
                *out++ = '$';
            *out++ = '\n';
        } else {
            out = show_byte(out, c);
        }
    }
    return out;
}

/* Copy one open file descriptor to stdout, decorated if an option asks. Returns 0, or -1 with
   errno set. */
static int copy(int fd)
{
    static char shown[1024 * 32];   /* per byte at most a line number (20 digits, a tab) and 4 */
    unsigned char buf[1024];
    int plain = !(number || squeeze || show_ends || show_tabs || show_nonprinting);
    ssize_t n;

    while ((n = read(fd, buf, sizeof buf)) > 0) {
        if (plain ? write_all(STDOUT_FILENO, (char *)buf, n) < 0 :
            write_all(STDOUT_FILENO, shown, decorate(buf, n, shown) - shown) < 0)
            return -1;
    }
    if (pending_cr) {               /* the file's last byte */
        pending_cr = 0;
        if (write_all(STDOUT_FILENO, show_nonprinting ? "^M" : "\r", show_nonprinting ? 2 : 1) < 0)
            return -1;
    }
    return n < 0 ? -1 : 0;
}

int main(int argc, char **argv)
{
    int c, i, fd, status = 0;

    while ((c = getopt(argc, argv, "AbeEnstTuv")) != -1) {
        switch (c) {
        case 'A': show_nonprinting = show_ends = show_tabs = 1; break;
        case 'b': number = number_nonblank = 1; break;
        case 'e': show_nonprinting = show_ends = 1; break;
        case 'E': show_ends = 1; break;
        case 'n': number = 1; break;
        case 's': squeeze = 1; break;
        case 't': show_nonprinting = show_tabs = 1; break;
        case 'T': show_tabs = 1; break;
        case 'u': break;
        case 'v': show_nonprinting = 1; break;
        default:
            fprintf(stderr, "usage: cat [-AbeEnstTuv] [FILE...]\n");
            return 1;
        }
    }
    if (optind == argc && copy(STDIN_FILENO) < 0) {
        fprintf(stderr, "cat: -: %s\n", strerror(errno));
        return 1;
    }
    for (i = optind; i < argc; i++) {
        const char *name = argv[i];
        fd = strcmp(name, "-") == 0 ? STDIN_FILENO : open(name, O_RDONLY);
        if (fd < 0 || copy(fd) < 0) {
            fprintf(stderr, "cat: %s: %s\n", name, strerror(errno));
            status = 1;
        }
        if (fd > STDIN_FILENO)
            close(fd);
    }
    return status;
}
