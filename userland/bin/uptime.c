/*
 * uptime - how long the system has been running.
 *
 * Prints the time of day and the time since boot, as " 10:02:03 up 5 min" (or "up 2:05", or
 * "up 3 days, 2:05"). The time since boot is the monotonic clock (CLOCK_MONOTONIC), which on
 * ufos counts from boot in emulated time. ufos keeps no load averages or user logins, so
 * those parts of the usual output are left out.
 * Exit status: 0, or 1 if a clock could not be read.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
    struct timespec up;
    struct tm tm;
    time_t now = time(NULL);
    long minutes, days;

    (void)argv;
    if (argc > 1) {
        fprintf(stderr, "usage: uptime\n");
        return 1;
    }
    if (now == (time_t)-1 || clock_gettime(CLOCK_MONOTONIC, &up) < 0) {
        fprintf(stderr, "uptime: cannot read the clock: %s\n", strerror(errno));
        return 1;
    }
    gmtime_r(&now, &tm);
    printf(" %02d:%02d:%02d up ", tm.tm_hour, tm.tm_min, tm.tm_sec);
    minutes = (long)up.tv_sec / 60;
    days = minutes / (24 * 60);
    minutes %= 24 * 60;
    if (days > 0)
        printf("%ld day%s, ", days, days == 1 ? "" : "s");
    if (minutes < 60)
        printf("%ld min\n", minutes);
    else
        printf("%2ld:%02ld\n", minutes / 60, minutes % 60);
    return 0;
}
