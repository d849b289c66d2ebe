// More of stdio.h for output: asprintf, vasprintf, dprintf, fwrite, fileno, ferror/clearerr,
// printf's %n.
// expected: host
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>

static char *format(const char *fmt, ...) {
    va_list ap;
    char *s = NULL;
    va_start(ap, fmt);
    int n = vasprintf(&s, fmt, ap);
    va_end(ap);
    return n < 0 ? NULL : s;
}

int main(void) {
    char *s = NULL;
    int n = asprintf(&s, "%s-%04d-%c", "asprintf", 42, 'z');
    printf("%d %s\n", n, s);
    free(s);
    s = format("%d + %d = %d", 2, 3, 5);
    printf("%s\n", s);
    free(s);
    printf("%d %d %d\n", fileno(stdin), fileno(stdout), fileno(stderr));
    size_t w = fwrite("fwrite bytes\n", 1, 13, stdout);
    printf("%zu\n", w);
    int words[3] = {0x64636261, 0x68676665, 0x0a6b6a69};    /* "abcdefghijk\n", little-endian */
    w = fwrite(words, sizeof words[0], 3, stdout);
    printf("%zu\n", w);
    printf("%d\n", ferror(stdout));
    clearerr(stdout);
    int pos1 = 0, pos2 = 0;
    printf("count%n these%n\n", &pos1, &pos2);
    printf("%d %d\n", pos1, pos2);
    fflush(stdout);
    n = dprintf(1, "dprintf %d\n", 7);
    printf("%d\n", n);
    return 0;
}
