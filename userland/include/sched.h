/* sched.h - sched_yield: give the CPU to the next μprocess. ufos's scheduler already moves on to
   the next runnable μprocess after every system call (round robin), so it returns 0 at once. */
#ifndef _SCHED_H
#define _SCHED_H
#include <sys/types.h>

int sched_yield(void);
#endif
