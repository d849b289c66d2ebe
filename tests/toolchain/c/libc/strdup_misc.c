// strdup (POSIX) and strerror (only that it returns a non-empty string).
// expected: host
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>

int main(void) {
    const char *orig = "duplicate me";
    char *d = strdup(orig);
    printf("%s %d %d\n", d, d != orig, strcmp(d, orig) == 0);
    d[0] = 'D';
    printf("%s %s\n", d, orig);
    free(d);
    char *e = strdup("");
    printf("[%s]\n", e);
    free(e);
    const char *msg = strerror(ERANGE);
    printf("%d\n", msg != NULL && strlen(msg) > 0);
    return 0;
}
