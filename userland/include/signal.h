/*
 * signal.h - signals (C11 7.14, POSIX). Numbers are Linux's, plus SIGPROT (34), CheriBSD's
 * signal for a capability fault.
 *
 * struct sigaction is also what libc hands the kernel (rt_sigaction, system call 134), so its
 * layout is part of the kernel ABI:
 *     +0   the handler (a sentry), or SIG_DFL / SIG_IGN (integers 0 and 1)
 *     +16  sa_flags (int)
 *     +32  sa_restorer: where the handler returns to. libc always sets SA_RESTORER and points it
 *          at __sigreturn (syscall.s), which makes system call rt_sigreturn (139); the kernel
 *          defines the signal frame that rt_sigreturn unwinds.
 *     +48  sa_mask (64 bits: signal n is bit n - 1)
 *     size 64
 */
#ifndef _SIGNAL_H
#define _SIGNAL_H

#include <sys/_types.h>

typedef int sig_atomic_t;
typedef unsigned long sigset_t;

#define SIGHUP 1
#define SIGINT 2
#define SIGQUIT 3
#define SIGILL 4
#define SIGTRAP 5
#define SIGABRT 6
#define SIGIOT SIGABRT
#define SIGBUS 7
#define SIGFPE 8
#define SIGKILL 9
#define SIGUSR1 10
#define SIGSEGV 11
#define SIGUSR2 12
#define SIGPIPE 13
#define SIGALRM 14
#define SIGTERM 15
#define SIGSTKFLT 16
#define SIGCHLD 17
#define SIGCONT 18
#define SIGSTOP 19
#define SIGTSTP 20
#define SIGTTIN 21
#define SIGTTOU 22
#define SIGURG 23
#define SIGXCPU 24
#define SIGXFSZ 25
#define SIGVTALRM 26
#define SIGPROF 27
#define SIGWINCH 28
#define SIGIO 29
#define SIGPOLL SIGIO
#define SIGPWR 30
#define SIGSYS 31
#define SIGPROT 34          /* a capability fault (CheriBSD's number) */
#define NSIG 65
#define _NSIG NSIG

typedef void (*sighandler_t)(int);

#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_ERR ((sighandler_t)-1)

/* What a SA_SIGINFO handler learns about a signal (filled in by the kernel). */
typedef struct {
    int si_signo;
    int si_errno;
    int si_code;
    pid_t si_pid;           /* the sender, for kill */
    uid_t si_uid;
    int si_status;          /* the exit status, for SIGCHLD */
    void *si_addr;          /* +32: the faulting address, for SIGSEGV / SIGBUS / SIGPROT */
} siginfo_t;

struct sigaction {
    union {
        void (*__handler)(int);
        void (*__sigaction)(int, siginfo_t *, void *);
    } __sa_u;
    int sa_flags;
    void (*sa_restorer)(void);
    sigset_t sa_mask;
};
#define sa_handler __sa_u.__handler
#define sa_sigaction __sa_u.__sigaction

#define SA_NOCLDSTOP 0x00000001
#define SA_NOCLDWAIT 0x00000002
#define SA_SIGINFO 0x00000004
#define SA_RESTORER 0x04000000
#define SA_ONSTACK 0x08000000
#define SA_RESTART 0x10000000
#define SA_NODEFER 0x40000000
#define SA_RESETHAND 0x80000000

#define SIG_BLOCK 0
#define SIG_UNBLOCK 1
#define SIG_SETMASK 2

sighandler_t signal(int signum, sighandler_t handler);
int raise(int sig);
int kill(pid_t pid, int sig);
int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int signum);
int sigdelset(sigset_t *set, int signum);
int sigismember(const sigset_t *set, int signum);
int pause(void);
void psignal(int sig, const char *s);

#endif
