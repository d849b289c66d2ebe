/*
 * sysinfo.c - the wrapper of the sysinfo system call (sys/sysinfo.h; lab syscall).
 */
#include <errno.h>
#include <sys/sysinfo.h>
#include "libc.h"

int sysinfo(struct sysinfo *info)
{
    // BEGIN SOLUTION syscall
    return (int)syscall1(SYS_sysinfo, info);
    // STUB
    // (void)info;       /* TODO: make the system call SYS_sysinfo with info (libc.h: syscall1) */
    // errno = ENOSYS;
    // return -1;
    // END SOLUTION
}
