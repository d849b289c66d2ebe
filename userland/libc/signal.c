/*
 * signal.c - signals: sigaction, signal, kill, raise, signal sets and the mask.
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

int raise(int sig)
{
    return kill(getpid(), sig);
}

int sigprocmask(int how, const sigset_t *set, sigset_t *oldset)
{
    return (int)syscall4(SYS_rt_sigprocmask, how, set, oldset, sizeof(sigset_t));
}

/* Wait for a signal: ppoll with nothing to poll and no timeout sleeps until one arrives. */
int pause(void)
{
    return (int)syscall5(SYS_ppoll, 0, 0, 0, 0, sizeof(sigset_t));
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
