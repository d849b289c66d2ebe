// The clock-free parts of time.h: gmtime, gmtime_r, timegm, difftime, asctime and strftime on
// fixed times (UTC only; nothing here reads the clock or the time zone).
// expected: host
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <time.h>

int main(void) {
    time_t times[] = {0, 951782400, 1234567890, 1700000000, 4102444799};
    char buf[64];
    for (int i = 0; i < 5; i++) {
        struct tm tm;
        gmtime_r(&times[i], &tm);
        printf("%ld: %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d\n", (long)times[i], tm.tm_year + 1900,
               tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday);
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %b %j", &tm);
        printf("  %s\n", buf);
        printf("  %ld\n", (long)timegm(&tm));
    }
    struct tm *p = gmtime(&times[2]);
    printf("%s", asctime(p));
    struct tm t = {0};
    t.tm_year = 124;
    t.tm_mon = 1;
    t.tm_mday = 29;
    t.tm_hour = 12;
    time_t leap = timegm(&t);
    printf("%ld %d\n", (long)leap, t.tm_wday);
    t.tm_mday = 31;                                  /* February 31st normalises to March 2nd */
    time_t norm = timegm(&t);
    printf("%ld %d %d\n", (long)norm, t.tm_mon, t.tm_mday);
    printf("%.1f\n", difftime(times[3], times[2]));
    size_t n = strftime(buf, 5, "%Y-%m-%d", p);      /* does not fit: 0 */
    printf("%zu\n", n);
    return 0;
}
