/*
 * resource.c - getrlimit and setrlimit, made from the prlimit64 system call (on this process);
 * getrusage and times, the CPU time used.
 */
#include <sys/resource.h>
#include <sys/times.h>
#include "libc.h"

int getrlimit(int resource, struct rlimit *rlim)
{
    return (int)syscall4(SYS_prlimit64, 0, resource, 0, rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
    return (int)syscall4(SYS_prlimit64, 0, resource, rlim, 0);
}

int getrusage(int who, struct rusage *usage)
{
    return (int)syscall2(SYS_getrusage, who, usage);
}

clock_t times(struct tms *buf)
{
    return (clock_t)syscall1(SYS_times, buf);
}
