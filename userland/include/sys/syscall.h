/*
 * sys/syscall.h - system call numbers (Linux's generic table, docs/abi.md) and __syscall, the one
 * way into the kernel (userland/libc/syscall.s).
 *
 *   long __syscall(long n, a, b, c, d, e, f)       the result as an integer
 *   void *__syscall_ptr(long n, a, b, c, d, e, f)  the result as a capability (mmap, brk)
 *
 * The arguments are capabilities (uintptr_t), so pointers reach the kernel with their bounds and
 * integers as null-derived values. A result in [-4095, -1] is a negated errno.
 */
#ifndef _SYS_SYSCALL_H
#define _SYS_SYSCALL_H

#include <sys/_types.h>

long __syscall(long n, uintptr_t a, uintptr_t b, uintptr_t c, uintptr_t d, uintptr_t e,
               uintptr_t f);
void *__syscall_ptr(long n, uintptr_t a, uintptr_t b, uintptr_t c, uintptr_t d, uintptr_t e,
                    uintptr_t f);

#define SYS_getcwd 17
#define SYS_dup 23
#define SYS_dup3 24
#define SYS_fcntl 25
#define SYS_ioctl 29
#define SYS_mkdirat 34
#define SYS_unlinkat 35
#define SYS_symlinkat 36
#define SYS_linkat 37
#define SYS_renameat 38
#define SYS_truncate 45
#define SYS_ftruncate 46
#define SYS_faccessat 48
#define SYS_chdir 49
#define SYS_fchdir 50
#define SYS_fchmod 52
#define SYS_fchmodat 53
#define SYS_openat 56
#define SYS_close 57
#define SYS_pipe2 59
#define SYS_getdents64 61
#define SYS_lseek 62
#define SYS_read 63
#define SYS_write 64
#define SYS_pread64 67
#define SYS_pwrite64 68
#define SYS_ppoll 73
#define SYS_readlinkat 78
#define SYS_newfstatat 79
#define SYS_fstat 80
#define SYS_fsync 82
#define SYS_utimensat 88
#define SYS_exit 93
#define SYS_exit_group 94
#define SYS_nanosleep 101
#define SYS_getitimer 102
#define SYS_setitimer 103
#define SYS_clock_gettime 113
#define SYS_clock_getres 114
#define SYS_clock_nanosleep 115
#define SYS_sched_yield 124
#define SYS_kill 129
#define SYS_tkill 130
#define SYS_tgkill 131
#define SYS_sigaltstack 132
#define SYS_rt_sigsuspend 133
#define SYS_rt_sigaction 134
#define SYS_rt_sigprocmask 135
#define SYS_rt_sigpending 136
#define SYS_rt_sigtimedwait 137
#define SYS_rt_sigqueueinfo 138
#define SYS_rt_sigreturn 139
#define SYS_reboot 142
#define SYS_times 153
#define SYS_setpgid 154
#define SYS_getpgid 155
#define SYS_setsid 157
#define SYS_getgroups 158
#define SYS_setgroups 159
#define SYS_uname 160
#define SYS_getrusage 165
#define SYS_umask 166
#define SYS_gettimeofday 169
#define SYS_getpid 172
#define SYS_getppid 173
#define SYS_getuid 174
#define SYS_geteuid 175
#define SYS_getgid 176
#define SYS_getegid 177
#define SYS_sysinfo 179
#define SYS_socket 198
#define SYS_socketpair 199
#define SYS_bind 200
#define SYS_listen 201
#define SYS_accept 202
#define SYS_connect 203
#define SYS_getsockname 204
#define SYS_getpeername 205
#define SYS_sendto 206
#define SYS_recvfrom 207
#define SYS_setsockopt 208
#define SYS_getsockopt 209
#define SYS_shutdown 210
#define SYS_brk 214
#define SYS_munmap 215
#define SYS_clone 220
#define SYS_execve 221
#define SYS_mmap 222
#define SYS_mprotect 226
#define SYS_msync 227
#define SYS_wait4 260
#define SYS_prlimit64 261
#define SYS_getrandom 278

#endif
