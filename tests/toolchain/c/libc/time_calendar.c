// The clock-free parts of time.h: gmtime, gmtime_r, timegm, difftime, asctime and strftime on
// fixed times (UTC only; nothing here reads the clock or the time zone), and a sweep of days over
// 1,600 years on both sides of 1970 (leap centuries, negative times) summed into one checksum.
// expected: host
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <time.h>

int main(void) {
    time_t times[] = {0, 951782400, 1234567890, 1700000000, 4102444799, -1, -2208988800,
                      -62135596800, 253402300799, 951868800, 4107542400};
    char buf[64];
    for (int i = 0; i < 11; i++) {
        struct tm tm;
        gmtime_r(&times[i], &tm);
        printf("%ld: %04d-%02d-%02d %02d:%02d:%02d wday %d yday %d\n", (long)times[i], tm.tm_year + 1900,
               tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday);
        strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %a %b %j", &tm);
        printf("  %s\n", buf);
        strftime(buf, sizeof buf, "%e|%y|%I %p|%u %w|%U %W|%s|%A %B", &tm);
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
    unsigned long sum = 0;
    int round_trip_errors = 0;
    for (long day = -600000; day <= 600000; day += 97) {
        time_t when = day * 86400 + 45296;
        struct tm tm;
        gmtime_r(&when, &tm);
        sum = sum * 31 + (unsigned long)(tm.tm_year * 400 + tm.tm_yday) * 1000 + tm.tm_mon * 40 + tm.tm_mday +
              tm.tm_wday;
        round_trip_errors += timegm(&tm) != when;
    }
    printf("sweep %lu, %d round-trip errors\n", sum, round_trip_errors);
    return 0;
}
