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
 *
 * siginfo_t (128 bytes) and ucontext_t are what the kernel writes on the handler's stack for an
 * SA_SIGINFO handler (ufos/kernel/signal.py: SigInfo, the frame); stack_t is sigaltstack's
 * argument (system call 132): ss_sp +0, ss_flags +16, ss_size +24, size 32. The registers the
 * handler interrupted stay in the kernel (the program cannot tamper with them), so ucontext_t
 * carries the signal mask and the alternate stack only, and has no uc_mcontext registers.
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

#define SIGRTMIN 35
#define SIGRTMAX 64

typedef void (*sighandler_t)(int);

#define SIG_DFL ((sighandler_t)0)
#define SIG_IGN ((sighandler_t)1)
#define SIG_HOLD ((sighandler_t)2)  /* sigset's "block it" (XSI) */
#define SIG_ERR ((sighandler_t)-1)

union sigval {
    int sival_int;
    void *sival_ptr;
};

/* What a SA_SIGINFO handler learns about a signal (filled in by the kernel). si_addr is an
 * address, not a capability: the kernel writes an untagged pointer, which can be printed and
 * compared but grants no access. */
typedef struct {
    int si_signo;           /* +0 */
    int si_errno;           /* +4 */
    int si_code;            /* +8: SI_USER, SI_KERNEL, CLD_*, SEGV_*, ... */
    pid_t si_pid;           /* +12: the sender (kill), the child (SIGCHLD) */
    uid_t si_uid;           /* +16 */
    int si_status;          /* +20: the exit code or signal, for SIGCHLD */
    long si_band;           /* +24 */
    void *si_addr;          /* +32: the faulting address, for SIGSEGV / SIGBUS / SIGPROT */
    union sigval si_value;  /* +48 */
    char __pad[64];         /* to 128 bytes */
} siginfo_t;

/* si_code values */
#define SI_USER 0           /* kill */
#define SI_KERNEL 128       /* sent by the kernel (a terminal's Ctrl-C, SIGPIPE) */
#define SI_QUEUE (-1)       /* sigqueue */
#define SI_TIMER (-2)
#define SI_TKILL (-6)       /* raise (tkill, tgkill) */
#define ILL_ILLOPC 1
#define FPE_INTDIV 1
#define SEGV_MAPERR 1       /* no mapping at the address */
#define SEGV_ACCERR 2       /* a mapping that does not allow the access */
#define BUS_ADRALN 1        /* a misaligned access */
#define BUS_ADRERR 2        /* no such physical address: a file mapping's page past the file's end */
#define TRAP_BRKPT 1
#define CLD_EXITED 1
#define CLD_KILLED 2
#define CLD_DUMPED 3
#define CLD_TRAPPED 4
#define CLD_STOPPED 5
#define CLD_CONTINUED 6
#define PROT_CHERI_BOUNDS 1 /* SIGPROT (CheriBSD's codes): outside the capability's bounds */
#define PROT_CHERI_TAG 2    /* an invalid (untagged) capability */
#define PROT_CHERI_SEALED 3 /* a sealed capability */
#define PROT_CHERI_PERM 5   /* a permission the capability lacks */
#define PROT_CHERI_SYSREG 10 /* a system register without the System permission */

typedef struct {
    void *ss_sp;            /* +0: the stack's lowest address */
    int ss_flags;           /* +16: SS_DISABLE, SS_ONSTACK (reported) */
    size_t ss_size;         /* +24 */
} stack_t;

#define SS_ONSTACK 1
#define SS_DISABLE 2
#define MINSIGSTKSZ 2048
#define SIGSTKSZ 8192

typedef struct { unsigned long __unused; } mcontext_t;

typedef struct ucontext_t {
    unsigned long uc_flags;
    struct ucontext_t *uc_link;
    stack_t uc_stack;       /* +32: the alternate stack as sigaltstack reports it */
    sigset_t uc_sigmask;    /* +64: the mask the handler interrupted */
    mcontext_t uc_mcontext; /* +72: empty (the registers stay in the kernel) */
} ucontext_t;

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
int sigqueue(pid_t pid, int sig, const union sigval value);
int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact);
int sigprocmask(int how, const sigset_t *set, sigset_t *oldset);
int sigemptyset(sigset_t *set);
int sigfillset(sigset_t *set);
int sigaddset(sigset_t *set, int signum);
int sigdelset(sigset_t *set, int signum);
int sigismember(const sigset_t *set, int signum);
int sigpending(sigset_t *set);
int sigsuspend(const sigset_t *mask);
int sigwait(const sigset_t *set, int *sig);
int sigwaitinfo(const sigset_t *set, siginfo_t *info);
int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout);
int sigaltstack(const stack_t *ss, stack_t *old_ss);
int killpg(pid_t pgrp, int sig);
int siginterrupt(int sig, int flag);
void psignal(int sig, const char *s);
void psiginfo(const siginfo_t *info, const char *s);

/* XSI: the System V interface, over sigaction and the mask */
int sighold(int sig);
int sigrelse(int sig);
int sigignore(int sig);
int sigpause(int sig);
sighandler_t sigset(int sig, sighandler_t disp);

#endif
