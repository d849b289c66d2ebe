/*
 * rawexit - put the terminal in raw mode, read one key and end without restoring the mode
 * (tests/kernel/test_tty.py: `ufos run` gives the host terminal back as it was).
 */
#include <stdio.h>
#include <termios.h>
#include <unistd.h>

int main(void)
{
    struct termios t;
    struct winsize size;
    char key;

    tcgetwinsize(0, &size);
    printf("%d rows, %d columns\n", size.ws_row, size.ws_col);
    tcgetattr(0, &t);
    cfmakeraw(&t);
    tcsetattr(0, TCSAFLUSH, &t);
    printf("raw\n");
    fflush(stdout);
    if (read(0, &key, 1) == 1)
        printf("got %c\n", key);
    return 0;
}
