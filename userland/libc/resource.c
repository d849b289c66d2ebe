/*
 * resource.c - getrlimit and setrlimit, made from the prlimit64 system call (on this process).
 */
#include <sys/resource.h>
#include "libc.h"

int getrlimit(int resource, struct rlimit *rlim)
{
    return (int)syscall4(SYS_prlimit64, 0, resource, 0, rlim);
}

int setrlimit(int resource, const struct rlimit *rlim)
{
    return (int)syscall4(SYS_prlimit64, 0, resource, rlim, 0);
}
