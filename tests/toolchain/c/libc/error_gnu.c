// expected: host
// GNU's error() and error_at_line() (error.h): stdout is flushed first, the message goes to
// stderr as "PROGRAM: message[: strerror]" (PROGRAM: argv[0], program_invocation_name), or
// "PROGRAM:FILE:LINE: message", once only for a place with error_one_per_line; the count of
// messages grows, and a non-zero status exits with it.
// status: 3
// stderr: error_gnu: plain message 7
// stderr: error_gnu: with errno: No such file or directory
// stderr: error_gnu:file.c:12: at a line
// stderr: error_gnu: fatal
#define _GNU_SOURCE                 /* program_invocation_name */
#include <errno.h>
#include <error.h>
#include <stdio.h>

int main(void) {
    printf("before the messages\n");
    error(0, 0, "plain message %d", 7);
    error(0, ENOENT, "with errno");
    error_one_per_line = 1;
    error_at_line(0, 0, "file.c", 12, "at a line");
    error_at_line(0, 0, "file.c", 12, "the same line again: not written");
    printf("count %u\n", error_message_count);
    printf("name %s\n", program_invocation_short_name);
    error(3, 0, "fatal");
    printf("not reached\n");
    return 0;
}
