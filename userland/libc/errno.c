/*
 * errno.c - errno, and turning a system call's result into C's convention.
 */
#include <errno.h>
#include "libc.h"

int errno;

long __syscall_result(long r)
{
    if (r < 0 && r >= -4095) {
        errno = (int)-r;
        return -1;
    }
    return r;
}
