// expected: host
/* strftime's %s reads the broken-down time as local time, as mktime does (glibc, and POSIX
   2024): in any TZ, %s of localtime(t) is t again. */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void)
{
    const char *zones[] = {"UTC0", "EST5", "JST-9", "<+0530>-5:30"};
    time_t t = 1000000000;
    char buf[64];

    for (int i = 0; i < 4; i++) {
        setenv("TZ", zones[i], 1);
        tzset();
        strftime(buf, sizeof buf, "%s %H:%M", localtime(&t));
        printf("%-14s %s\n", zones[i], buf);
    }
    return 0;
}
