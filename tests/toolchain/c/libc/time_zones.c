// expected: host
/* TZ with fixed offsets (POSIX's std offset form): localtime, mktime and strftime's %z and %Z
 * agree with the host's glibc; mktime normalises fields out of range. */
#define _DEFAULT_SOURCE             /* glibc: tm_gmtoff, timezone, setenv under -std=c11 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static void show(const char *tz, time_t t)
{
    char buf[64];
    struct tm tm;

    setenv("TZ", tz, 1);
    tzset();
    localtime_r(&t, &tm);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %z %Z", &tm);
    printf("%-14s %s gmtoff=%ld timezone=%ld", tz, buf, tm.tm_gmtoff, timezone);
    printf(" mktime=%s\n", mktime(&tm) == t ? "same" : "differs");
}

int main(void)
{
    const char *zones[] = {"UTC0", "EST5", "CET-1", "UTC+3", "JST-9", "<+0530>-5:30", "<-03>3",
                           "NPT-5:45", "XYZ+11:30:15", "GMT0"};
    time_t moments[] = {0, 86399, 951782400, 1700000000, -86400 * 365};
    for (unsigned i = 0; i < sizeof zones / sizeof zones[0]; i++)
        for (unsigned j = 0; j < sizeof moments / sizeof moments[0]; j++)
            show(zones[i], moments[j]);

    /* mktime carries over: the 32nd of December 2023, 25:61:61 local time */
    setenv("TZ", "EST5", 1);
    tzset();
    struct tm tm = {.tm_year = 123, .tm_mon = 11, .tm_mday = 32, .tm_hour = 25, .tm_min = 61, .tm_sec = 61};
    time_t t = mktime(&tm);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %z", &tm);
    printf("carried: %ld %s wday=%d yday=%d\n", (long)t, buf, tm.tm_wday, tm.tm_yday);
    struct tm month = {.tm_year = 100, .tm_mon = -1, .tm_mday = 0};
    t = mktime(&month);
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S", &month);
    printf("backwards: %ld %s\n", (long)t, buf);
    return 0;
}
