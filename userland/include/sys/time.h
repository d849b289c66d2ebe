/* sys/time.h - gettimeofday, the alarm clock (setitimer, getitimer), and select through
 * <sys/select.h> (POSIX). */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/_types.h>

struct timeval {
    time_t tv_sec;
    suseconds_t tv_usec;
};

struct timezone {
    int tz_minuteswest;
    int tz_dsttime;
};

int gettimeofday(struct timeval *tv, void *tz);

/* The alarm clock: SIGALRM once it_value has passed (0: none), then every it_interval (0: once).
 * Only ITIMER_REAL (the kernel's clock) is kept; the CPU-time timers are EINVAL. alarm()
 * (unistd.h) is setitimer in whole seconds. */
#define ITIMER_REAL 0
#define ITIMER_VIRTUAL 1
#define ITIMER_PROF 2

struct itimerval {
    struct timeval it_interval;     /* the period after the first alarm */
    struct timeval it_value;        /* the time left until the next alarm */
};

int setitimer(int which, const struct itimerval *new_value, struct itimerval *old_value);
int getitimer(int which, struct itimerval *curr_value);

#include <sys/select.h>

#endif
