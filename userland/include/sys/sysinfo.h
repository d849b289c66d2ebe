/*
 * sys/sysinfo.h - the state of the whole system in one call (lab syscall, labs/syscall/README.md).
 *
 *   int sysinfo(struct sysinfo *info)    fill *info; 0, or -1 and errno (EFAULT: a bad pointer,
 *                                        ENOSYS: a kernel without the call)
 *
 * The layout is Linux's (64-bit), so the offsets below are what the kernel writes. Memory is
 * counted in units of mem_unit bytes: ufos counts physical pages, so mem_unit is the page size
 * and totalram/freeram are pages. ufos has no swap, no high memory and no buffer cache (those
 * stay 0), and keeps no load averages (loads are 0).
 */
#ifndef _SYS_SYSINFO_H
#define _SYS_SYSINFO_H

struct sysinfo {
    long uptime;              /*   0: seconds since boot (CLOCK_MONOTONIC) */
    unsigned long loads[3];   /*   8: 1, 5 and 15 minute load averages (<< 16): 0 on ufos */
    unsigned long totalram;   /*  32: physical memory, in mem_unit */
    unsigned long freeram;    /*  40: of which free */
    unsigned long sharedram;  /*  48: of which shared between μprocesses (after fork) */
    unsigned long bufferram;  /*  56: 0 */
    unsigned long totalswap;  /*  64: 0 */
    unsigned long freeswap;   /*  72: 0 */
    unsigned short procs;     /*  80: μprocesses alive (zombies not counted) */
    unsigned short pad;       /*  82 */
    unsigned long totalhigh;  /*  88: 0 */
    unsigned long freehigh;   /*  96: 0 */
    unsigned int mem_unit;    /* 104: the size of the unit of the memory fields, in bytes */
};                            /* 112 bytes, aligned to 8 */

int sysinfo(struct sysinfo *info);

#endif
