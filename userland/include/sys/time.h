/* sys/time.h - gettimeofday, and select through <sys/select.h> (POSIX). */
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

#include <sys/select.h>

#endif
