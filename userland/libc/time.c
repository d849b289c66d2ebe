/*
 * time.c - clocks, sleeping, the alarm clock, and calendar time (time.h, sys/time.h).
 *
 * Local time is UTC shifted by the fixed offset TZ gives, as POSIX writes it: TZ=EST5 (5 hours
 * west of UTC), TZ=CET-1, TZ=UTC+3, TZ=<+0530>-5:30 (a quoted name). A daylight-saving part
 * ("EST5EDT,M3.2.0,M11.1.0") is read past and not applied, and zone files (TZ=:Europe/Paris)
 * are not there: both count as their standard offset, or UTC. Unset or empty TZ is UTC.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>
#include "libc.h"

/* ---- clocks and sleeping -------------------------------------------------------------------- */

int clock_gettime(clockid_t clockid, struct timespec *tp)
{
    return (int)syscall2(SYS_clock_gettime, clockid, tp);
}

int clock_getres(clockid_t clockid, struct timespec *res)
{
    return (int)syscall2(SYS_clock_getres, clockid, res);
}

int nanosleep(const struct timespec *req, struct timespec *rem)
{
    return (int)syscall2(SYS_nanosleep, req, rem);
}

/* POSIX: the error is the result (errno is left alone). */
int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *req, struct timespec *rem)
{
    long r = __syscall(SYS_clock_nanosleep, (uintptr_t)clockid, (uintptr_t)flags, (uintptr_t)req,
                       (uintptr_t)rem, 0, 0);
    return r < 0 ? (int)-r : 0;
}

time_t time(time_t *tloc)
{
    struct timespec ts;
    time_t t = -1;

    if (clock_gettime(CLOCK_REALTIME, &ts) == 0)
        t = ts.tv_sec;
    if (tloc != NULL)
        *tloc = t;
    return t;
}

int gettimeofday(struct timeval *tv, void *tz)
{
    struct timespec ts;

    (void)tz;
    if (clock_gettime(CLOCK_REALTIME, &ts) < 0)
        return -1;
    tv->tv_sec = ts.tv_sec;
    tv->tv_usec = ts.tv_nsec / 1000;
    return 0;
}

int timespec_get(struct timespec *ts, int base)
{
    if (base != TIME_UTC || clock_gettime(CLOCK_REALTIME, ts) < 0)
        return 0;
    return base;
}

/* The processor time used, in CLOCKS_PER_SEC units (microseconds). */
clock_t clock(void)
{
    struct timespec ts;

    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts) < 0)
        return (clock_t)-1;
    return ts.tv_sec * 1000000L + ts.tv_nsec / 1000;
}

int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value)
{
    return (int)syscall3(SYS_setitimer, which, new_value, old_value);
}

int getitimer(int which, struct itimerval *curr_value)
{
    return (int)syscall2(SYS_getitimer, which, curr_value);
}

/* SIGALRM in seconds (0: cancel the alarm); the seconds the previous alarm had left, rounded to
 * the nearest but never 0 for an alarm still set (as glibc). */
unsigned int alarm(unsigned int seconds)
{
    struct itimerval new_value = {{0, 0}, {seconds, 0}}, old;

    if (setitimer(ITIMER_REAL, &new_value, &old) < 0)
        return 0;
    if (old.it_value.tv_usec >= 500000 || (old.it_value.tv_sec == 0 && old.it_value.tv_usec > 0))
        return (unsigned int)old.it_value.tv_sec + 1;
    return (unsigned int)old.it_value.tv_sec;
}

/* The seconds not slept, if a signal cut the sleep short. */
unsigned int sleep(unsigned int seconds)
{
    struct timespec req, rem;

    req.tv_sec = seconds;
    req.tv_nsec = 0;
    if (nanosleep(&req, &rem) < 0 && errno == EINTR)
        return (unsigned int)rem.tv_sec + (rem.tv_nsec > 0);
    return 0;
}

int usleep(useconds_t usec)
{
    struct timespec req;

    req.tv_sec = usec / 1000000;
    req.tv_nsec = (long)(usec % 1000000) * 1000;
    return nanosleep(&req, NULL);
}

double difftime(time_t time1, time_t time0)
{
    return (double)(time1 - time0);
}

/* ---- the calendar --------------------------------------------------------------------------- */

/* arrays of characters, not of pointers: no capabilities for fork to copy (see strerror.c) */
static const char day_names[][10] = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
};
static const char month_names[][10] = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
};

static int is_leap(long year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

/*
 * Days and dates in O(1), whatever the year: Howard Hinnant's days_from_civil and
 * civil_from_days ("chrono-Compatible Low-Level Date Algorithms"). The Gregorian calendar
 * repeats every 400 years (an era of 146097 days); counted from March 1st, the leap day is the
 * last day of a year, so the months March..February have lengths that a line gives:
 * the day of the year of month m (0 = March) is (153 * m + 2) / 5.
 */
#define DAYS_PER_ERA 146097L
#define EPOCH_SHIFT 719468L         /* days from 0000-03-01 to 1970-01-01 */
#define MARCH_TO_JANUARY 306        /* days from March 1st to the next January 1st */

/* Days since 1970-01-01 of year-month-01 (month 0..11). */
static long days_from_civil(long year, int month)
{
    long y = month < 2 ? year - 1 : year;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;                                   /* year of the era, 0..399 */
    long doy = (153L * (month < 2 ? month + 10 : month - 2) + 2) / 5;  /* from March 1st */
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;           /* day of the era */

    return era * DAYS_PER_ERA + doe - EPOCH_SHIFT;
}

/* The date of a day since 1970-01-01: its year, month (0..11), day of the month (0-based) and
 * day of the year (0-based). */
static void civil_from_days(long days, long *year, int *month, int *mday, int *yday)
{
    long z = days + EPOCH_SHIFT;
    long era = (z >= 0 ? z : z - DAYS_PER_ERA + 1) / DAYS_PER_ERA;
    long doe = z - era * DAYS_PER_ERA;                          /* 0..146096 */
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;  /* 0..399 */
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);         /* from March 1st, 0..365 */
    long mp = (5 * doy + 2) / 153;                              /* 0 = March .. 11 = February */

    *year = yoe + era * 400 + (mp >= 10);
    *month = (int)(mp < 10 ? mp + 2 : mp - 10);
    *mday = (int)(doy - (153 * mp + 2) / 5);
    *yday = (int)(mp >= 10 ? doy - MARCH_TO_JANUARY : doy + 59 + is_leap(*year));
}

/* Break t (seconds since 1970-01-01 00:00:00 UTC) into a date and time; NULL (EOVERFLOW) and
 * *tm untouched if the year does not fit tm_year, an int (t beyond about +-2^55 s). */
struct tm *gmtime_r(const time_t *timep, struct tm *tm)
{
    long t = *timep, days = t / 86400, secs = t % 86400, year;
    int month, mday, yday;

    if (secs < 0) {
        secs += 86400;
        days--;
    }
    civil_from_days(days, &year, &month, &mday, &yday);
    if (year - 1900 > INT_MAX || year - 1900 < INT_MIN) {
        errno = EOVERFLOW;
        return NULL;
    }
    tm->tm_hour = (int)(secs / 3600);
    tm->tm_min = (int)(secs / 60 % 60);
    tm->tm_sec = (int)(secs % 60);
    tm->tm_wday = (int)((4 + days % 7 + 7) % 7);   /* 1970-01-01 was a Thursday */
    tm->tm_mon = month;
    tm->tm_mday = mday + 1;
    tm->tm_yday = yday;
    tm->tm_year = (int)(year - 1900);
    tm->tm_isdst = 0;
    tm->tm_gmtoff = 0;
    tm->tm_zone = "GMT";                       /* as glibc names gmtime's zone */
    return tm;
}

struct tm *gmtime(const time_t *timep)
{
    static struct tm result;

    return gmtime_r(timep, &result);
}

/* ---- the time zone (TZ) ---------------------------------------------------------------- */

char *tzname[2] = {"UTC", "UTC"};
long timezone;                      /* seconds west of UTC */
int daylight;                       /* 0: no daylight-saving rule is applied */
static char zone_name[16] = "UTC";

/* TZ's offset "[+|-]hh[:mm[:ss]]" (positive: west of UTC) in seconds, moving *s past it; 0 and
 * *s unmoved if there is none. */
static long tz_offset(const char **s)
{
    const char *p = *s;
    long sign = 1, part[3] = {0, 0, 0};
    int i;

    if (*p == '+' || *p == '-')
        sign = *p++ == '-' ? -1 : 1;
    if (*p < '0' || *p > '9')
        return 0;
    for (i = 0; i < 3; i++) {
        while (*p >= '0' && *p <= '9')
            part[i] = part[i] * 10 + (*p++ - '0');
        if (*p != ':' || i == 2)
            break;
        p++;
    }
    *s = p;
    return sign * (part[0] * 3600 + part[1] * 60 + part[2]);
}

/* Read TZ: the zone's name (3 letters or more, or <quoted>) and its offset. */
void tzset(void)
{
    const char *tz = getenv("TZ"), *name, *end;
    size_t n;

    timezone = 0;
    strcpy(zone_name, "UTC");
    if (tz == NULL || *tz == '\0' || *tz == ':')
        goto done;
    if (*tz == '<') {
        name = tz + 1;
        end = strchr(name, '>');
        if (end == NULL)
            goto done;
        tz = end + 1;
    } else {
        name = end = tz;
        while ((*end >= 'A' && *end <= 'Z') || (*end >= 'a' && *end <= 'z'))
            end++;
        if (end - name < 3)
            goto done;
        tz = end;
    }
    n = (size_t)(end - name) < sizeof zone_name - 1 ? (size_t)(end - name) : sizeof zone_name - 1;
    if (*tz != '+' && *tz != '-' && (*tz < '0' || *tz > '9'))
        goto done;                  /* a name without an offset is not a POSIX zone */
    timezone = tz_offset(&tz);
    memcpy(zone_name, name, n);
    zone_name[n] = '\0';
done:
    tzname[0] = tzname[1] = zone_name;
    daylight = 0;
}

struct tm *localtime_r(const time_t *timep, struct tm *result)
{
    time_t t;

    tzset();
    t = *timep - timezone;
    if (gmtime_r(&t, result) == NULL)
        return NULL;
    result->tm_gmtoff = -timezone;
    result->tm_zone = tzname[0];
    return result;
}

struct tm *localtime(const time_t *timep)
{
    static struct tm result;

    return localtime_r(timep, &result);
}

/* The seconds from 1970-01-01 00:00:00 to the date and time in *tm, read as UTC; fields out of
 * range (a 13th month, a 32nd day) carry over. */
static time_t seconds_of(const struct tm *tm)
{
    long year = tm->tm_year + 1900L + tm->tm_mon / 12;
    int month = tm->tm_mon % 12;

    if (month < 0) {
        month += 12;
        year--;
    }
    return (days_from_civil(year, month) + tm->tm_mday - 1) * 86400L + tm->tm_hour * 3600L +
           tm->tm_min * 60L + tm->tm_sec;
}

/* The inverse of gmtime: *tm is rewritten in range; -1 (EOVERFLOW) if the carried-over year
 * does not fit tm_year (2147483647-12-31 23:59:60 is one second too many). */
time_t timegm(struct tm *tm)
{
    time_t t = seconds_of(tm);

    return gmtime_r(&t, tm) ? t : (time_t)-1;
}

/* The inverse of localtime: tm is local time; out-of-range fields carry over as for timegm. */
time_t mktime(struct tm *tm)
{
    time_t t;

    tzset();
    t = seconds_of(tm) + timezone;
    return localtime_r(&t, tm) ? t : (time_t)-1;
}

/* "Sun Sep 16 01:03:52 1973\n" */
char *asctime_r(const struct tm *tm, char *buf)
{
    snprintf(buf, 26, "%.3s %.3s%3d %.2d:%.2d:%.2d %d\n", day_names[tm->tm_wday % 7],
             month_names[tm->tm_mon % 12], tm->tm_mday, tm->tm_hour, tm->tm_min, tm->tm_sec,
             tm->tm_year + 1900);
    return buf;
}

char *asctime(const struct tm *tm)
{
    static char buf[32];

    return asctime_r(tm, buf);
}

/* asctime of localtime (C11 7.27.3.2), NULL if localtime fails. */
char *ctime_r(const time_t *timep, char *buf)
{
    struct tm tm;

    return localtime_r(timep, &tm) ? asctime_r(&tm, buf) : NULL;
}

char *ctime(const time_t *timep)
{
    struct tm tm;

    return localtime_r(timep, &tm) ? asctime(&tm) : NULL;
}

/* ---- strftime ------------------------------------------------------------------------------- */

struct text {
    char *s;
    size_t max, len;
};

static void add(struct text *t, const char *s)
{
    for (; *s != '\0'; s++) {
        if (t->len + 1 < t->max)
            t->s[t->len] = *s;
        t->len++;
    }
}

/* The first three letters of a day's or a month's name (%a, %b). */
static void add_abbreviation(struct text *t, const char *name)
{
    char abbreviation[4] = {name[0], name[1], name[2], '\0'};

    add(t, abbreviation);
}

/* v in decimal, at least width characters wide, padded on the left with pad (' ' or '0') as
 * printf's "%*ld" and "%0*ld" would, without printf's cost: strftime runs once per HTTP answer. */
static void add_number(struct text *t, long v, int width, char pad)
{
    char buf[24];
    int start = sizeof buf - 1;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;

    buf[start] = '\0';
    do {
        buf[--start] = (char)('0' + u % 10);
        u /= 10;
    } while (u != 0);
    while (pad == '0' && (int)sizeof buf - 1 - start < width - (v < 0))
        buf[--start] = '0';
    if (v < 0)
        buf[--start] = '-';
    while ((int)sizeof buf - 1 - start < width)
        buf[--start] = ' ';
    add(t, buf + start);
}

static void format_time(struct text *t, const char *f, const struct tm *tm);

static long floor_div(long a, long b)
{
    return a / b - (a % b != 0 && (a < 0) != (b < 0));
}

/* ISO 8601 weeks in a year: 53 if it ends on a Thursday (p, the weekday of Dec 31 with Sunday
 * 0, is 4) or the year before ends on a Wednesday (a leap year that starts on a Thursday). */
static int iso_weeks_in(long year)
{
    long p = (year + floor_div(year, 4) - floor_div(year, 100) + floor_div(year, 400)) % 7;
    long q = (year - 1 + floor_div(year - 1, 4) - floor_div(year - 1, 100) + floor_div(year - 1, 400)) % 7;
    return 52 + ((p + 7) % 7 == 4 || (q + 7) % 7 == 3);
}

/* The ISO 8601 week (1-53) of tm, and the week-based year it belongs to (%V, %G, %g): weeks
 * start on Monday and week 1 holds the year's first Thursday. */
static int iso_week(const struct tm *tm, long *year)
{
    int week = (tm->tm_yday - (tm->tm_wday + 6) % 7 + 10) / 7;
    *year = tm->tm_year + 1900L;
    if (week < 1) {
        *year -= 1;
        return iso_weeks_in(*year);
    }
    if (week > iso_weeks_in(*year)) {
        *year += 1;
        return 1;
    }
    return week;
}

static void conversion(struct text *t, char c, const struct tm *tm)
{
    char buf[8];
    int hour12 = tm->tm_hour % 12 == 0 ? 12 : tm->tm_hour % 12;
    time_t secs;
    long iso_year;

    switch (c) {
    case 'a': add_abbreviation(t, day_names[tm->tm_wday % 7]); break;
    case 'A': add(t, day_names[tm->tm_wday % 7]); break;
    case 'b':
    case 'h': add_abbreviation(t, month_names[tm->tm_mon % 12]); break;
    case 'B': add(t, month_names[tm->tm_mon % 12]); break;
    case 'c': format_time(t, "%a %b %e %H:%M:%S %Y", tm); break;
    case 'C': add_number(t, (tm->tm_year + 1900L) / 100, 2, '0'); break;
    case 'd': add_number(t, tm->tm_mday, 2, '0'); break;
    case 'D': format_time(t, "%m/%d/%y", tm); break;
    case 'e': add_number(t, tm->tm_mday, 2, ' '); break;
    case 'F': format_time(t, "%Y-%m-%d", tm); break;
    case 'g': iso_week(tm, &iso_year); add_number(t, (iso_year % 100 + 100) % 100, 2, '0'); break;
    case 'G': iso_week(tm, &iso_year); add_number(t, iso_year, 1, ' '); break;
    case 'H': add_number(t, tm->tm_hour, 2, '0'); break;
    case 'I': add_number(t, hour12, 2, '0'); break;
    case 'j': add_number(t, tm->tm_yday + 1, 3, '0'); break;
    case 'm': add_number(t, tm->tm_mon + 1, 2, '0'); break;
    case 'M': add_number(t, tm->tm_min, 2, '0'); break;
    case 'n': add(t, "\n"); break;
    case 'p': add(t, tm->tm_hour < 12 ? "AM" : "PM"); break;
    case 'r': format_time(t, "%I:%M:%S %p", tm); break;
    case 'R': format_time(t, "%H:%M", tm); break;
    case 's': {                 /* tm is local time, as mktime reads it (glibc, POSIX 2024) */
        struct tm copy = *tm;
        secs = mktime(&copy);
        add_number(t, secs, 1, ' ');
        break;
    }
    case 'S': add_number(t, tm->tm_sec, 2, '0'); break;
    case 't': add(t, "\t"); break;
    case 'T': format_time(t, "%H:%M:%S", tm); break;
    case 'u': add_number(t, tm->tm_wday == 0 ? 7 : tm->tm_wday, 1, ' '); break;
    case 'U': add_number(t, (tm->tm_yday + 7 - tm->tm_wday) / 7, 2, '0'); break;
    case 'V': add_number(t, iso_week(tm, &iso_year), 2, '0'); break;
    case 'w': add_number(t, tm->tm_wday, 1, ' '); break;
    case 'W': add_number(t, (tm->tm_yday + 7 - (tm->tm_wday + 6) % 7) / 7, 2, '0'); break;
    case 'x': format_time(t, "%m/%d/%y", tm); break;
    case 'X': format_time(t, "%H:%M:%S", tm); break;
    case 'y': add_number(t, (tm->tm_year + 1900L) % 100, 2, '0'); break;
    case 'Y': add_number(t, tm->tm_year + 1900L, 1, ' '); break;
    case 'z':                       /* +hhmm east of UTC */
        add(t, tm->tm_gmtoff < 0 ? "-" : "+");
        add_number(t, (tm->tm_gmtoff < 0 ? -tm->tm_gmtoff : tm->tm_gmtoff) / 3600 * 100
                      + (tm->tm_gmtoff < 0 ? -tm->tm_gmtoff : tm->tm_gmtoff) / 60 % 60, 4, '0');
        break;
    case 'Z': add(t, tm->tm_zone ? tm->tm_zone : "UTC"); break;
    case '%': add(t, "%"); break;
    default:
        buf[0] = '%';
        buf[1] = c;
        buf[2] = '\0';
        add(t, buf);
        break;
    }
}

static void format_time(struct text *t, const char *f, const struct tm *tm)
{
    char one[2];

    for (; *f != '\0'; f++) {
        if (*f == '%' && f[1] != '\0') {
            f++;
            if (*f == 'E' || *f == 'O')         /* locale modifiers: ignored */
                f++;
            conversion(t, *f, tm);
        } else {
            one[0] = *f;
            one[1] = '\0';
            add(t, one);
        }
    }
}

/* The length written (without the NUL), or 0 if it did not fit in max bytes. */
size_t strftime(char *s, size_t max, const char *format, const struct tm *tm)
{
    struct text t;

    t.s = s;
    t.max = max;
    t.len = 0;
    format_time(&t, format, tm);
    if (t.len >= max) {
        if (max > 0)
            s[0] = '\0';
        return 0;
    }
    s[t.len] = '\0';
    return t.len;
}

/* ---- strptime ------------------------------------------------------------------------------- */

/*
 * strptime reads what strftime writes, in the C locale, as glibc does: a space in the format
 * matches any run of white space (none too), other characters match themselves, and numbers
 * may follow white space. A number takes at most its conversion's digits, and stops early when
 * another digit would go past its maximum ("%d" reads "45" as 4). Names match whole or in their
 * three-letter abbreviation, in any case. Once the whole format is read, what the fields imply
 * is worked out: %p's PM with %I, %C with %y, the day of the week and of the year from a date
 * (or the month and day from %j), and the date from a week (%U, %W) and its day (%a, %w).
 */

/* What the conversions read so far say, for the fields worked out at the end. */
struct scan {
    int century;            /* %C, or -1 */
    int want_century;       /* %y was read (after any %Y): %C gives its century */
    int twelve_hour;        /* %I was read: %p decides */
    int pm;
    int date;               /* a date field was read: work out the days of the week and year */
    int week;               /* %U or %W, or -1 */
    int week_from_monday;   /* it was %W: weeks start on Monday */
    int have_wday, have_yday, have_mon, have_mday;
};

/* A number of at most digits digits in lo..hi, after any white space, in *value; the rest of s,
 * or NULL. */
static const char *scan_number(const char *s, int lo, int hi, int digits, int *value)
{
    int v = 0;

    while (isspace((unsigned char)*s))
        s++;
    if (*s < '0' || *s > '9')
        return NULL;
    do {
        v = v * 10 + (*s++ - '0');
    } while (--digits > 0 && v * 10 <= hi && *s >= '0' && *s <= '9');
    if (v < lo || v > hi)
        return NULL;
    *value = v;
    return s;
}

/* One of n names (or its first three letters), in any case: its index in *index; the rest of
 * s, or NULL. */
static const char *scan_name(const char *s, const char names[][10], int n, int *index)
{
    int i;

    for (i = 0; i < n; i++) {
        size_t len = strlen(names[i]);
        if (strncasecmp(s, names[i], len) == 0 || strncasecmp(s, names[i], len = 3) == 0) {
            *index = i;
            return s + len;
        }
    }
    return NULL;
}

static const char *scan_format(const char *s, const char *f, struct tm *tm, struct scan *st);

/* Conversion c, read from s into tm; the rest of s, or NULL. */
static const char *scan_conversion(const char *s, char c, struct tm *tm, struct scan *st)
{
    int v;

    switch (c) {
    case 'a':
    case 'A': s = scan_name(s, day_names, 7, &tm->tm_wday); st->have_wday = 1; break;
    case 'b':
    case 'B':
    case 'h': s = scan_name(s, month_names, 12, &tm->tm_mon); st->have_mon = st->date = 1; break;
    case 'c': s = scan_format(s, "%a %b %e %H:%M:%S %Y", tm, st); break;
    case 'C': s = scan_number(s, 0, 99, 2, &st->century); st->date = 1; break;
    case 'd':
    case 'e': s = scan_number(s, 1, 31, 2, &tm->tm_mday); st->have_mday = st->date = 1; break;
    case 'D':
    case 'x': s = scan_format(s, "%m/%d/%y", tm, st); break;
    case 'F': s = scan_format(s, "%Y-%m-%d", tm, st); break;
    case 'H': s = scan_number(s, 0, 23, 2, &tm->tm_hour); st->twelve_hour = 0; break;
    case 'I':
        s = scan_number(s, 1, 12, 2, &v);
        tm->tm_hour = v % 12;
        st->twelve_hour = 1;
        break;
    case 'j':
        s = scan_number(s, 1, 366, 3, &v);
        tm->tm_yday = v - 1;
        st->have_yday = 1;
        break;
    case 'm':
        s = scan_number(s, 1, 12, 2, &v);
        tm->tm_mon = v - 1;
        st->have_mon = st->date = 1;
        break;
    case 'M': s = scan_number(s, 0, 59, 2, &tm->tm_min); break;
    case 'n':
    case 't':
        while (isspace((unsigned char)*s))
            s++;
        break;
    case 'p':
        if (strncasecmp(s, "AM", 2) == 0 || strncasecmp(s, "PM", 2) == 0) {
            st->pm = (*s == 'P' || *s == 'p');
            s += 2;
        } else {
            s = NULL;
        }
        break;
    case 'r': s = scan_format(s, "%I:%M:%S %p", tm, st); break;
    case 'R': s = scan_format(s, "%H:%M", tm, st); break;
    case 'S': s = scan_number(s, 0, 61, 2, &tm->tm_sec); break;      /* 60, 61: leap seconds */
    case 'T':
    case 'X': s = scan_format(s, "%H:%M:%S", tm, st); break;
    case 'U':
    case 'W':
        s = scan_number(s, 0, 53, 2, &st->week);
        st->week_from_monday = c == 'W';
        break;
    case 'w': s = scan_number(s, 0, 6, 1, &tm->tm_wday); st->have_wday = 1; break;
    case 'y':
        s = scan_number(s, 0, 99, 2, &v);
        tm->tm_year = v >= 69 ? v : v + 100;        /* POSIX: 69-99 are 19xx, 00-68 20xx */
        st->want_century = st->date = 1;
        break;
    case 'Y':
        s = scan_number(s, 0, 9999, 4, &v);
        tm->tm_year = v - 1900;
        st->want_century = 0;
        st->date = 1;
        break;
    case '%': s = *s == '%' ? s + 1 : NULL; break;
    default: s = NULL; break;
    }
    return s;
}

static const char *scan_format(const char *s, const char *f, struct tm *tm, struct scan *st)
{
    while (*f != '\0' && s != NULL) {
        if (isspace((unsigned char)*f)) {
            while (isspace((unsigned char)*s))
                s++;
            f++;
        } else if (*f != '%') {
            s = *s == *f ? s + 1 : NULL;
            f++;
        } else {
            f++;
            while (*f == '-' || *f == '_' || *f == '0' || *f == '^' || *f == '#')
                f++;                            /* strftime's flags and widths: ignored */
            while (*f >= '0' && *f <= '9')
                f++;
            if (*f == 'E' || *f == 'O')         /* locale modifiers: ignored */
                f++;
            if (*f == '\0')
                return NULL;
            s = scan_conversion(s, *f++, tm, st);
        }
    }
    return s;
}

/* The weekday (Sunday 0) of day mday (1-based) of month (0..11) of year. */
static int weekday(long year, int month, int mday)
{
    long days = days_from_civil(year, month) + mday - 1;

    return (int)((days + 4) % 7 + 7) % 7;          /* 1970-01-01 was a Thursday */
}

/* The month and day of the month of tm's tm_yday, where the fields read do not give them. */
static void date_of_yday(struct tm *tm, const struct scan *st)
{
    long year;
    int month, mday, yday;

    civil_from_days(days_from_civil(tm->tm_year + 1900L, 0) + tm->tm_yday, &year, &month, &mday,
                    &yday);
    if (!st->have_mon)
        tm->tm_mon = month;
    if (!st->have_mday)
        tm->tm_mday = mday + 1;
}

/* The day of the year of week st->week's day tm_wday: week 1 starts on the year's first Sunday
 * (%U) or Monday (%W); the days before it are week 0. */
static void date_of_week(struct tm *tm, const struct scan *st)
{
    int first = st->week_from_monday;               /* the weekday that starts a week */
    int january_1st = weekday(tm->tm_year + 1900L, 0, 1);

    if (!st->have_yday)
        tm->tm_yday = (7 - (january_1st - first)) % 7 + (st->week - 1) * 7
                      + (tm->tm_wday - first + 7) % 7;
    if (!st->have_mday || !st->have_mon)
        date_of_yday(tm, st);
}

/* The fields the ones read imply, in glibc's order: the hour from %I and %p, the year from %C,
 * the days of the week and of the year from a date, the date from a day of the year or a week. */
static void finish_date(struct tm *tm, const struct scan *st)
{
    long year;

    if (st->twelve_hour && st->pm)
        tm->tm_hour += 12;
    if (st->century >= 0)
        tm->tm_year = (st->want_century ? tm->tm_year % 100 : 0) + (st->century - 19) * 100;
    year = tm->tm_year + 1900L;
    if (st->date && !st->have_wday) {   /* as glibc: %j alone (no year or month) is left alone */
        if (st->have_yday && !(st->have_mon && st->have_mday))
            date_of_yday(tm, st);
        if (tm->tm_mon >= 0 && tm->tm_mon <= 11)
            tm->tm_wday = weekday(year, tm->tm_mon, tm->tm_mday);
    }
    if (st->date && !st->have_yday && tm->tm_mon >= 0 && tm->tm_mon <= 11)
        tm->tm_yday = (int)(days_from_civil(year, tm->tm_mon) - days_from_civil(year, 0))
                      + tm->tm_mday - 1;
    if (st->week >= 0 && st->have_wday)
        date_of_week(tm, st);
}

char *strptime(const char *s, const char *format, struct tm *tm)
{
    struct scan st = {.century = -1, .week = -1};

    s = scan_format(s, format, tm, &st);
    if (s != NULL)
        finish_date(tm, &st);
    return (char *)s;
}
