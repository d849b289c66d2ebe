/* sched.c - sched_yield (<sched.h>): the kernel runs the next runnable μprocess after it. */
#include <sched.h>
#include <sys/syscall.h>
#include "libc.h"

int sched_yield(void)
{
    return (int)syscall0(SYS_sched_yield);
}
