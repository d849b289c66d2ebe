// expected: host
/* The signal mask and waiting for signals (POSIX): sigprocmask, sigpending, sigsuspend,
 * sigwait, sigtimedwait, sigwaitinfo, killpg, and the XSI calls sighold, sigrelse, sigignore,
 * sigset and sigpause. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t count[65];

static void on_signal(int sig)
{
    count[sig]++;
}

static void handle(int sig)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static sigset_t just(int sig)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, sig);
    return set;
}

static int pending(int sig)
{
    sigset_t set;
    sigpending(&set);
    return sigismember(&set, sig);
}

static int blocked(int sig)
{
    sigset_t set;
    sigprocmask(SIG_BLOCK, NULL, &set);
    return sigismember(&set, sig);
}

int main(void)
{
    sigset_t set, old;
    int sig = 0, r;

    handle(SIGUSR1);
    handle(SIGUSR2);
    set = just(SIGUSR1);
    sigprocmask(SIG_BLOCK, &set, &old);
    printf("the old mask had SIGUSR1: %d\n", sigismember(&old, SIGUSR1));
    raise(SIGUSR1);
    raise(SIGUSR1);
    printf("blocked: handled %d times, pending %d\n", count[SIGUSR1], pending(SIGUSR1));
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    printf("unblocked: handled %d time (signals do not queue), pending %d\n", count[SIGUSR1],
           pending(SIGUSR1));

    sigfillset(&set);
    sigprocmask(SIG_SETMASK, &set, NULL);
    printf("SIGKILL and SIGSTOP cannot be blocked: %d %d; SIGTERM is: %d\n", blocked(SIGKILL),
           blocked(SIGSTOP), blocked(SIGTERM));
    sigemptyset(&set);
    sigprocmask(SIG_SETMASK, &set, NULL);
    errno = 0;
    r = sigprocmask(99, &set, NULL);
    printf("a bad how: %d %s\n", r, strerror(errno));

    /* sigsuspend: SIGUSR2 is blocked but for the wait; the child sends it */
    set = just(SIGUSR2);
    sigprocmask(SIG_BLOCK, &set, NULL);
    pid_t child = fork();
    if (child == 0) {
        kill(getppid(), SIGUSR2);
        _exit(0);
    }
    sigemptyset(&set);
    errno = 0;
    r = sigsuspend(&set);
    printf("sigsuspend: %d %s, handled %d, the mask is back: %d\n", r, strerror(errno),
           count[SIGUSR2], blocked(SIGUSR2));
    waitpid(child, NULL, 0);

    /* sigwait takes a blocked pending signal without running its handler */
    raise(SIGUSR2);
    set = just(SIGUSR2);
    r = sigwait(&set, &sig);
    printf("sigwait: %d, got %d, handled still %d, pending %d\n", r, sig, count[SIGUSR2],
           pending(SIGUSR2));
    child = fork();
    if (child == 0) {
        struct timespec pause = {0, 50000000};
        nanosleep(&pause, NULL);
        kill(getppid(), SIGUSR2);
        _exit(0);
    }
    sig = 0;
    r = sigwait(&set, &sig);
    printf("sigwait for a signal sent later: %d, got %d\n", r, sig);
    waitpid(child, NULL, 0);
    {
        struct timespec zero = {0, 0};
        siginfo_t info;
        errno = 0;
        r = sigtimedwait(&set, &info, &zero);
        printf("sigtimedwait with nothing pending: %d %s\n", r, strerror(errno));
        kill(getpid(), SIGUSR2);
        r = sigwaitinfo(&set, &info);
        printf("sigwaitinfo: %d, si_signo %d, SI_USER %d, si_pid is me %d\n", r, info.si_signo,
               info.si_code == SI_USER, info.si_pid == getpid());
    }

    /* killpg: a child in a group of its own */
    set = just(SIGUSR1);
    sigprocmask(SIG_UNBLOCK, &set, NULL);
    count[SIGUSR1] = 0;
    child = fork();
    if (child == 0) {
        setpgid(0, 0);
        for (;;)
            pause();
    }
    setpgid(child, child);
    r = killpg(child, SIGTERM);
    waitpid(child, &sig, 0);
    printf("killpg(the child's group): %d, the child was killed by signal %d\n", r,
           WIFSIGNALED(sig) ? WTERMSIG(sig) : 0);
    errno = 0;
    r = killpg(-1, SIGUSR1);
    printf("killpg(-1): %d %s\n", r, strerror(errno));

    /* the XSI calls */
    sighold(SIGUSR1);
    raise(SIGUSR1);
    printf("sighold: blocked %d, handled %d\n", blocked(SIGUSR1), count[SIGUSR1]);
    sigrelse(SIGUSR1);
    printf("sigrelse: blocked %d, handled %d\n", blocked(SIGUSR1), count[SIGUSR1]);
    sigignore(SIGUSR1);
    raise(SIGUSR1);
    printf("sigignore: still alive, handled %d\n", count[SIGUSR1]);
    r = sigset(SIGUSR1, SIG_HOLD) == SIG_IGN;
    printf("sigset(SIG_HOLD) returns the old disposition (SIG_IGN): %d, blocked %d\n", r,
           blocked(SIGUSR1));
    r = sigset(SIGUSR1, on_signal) == SIG_HOLD;
    printf("sigset(handler) of a held signal returns SIG_HOLD: %d, blocked %d\n", r,
           blocked(SIGUSR1));
    raise(SIGUSR1);
    printf("handled %d\n", count[SIGUSR1]);
    sighold(SIGUSR2);
    child = fork();
    if (child == 0) {
        kill(getppid(), SIGUSR2);
        _exit(0);
    }
    errno = 0;
    r = sigpause(SIGUSR2);
    printf("sigpause: %d %s, handled %d, held again %d\n", r, strerror(errno), count[SIGUSR2],
           blocked(SIGUSR2));
    waitpid(child, NULL, 0);
    errno = 0;
    r = sighold(0);
    printf("sighold(0): %d %s\n", r, strerror(errno));
    return 0;
}
