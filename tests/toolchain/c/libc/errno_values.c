// errno: zero at startup, set by failing library calls (ERANGE from strtol and strtod overflow), left
// alone by successful ones; EDOM, ERANGE and EINVAL are distinct positive macros.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <math.h>

int main(void) {
    printf("%d\n", errno);
    errno = 0;
    long v = strtol("999999999999999999999", NULL, 10);
    printf("%d %d\n", errno == ERANGE, v == 9223372036854775807L);
    errno = 0;
    v = strtol("123", NULL, 10);
    printf("%d %ld\n", errno, v);
    errno = 0;
    double d = strtod("-1e999", NULL);
    printf("%d %d\n", errno == ERANGE, d == -HUGE_VAL);
    errno = 12345;
    strtol("7", NULL, 10);
    printf("%d\n", errno);                     /* untouched by a success */
    printf("%d %d %d\n", EDOM > 0, ERANGE > 0, EDOM != ERANGE);
    printf("%d\n", EINVAL != EDOM && EINVAL != ERANGE && EINVAL > 0);
    errno = 0;
    return 0;
}
