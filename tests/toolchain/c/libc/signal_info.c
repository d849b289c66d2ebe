// expected: host
/* sigaction with SA_SIGINFO (POSIX 2.4.3): the three-argument handler gets a siginfo_t saying
 * who sent the signal and why, and a ucontext_t holding the mask the handler interrupted. */
#define _XOPEN_SOURCE 700
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t signo, code, from_pid, status, uid, was_blocked = -1;

static void on_signal(int sig, siginfo_t *info, void *context)
{
    ucontext_t *uc = context;
    signo = info->si_signo == sig ? sig : -1;
    code = info->si_code;
    from_pid = info->si_pid;
    uid = info->si_uid;
    status = info->si_status;
    was_blocked = sigismember(&uc->uc_sigmask, SIGUSR1);
}

static void install(int sig, int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    if (sigaction(sig, &sa, NULL) != 0)
        perror("sigaction");
}

static void child_ends(const char *what, int how)
{
    pid_t child = fork();
    int ws;
    if (child == 0) {
        if (how == 0)
            _exit(7);
        pause();
        _exit(1);
    }
    if (how)
        kill(child, how);
    waitpid(child, &ws, 0);
    printf("%s: signo %d, code %s, si_pid is the child %d, si_status %d\n", what, signo,
           code == CLD_EXITED ? "CLD_EXITED" : code == CLD_KILLED ? "CLD_KILLED" : "other",
           from_pid == child, status);
    signo = 0;
}

int main(void)
{
    struct sigaction old;
    sigset_t none;

    install(SIGUSR1, 0);
    raise(SIGUSR1);
    printf("raise: signo %d, si_pid is me %d\n", signo, from_pid == getpid());
    kill(getpid(), SIGUSR1);
    printf("kill: signo %d, SI_USER %d, si_pid is me %d, si_uid is mine %d\n", signo,
           code == SI_USER, from_pid == getpid(), uid == (int)getuid());
    printf("the handler's mask blocked SIGUSR1; uc_sigmask (the old one) has it: %d\n", was_blocked);

    sigaction(SIGUSR1, NULL, &old);
    printf("oldact keeps SA_SIGINFO: %d, the handler: %d\n", (old.sa_flags & SA_SIGINFO) != 0,
           old.sa_sigaction == on_signal);

    signo = 0;
    pid_t child = fork();
    if (child == 0) {
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    waitpid(child, NULL, 0);
    printf("kill from a child: signo %d, SI_USER %d, si_pid is the child %d\n", signo,
           code == SI_USER, from_pid == child);

    install(SIGCHLD, 0);
    child_ends("a child exits 7", 0);
    child_ends("a child killed by SIGTERM", SIGTERM);
    child_ends("a child killed by SIGKILL", SIGKILL);

    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    install(SIGUSR2, 0);
    {
        sigset_t block;
        sigemptyset(&block);
        sigaddset(&block, SIGUSR1);
        sigprocmask(SIG_BLOCK, &block, NULL);
        raise(SIGUSR2);
        printf("uc_sigmask shows SIGUSR1 blocked when it was: %d\n", was_blocked);
    }
    return 0;
}
