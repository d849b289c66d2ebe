/*
 * utsname.c - the wrapper of the uname system call (sys/utsname.h).
 */
#include <sys/utsname.h>
#include "libc.h"

int uname(struct utsname *buf)
{
    return (int)syscall1(SYS_uname, buf);
}
