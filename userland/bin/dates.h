/*
 * dates.h - the dates that date -d and touch -d take (GNU's take many more: these are the forms
 * students type), shared by date.c and touch.c:
 *     now                      the current time
 *     @SECONDS                 seconds since 1970-01-01 00:00:00 UTC (may be negative)
 *     YYYY-MM-DD               that day, at midnight
 *     YYYY-MM-DD HH:MM[:SS]    that time of the day ('T' may stand for the blank, as ISO 8601's)
 * ufos has no time zones: every date is UTC, as date prints it.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* "@SECONDS": the number after the '@', whole. */
static int parse_seconds(const char *s, time_t *t)
{
    char *end;
    long long n;

    errno = 0;
    n = strtoll(s, &end, 10);
    if (end == s || *end != '\0' || errno != 0)
        return -1;
    *t = (time_t)n;
    return 0;
}

/* Set *t to the time text s gives (one of the forms above); 0, or -1 if s is none of them. */
static int parse_date(const char *s, time_t *t)
{
    struct tm tm;
    const char *rest;

    if (strcmp(s, "now") == 0) {
        *t = time(NULL);
        return 0;
    }
    if (s[0] == '@')
        return parse_seconds(s + 1, t);
    memset(&tm, 0, sizeof tm);
    if ((rest = strptime(s, "%Y-%m-%d", &tm)) == NULL)
        return -1;
    if (*rest == ' ' || *rest == 'T') {
        if ((rest = strptime(rest + 1, "%H:%M", &tm)) == NULL)
            return -1;
        if (*rest == ':' && (rest = strptime(rest + 1, "%S", &tm)) == NULL)
            return -1;
    }
    if (*rest != '\0')
        return -1;
    *t = timegm(&tm);
    return 0;
}
