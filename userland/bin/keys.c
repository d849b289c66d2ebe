/*
 * keys - press keys, see their bytes: what a program reads from a terminal in raw mode.
 *
 *     keys
 *
 * A terminal is normally in canonical mode: it edits a line and a read gets the line once Enter
 * is pressed. keys puts it in raw mode (cfmakeraw, termios.h), where each read returns the bytes
 * of a key as soon as it is pressed, and prints them in hex and as a C string:
 *
 *     61                "a"
 *     0d                "\r"           Enter: ICRNL is off, so it stays a carriage return
 *     03                "\003"         Ctrl-C: ISIG is off, so it is a byte, not SIGINT
 *     1b 5b 41          "\033[A"       the up arrow: an escape sequence
 *
 * Raw mode also turns off output processing (OPOST), so keys ends its lines with "\r\n" itself.
 * q quits, and keys puts the terminal back in the mode it found it in.
 */
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

/* One byte as it would be written in a C string literal. */
static void print_escaped(unsigned char c)
{
    if (c == '\r')
        fputs("\\r", stdout);
    else if (c == '\n')
        fputs("\\n", stdout);
    else if (c == '\t')
        fputs("\\t", stdout);
    else if (c == '\\' || c == '"')
        printf("\\%c", c);
    else if (c >= 0x20 && c < 0x7f)
        putchar(c);
    else
        printf("\\%03o", c);
}

static void print_key(const unsigned char *bytes, int n)
{
    int i;

    for (i = 0; i < n; i++)
        printf("%02x ", bytes[i]);
    printf("%*s\"", 3 * (6 - n), "");
    for (i = 0; i < n; i++)
        print_escaped(bytes[i]);
    printf("\"\r\n");
}

int main(void)
{
    struct termios saved, raw;
    struct winsize size;
    unsigned char key[16];
    ssize_t n;

    if (tcgetattr(STDIN_FILENO, &saved) < 0 || tcgetwinsize(STDIN_FILENO, &size) < 0) {
        perror("keys: standard input");
        return 1;
    }
    raw = saved;
    cfmakeraw(&raw);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &raw);
    printf("keys: a terminal of %d rows and %d columns, in raw mode. "
           "Press keys to see their bytes; q quits.\r\n", size.ws_row, size.ws_col);
    while ((n = read(STDIN_FILENO, key, sizeof key)) > 0 && !(n == 1 && key[0] == 'q'))
        print_key(key, (int)n);
    tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    return 0;
}
