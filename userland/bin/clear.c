/*
 * clear - clear the terminal screen.
 *
 * Writes the ANSI (VT100) sequences that move the cursor home (ESC [ H) and erase the screen
 * (ESC [ 2 J), and the scrollback too (ESC [ 3 J), as `clear` does for an xterm.
 */
#include <stdio.h>

int main(void)
{
    fputs("\033[H\033[2J\033[3J", stdout);
    return 0;
}
