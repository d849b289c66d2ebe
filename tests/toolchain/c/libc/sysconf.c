// expected: host
// sysconf: programs size buffers by the page size, spawn a worker per processor and convert
// times() ticks with it. Checked by property, as the numbers are the machine's.
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
    long page = sysconf(_SC_PAGESIZE);
    printf("page size: positive power of two %d, getpagesize agrees %d, _SC_PAGE_SIZE agrees %d\n",
           page > 0 && (page & (page - 1)) == 0, page == getpagesize(), sysconf(_SC_PAGE_SIZE) == page);
    long conf = sysconf(_SC_NPROCESSORS_CONF), online = sysconf(_SC_NPROCESSORS_ONLN);
    printf("processors: at least one online %d, no more online than configured %d\n",
           online >= 1, online <= conf);
    printf("clock ticks: %d\n", sysconf(_SC_CLK_TCK) > 0);
    printf("open files: at least POSIX's 20: %d\n", sysconf(_SC_OPEN_MAX) >= 20);
    printf("argument bytes: at least 4096: %d\n", sysconf(_SC_ARG_MAX) >= 4096);
    printf("line length: at least 2048: %d, LINE_MAX %d\n", sysconf(_SC_LINE_MAX) >= 2048, LINE_MAX >= 2048);
    errno = 0;
    long unknown = sysconf(-12345);
    printf("unknown name: %ld, EINVAL %d\n", unknown, errno == EINVAL);
    return 0;
}
