// expected: host
/* strftime's ISO 8601 week-based conversions (%G %g %V) beside %U %W %j %u, across the year
 * ends where the ISO year differs from the calendar year (C11 7.27.3.5), 1969 to 2040. */
#define _DEFAULT_SOURCE         /* timegm */
#include <stdio.h>
#include <time.h>

int main(void)
{
    char buf[64];
    for (int year = 1969; year <= 2040; year++) {
        for (int day = -4; day <= 4; day++) {
            struct tm tm = {0};
            tm.tm_year = year - 1900;
            tm.tm_mday = 1 + day;          /* from Dec 27 of the year before to Jan 5 */
            tm.tm_hour = 12;
            time_t t = timegm(&tm);
            struct tm out;
            gmtime_r(&t, &out);
            strftime(buf, sizeof buf, "%F %a %G %g %V %U %W %j %u", &out);
            printf("%s\n", buf);
        }
    }
    return 0;
}
