/*
 * yes - print a line over and over, for ever.
 *
 *     yes [STRING...]
 *
 * Prints the STRINGs separated by spaces (or "y" if there are none), followed by a newline,
 * again and again until it is killed, typically by SIGPIPE when the reader ("yes | head")
 * goes away, or until a write fails (status 1).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char buf[4096];
    size_t len = 0, fill, n;
    int i;

    /* Build the line once, then fill the buffer with as many copies as fit: one write() for
     * many lines. */
    if (argc < 2) {
        strcpy(buf, "y\n");
        len = 2;
    }
    for (i = 1; i < argc; i++) {
        n = strlen(argv[i]);
        if (len + n + 1 > sizeof buf / 2) {
            fprintf(stderr, "yes: line too long\n");
            return 1;
        }
        memcpy(buf + len, argv[i], n);
        len += n;
        buf[len++] = i + 1 < argc ? ' ' : '\n';
    }
    for (fill = len; fill + len <= sizeof buf; fill += len)
        memcpy(buf + fill, buf, len);
    for (;;)
        if (write(STDOUT_FILENO, buf, fill) < 0) {
            perror("yes: standard output");
            return 1;
        }
}
