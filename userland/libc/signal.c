/*
 * signal.c - signals: sigaction, signal, kill, raise, sigqueue, killpg, signal sets, the mask, the
 * pending set, waiting for signals (sigsuspend, sigwait, sigtimedwait, pause), the alternate stack, and
 * the XSI calls (sighold, sigrelse, sigignore, sigset, sigpause) built on those.
 *
 * sigaction hands the kernel a struct sigaction (its layout is in signal.h) with SA_RESTORER
 * set and sa_restorer pointing at __sigreturn (syscall.s): when the handler returns, it
 * returns there, and __sigreturn asks the kernel (rt_sigreturn) to resume the program where the
 * signal interrupted it.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"

void __sigreturn(void);

int sigaction(int signum, const struct sigaction *act, struct sigaction *oldact)
{
    struct sigaction k;

    if (act != NULL) {
        k = *act;
        k.sa_flags |= SA_RESTORER;
        k.sa_restorer = __sigreturn;
        act = &k;
    }
    return (int)syscall4(SYS_rt_sigaction, signum, act, oldact, sizeof(sigset_t));
}

/* The BSD meaning: the handler stays installed, and interrupted system calls restart. */
sighandler_t signal(int signum, sighandler_t handler)
{
    struct sigaction sa, old;

    sa.sa_handler = handler;
    sa.sa_flags = SA_RESTART;
    sigemptyset(&sa.sa_mask);
    if (sigaction(signum, &sa, &old) < 0)
        return SIG_ERR;
    return old.sa_handler;
}

int kill(pid_t pid, int sig)
{
    return (int)syscall2(SYS_kill, pid, sig);
}

/* A μprocess has one thread, whose id is its pid: raise signals it (si_code SI_TKILL, as glibc). */
int raise(int sig)
{
    return (int)syscall2(SYS_tkill, getpid(), sig);
}

/* kill with a value for the handler (si_value) and si_code SI_QUEUE. */
int sigqueue(pid_t pid, int sig, const union sigval value)
{
    siginfo_t info;

    memset(&info, 0, sizeof info);
    info.si_signo = sig;
    info.si_code = SI_QUEUE;
    info.si_pid = getpid();
    info.si_value = value;
    return (int)syscall3(SYS_rt_sigqueueinfo, pid, sig, &info);
}

int killpg(pid_t pgrp, int sig)
{
    if (pgrp < 0) {             /* (POSIX leaves 0 and 1 undefined: kill(-pgrp) as glibc) */
        errno = EINVAL;
        return -1;
    }
    return kill(-pgrp, sig);
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
    return (int)syscall4(SYS_rt_sigprocmask, how, set, oldset, sizeof(sigset_t));
}

int sigpending(sigset_t *set)
{
    return (int)syscall2(SYS_rt_sigpending, set, sizeof(sigset_t));
}

/* Wait for a signal: ppoll with nothing to poll and no timeout sleeps until one arrives. */
int pause(void)
{
    return (int)syscall5(SYS_ppoll, 0, 0, 0, 0, sizeof(sigset_t));
}

int sigsuspend(const sigset_t *mask)
{
    return (int)syscall2(SYS_rt_sigsuspend, mask, sizeof(sigset_t));
}

int sigtimedwait(const sigset_t *set, siginfo_t *info, const struct timespec *timeout)
{
    return (int)syscall4(SYS_rt_sigtimedwait, set, info, timeout, sizeof(sigset_t));
}

int sigwaitinfo(const sigset_t *set, siginfo_t *info)
{
    return sigtimedwait(set, info, NULL);
}

/* sigwait returns the error rather than setting errno; it is never interrupted (POSIX). */
int sigwait(const sigset_t *set, int *sig)
{
    int got;

    do
        got = sigtimedwait(set, NULL, NULL);
    while (got < 0 && errno == EINTR);
    if (got < 0)
        return errno;
    *sig = got;
    return 0;
}

int sigaltstack(const stack_t *ss, stack_t *old_ss)
{
    return (int)syscall2(SYS_sigaltstack, ss, old_ss);
}

/* Whether sig interrupts system calls (flag 1) or restarts them (flag 0): SA_RESTART. */
int siginterrupt(int sig, int flag)
{
    struct sigaction sa;

    if (sigaction(sig, NULL, &sa) < 0)
        return -1;
    if (flag)
        sa.sa_flags &= ~SA_RESTART;
    else
        sa.sa_flags |= SA_RESTART;
    return sigaction(sig, &sa, NULL);
}

/* ---- the XSI (System V) calls --------------------------------------------------------------- */

static int change_mask(int how, int sig)
{
    sigset_t set;

    sigemptyset(&set);
    if (sigaddset(&set, sig) < 0)
        return -1;
    return sigprocmask(how, &set, NULL);
}

int sighold(int sig)
{
    return change_mask(SIG_BLOCK, sig);
}

int sigrelse(int sig)
{
    return change_mask(SIG_UNBLOCK, sig);
}

int sigignore(int sig)
{
    return signal(sig, SIG_IGN) == SIG_ERR ? -1 : 0;
}

/* Unblock sig and wait for a signal, with the rest of the mask as it is. */
int sigpause(int sig)
{
    sigset_t mask;

    if (sigprocmask(SIG_BLOCK, NULL, &mask) < 0 || sigdelset(&mask, sig) < 0)
        return -1;
    return sigsuspend(&mask);
}

/* disp SIG_HOLD blocks sig; anything else installs disp (no SA_RESTART, as System V's signal)
 * and unblocks sig. The result is SIG_HOLD if sig was blocked, else the previous disposition. */
sighandler_t sigset(int sig, sighandler_t disp)
{
    struct sigaction sa, old;
    sigset_t set, was;

    sigemptyset(&set);
    if (sigaddset(&set, sig) < 0)
        return SIG_ERR;
    if (disp == SIG_HOLD) {
        if (sigaction(sig, NULL, &old) < 0 || sigprocmask(SIG_BLOCK, &set, &was) < 0)
            return SIG_ERR;
    } else {
        sa.sa_handler = disp;
        sa.sa_flags = 0;
        sigemptyset(&sa.sa_mask);
        if (sigaction(sig, &sa, &old) < 0 || sigprocmask(SIG_UNBLOCK, &set, &was) < 0)
            return SIG_ERR;
    }
    return sigismember(&was, sig) ? SIG_HOLD : old.sa_handler;
}

/* ---- signal sets: signal n is bit n - 1 --------------------------------------------------- */

static int valid(int signum)
{
    if (signum < 1 || signum >= NSIG) {
        errno = EINVAL;
        return 0;
    }
    return 1;
}

int sigemptyset(sigset_t *set)
{
    *set = 0;
    return 0;
}

int sigfillset(sigset_t *set)
{
    *set = ~(sigset_t)0;
    return 0;
}

int sigaddset(sigset_t *set, int signum)
{
    if (!valid(signum))
        return -1;
    *set |= 1UL << (signum - 1);
    return 0;
}

int sigdelset(sigset_t *set, int signum)
{
    if (!valid(signum))
        return -1;
    *set &= ~(1UL << (signum - 1));
    return 0;
}

int sigismember(const sigset_t *set, int signum)
{
    if (!valid(signum))
        return -1;
    return (*set >> (signum - 1)) & 1;
}

void psignal(int sig, const char *s)
{
    if (s != NULL && *s != '\0')
        fprintf(stderr, "%s: %s\n", s, strsignal(sig));
    else
        fprintf(stderr, "%s\n", strsignal(sig));
}

void psiginfo(const siginfo_t *info, const char *s)
{
    psignal(info->si_signo, s);
}
