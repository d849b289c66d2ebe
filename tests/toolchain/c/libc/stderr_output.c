// fprintf(stderr), fputs(stderr), fputc(stderr) and perror go to stderr; stdout is separate.
// stderr: error number 7
// stderr: plain message
// stderr: Z
// stderr: context:
// expected: host
#include <stdio.h>
#include <errno.h>

int main(void) {
    printf("to stdout 1\n");
    fprintf(stderr, "error number %d\n", 7);
    fputs("plain message\n", stderr);
    fputc('Z', stderr);
    fputc('\n', stderr);
    errno = EDOM;
    perror("context");
    printf("to stdout 2\n");
    return 0;
}
