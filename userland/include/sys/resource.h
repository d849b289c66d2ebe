/*
 * sys/resource.h - resource limits (getrlimit, setrlimit; the prlimit64 system call), and the
 * resources used (getrusage: the CPU time of the process or of the children it waited for).
 *
 * ufos's limits are fixed by the kernel (the descriptor table's size, the stack's): they can be
 * read; setrlimit fails with EPERM unless it asks for what is already there.
 */
#ifndef _SYS_RESOURCE_H
#define _SYS_RESOURCE_H

#include <sys/time.h>

typedef unsigned long rlim_t;

#define RLIM_INFINITY (~0UL)

struct rlimit {
    rlim_t rlim_cur;    /* the soft limit */
    rlim_t rlim_max;    /* the hard limit */
};

#define RLIMIT_CPU 0
#define RLIMIT_FSIZE 1
#define RLIMIT_DATA 2
#define RLIMIT_STACK 3
#define RLIMIT_CORE 4
#define RLIMIT_RSS 5
#define RLIMIT_NPROC 6
#define RLIMIT_NOFILE 7
#define RLIMIT_MEMLOCK 8
#define RLIMIT_AS 9
#define RLIMIT_LOCKS 10
#define RLIMIT_SIGPENDING 11
#define RLIMIT_MSGQUEUE 12
#define RLIMIT_NICE 13
#define RLIMIT_RTPRIO 14
#define RLIMIT_RTTIME 15
#define RLIMIT_NLIMITS 16

#define RUSAGE_SELF 0
#define RUSAGE_CHILDREN (-1)
#define RUSAGE_THREAD 1

/* ufos fills ru_utime (its instructions as time, as CLOCK_PROCESS_CPUTIME_ID); the rest are 0. */
struct rusage {
    struct timeval ru_utime;    /* user time */
    struct timeval ru_stime;    /* system time */
    long ru_maxrss, ru_ixrss, ru_idrss, ru_isrss, ru_minflt, ru_majflt, ru_nswap;
    long ru_inblock, ru_oublock, ru_msgsnd, ru_msgrcv, ru_nsignals, ru_nvcsw, ru_nivcsw;
};

int getrlimit(int resource, struct rlimit *rlim);
int getrusage(int who, struct rusage *usage);
int setrlimit(int resource, const struct rlimit *rlim);

#endif
