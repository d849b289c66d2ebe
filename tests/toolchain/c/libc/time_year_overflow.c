// expected: host
/* gmtime, localtime and ctime of a time whose year does not fit struct tm's int tm_year return
   NULL (POSIX adds errno EOVERFLOW, which glibc's gmtime does not always set); mktime and timegm of a date whose
   carried-over year does not fit return -1 with EOVERFLOW, while the last second that fits
   still converts. (And ctime is asctime of localtime, not of gmtime.) Lua's os.date and os.time rely on this to report "cannot be represented". */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static struct tm last_second(int sec)
{
    struct tm tm = {0};

    tm.tm_year = INT_MAX;           /* the year 2147485547 */
    tm.tm_mon = 11;
    tm.tm_mday = 31;
    tm.tm_hour = 23;
    tm.tm_min = 59;
    tm.tm_sec = sec;
    return tm;
}

int main(void)
{
    time_t huge = (time_t)1 << 60, fits = (time_t)1 << 40, billion = 1000000000, t;
    struct tm tm, *r;

    setenv("TZ", "UTC0", 1);
    printf("gmtime_r(2^60): %s\n", gmtime_r(&huge, &tm) ? "a date" : "NULL");
    printf("gmtime(2^60): %s\n", gmtime(&huge) ? "a date" : "NULL");
    printf("localtime(2^60): %s\n", localtime(&huge) ? "a date" : "NULL");
    printf("ctime(2^60): %s\n", ctime(&huge) ? "a string" : "NULL");
    r = gmtime(&fits);
    printf("gmtime(2^40): year %d, yday %d, %02d:%02d:%02d\n", r->tm_year + 1900, r->tm_yday,
           r->tm_hour, r->tm_min, r->tm_sec);
    printf("ctime(10^9): %s", ctime(&billion));
    setenv("TZ", "EST5", 1);
    tzset();
    printf("ctime(10^9) in EST5, which is local time: %s", ctime(&billion));
    setenv("TZ", "UTC0", 1);
    tzset();

    tm = last_second(59);
    t = mktime(&tm);
    printf("mktime(last second): %lld, tm_year %d, wday %d\n", (long long)t, tm.tm_year,
           tm.tm_wday);
    tm = last_second(60);
    errno = 0;
    t = mktime(&tm);
    printf("mktime(one second more): %lld, errno EOVERFLOW: %d\n", (long long)t,
           errno == EOVERFLOW);
    tm = last_second(60);
    errno = 0;
    t = timegm(&tm);
    printf("timegm(one second more): %lld, errno EOVERFLOW: %d\n", (long long)t,
           errno == EOVERFLOW);
    return 0;
}
