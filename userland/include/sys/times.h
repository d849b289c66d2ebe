/*
 * sys/times.h - times: the CPU time of the process and of the children it waited for, in clock
 * ticks (100 a second, as Linux's sysconf(_SC_CLK_TCK)).
 */
#ifndef _SYS_TIMES_H
#define _SYS_TIMES_H

#include <sys/_types.h>

struct tms {
    clock_t tms_utime;      /* the process's user time */
    clock_t tms_stime;      /* its system time */
    clock_t tms_cutime;     /* the user time of the children it waited for (and of theirs) */
    clock_t tms_cstime;     /* their system time */
};

clock_t times(struct tms *buf);

#endif
