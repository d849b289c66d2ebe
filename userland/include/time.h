/*
 * time.h - time and date (C11 7.27, POSIX). ufos has no time zones: local time is UTC.
 * The machine's clock is deterministic (it counts instructions), so CLOCK_MONOTONIC and clock()
 * measure work done rather than wall time.
 */
#ifndef _TIME_H
#define _TIME_H

#include <sys/_types.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

#define CLOCKS_PER_SEC 1000000L
#define CLOCK_REALTIME 0
#define CLOCK_MONOTONIC 1
#define CLOCK_PROCESS_CPUTIME_ID 2
#define CLOCK_THREAD_CPUTIME_ID 3
#define CLOCK_MONOTONIC_RAW 4
#define CLOCK_REALTIME_COARSE 5
#define CLOCK_MONOTONIC_COARSE 6
#define CLOCK_BOOTTIME 7
#define TIMER_ABSTIME 1
#define TIME_UTC 1

struct tm {
    int tm_sec;         /* 0-60 */
    int tm_min;         /* 0-59 */
    int tm_hour;        /* 0-23 */
    int tm_mday;        /* 1-31 */
    int tm_mon;         /* 0-11 */
    int tm_year;        /* years since 1900 */
    int tm_wday;        /* 0-6, Sunday = 0 */
    int tm_yday;        /* 0-365 */
    int tm_isdst;       /* always 0 */
    long tm_gmtoff;     /* seconds east of UTC (TZ's fixed offset; 0 for gmtime) */
    const char *tm_zone;/* the zone's name: "UTC", or TZ's */
};

time_t time(time_t *tloc);
clock_t clock(void);
double difftime(time_t time1, time_t time0);
time_t mktime(struct tm *tm);
time_t timegm(struct tm *tm);
struct tm *gmtime(const time_t *timep);
struct tm *gmtime_r(const time_t *timep, struct tm *result);
struct tm *localtime(const time_t *timep);
struct tm *localtime_r(const time_t *timep, struct tm *result);
void tzset(void);                   /* read TZ: a fixed offset (time.c) */
extern char *tzname[2];
extern long timezone;               /* seconds west of UTC */
extern int daylight;                /* always 0: no daylight-saving rule is applied */
char *asctime(const struct tm *tm);
char *asctime_r(const struct tm *tm, char *buf);
char *ctime(const time_t *timep);
char *ctime_r(const time_t *timep, char *buf);
size_t strftime(char *s, size_t max, const char *format, const struct tm *tm);
/* POSIX: read s as format says (strftime's conversions, C locale) into tm's fields; the first
 * character not read, or NULL if s does not match. Fields the format does not mention are left. */
char *strptime(const char *s, const char *format, struct tm *tm);
int timespec_get(struct timespec *ts, int base);

int nanosleep(const struct timespec *req, struct timespec *rem);
int clock_gettime(clockid_t clockid, struct timespec *tp);
int clock_getres(clockid_t clockid, struct timespec *res);
int clock_nanosleep(clockid_t clockid, int flags, const struct timespec *req, struct timespec *rem);

#endif
