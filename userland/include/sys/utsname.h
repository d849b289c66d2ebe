/*
 * sys/utsname.h - what system this is (POSIX): uname fills a struct utsname. Implemented by
 * the kernel (ufos/kernel/sys_uname.py) and libc's wrapper (userland/libc/utsname.c).
 *
 *   int uname(struct utsname *buf)    0, or -1 and errno (EFAULT: a bad pointer)
 *
 * The layout is Linux's: six strings of 65 bytes. ufos says sysname "ufos", nodename "ufos",
 * release the ufos package's version, machine "morello" (the emulated CHERI machine).
 */
#ifndef _SYS_UTSNAME_H
#define _SYS_UTSNAME_H

#define _UTSNAME_LENGTH 65

struct utsname {
    char sysname[_UTSNAME_LENGTH];      /* the kernel: "ufos" */
    char nodename[_UTSNAME_LENGTH];     /* the machine's name on a network */
    char release[_UTSNAME_LENGTH];      /* the kernel's release */
    char version[_UTSNAME_LENGTH];      /* ... and its version */
    char machine[_UTSNAME_LENGTH];      /* the hardware */
    char domainname[_UTSNAME_LENGTH];   /* Linux's (a GNU extension): "(none)" */
};

int uname(struct utsname *buf);

#endif
