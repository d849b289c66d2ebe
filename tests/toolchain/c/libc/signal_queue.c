// expected: host
/* sigqueue (POSIX): the handler gets the value sent in si_value (si_int), with si_code SI_QUEUE
 * and the sender's pid; raise reports SI_TKILL, as glibc's (tgkill), kill SI_USER. A sigqueue to
 * no such process, or of a bad signal, fails. */
#define _GNU_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got, code, value, from_me;

static void on_signal(int sig, siginfo_t *info, void *context)
{
    (void)context;
    got = sig;
    code = info->si_code;
    value = info->si_value.sival_int;
    from_me = info->si_pid == getpid();
}

static const char *code_name(int c)
{
    return c == SI_QUEUE ? "SI_QUEUE" : c == SI_TKILL ? "SI_TKILL" : c == SI_USER ? "SI_USER" : "other";
}

static void report(const char *what)
{
    printf("%s: signal %d, %s, si_value %d, si_pid is the sender %d\n", what, got, code_name(code),
           value, from_me);
    got = code = value = from_me = 0;
}

int main(void)
{
    struct sigaction sa;
    union sigval v;
    sigset_t usr2;
    int status;
    pid_t child;

    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_signal;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGUSR1, &sa, NULL);
    sigaction(SIGUSR2, &sa, NULL);

    v.sival_int = 42;
    printf("sigqueue to itself = %d\n", sigqueue(getpid(), SIGUSR1, v));
    report("sigqueue");
    printf("raise = %d\n", raise(SIGUSR1));
    report("raise");
    printf("kill = %d\n", kill(getpid(), SIGUSR2));
    report("kill");

    /* a value queued while blocked arrives when unblocked */
    sigemptyset(&usr2);
    sigaddset(&usr2, SIGUSR2);
    sigprocmask(SIG_BLOCK, &usr2, NULL);
    v.sival_int = -7;
    sigqueue(getpid(), SIGUSR2, v);
    printf("blocked: delivered yet %d\n", got != 0);
    sigprocmask(SIG_UNBLOCK, &usr2, NULL);
    report("unblocked");

    /* from a child: its pid, the parent's value */
    sigprocmask(SIG_BLOCK, &usr2, NULL);
    child = fork();
    if (child == 0) {
        v.sival_int = 1234;
        _exit(sigqueue(getppid(), SIGUSR2, v) != 0);
    }
    waitpid(child, &status, 0);
    sigprocmask(SIG_UNBLOCK, &usr2, NULL);
    printf("from the child: signal %d, %s, si_value %d, the child exited %d\n", got, code_name(code),
           value, WEXITSTATUS(status));

    errno = 0;
    printf("sigqueue to a reaped child = %d ", sigqueue(child, SIGUSR1, v));
    printf("%s\n", strerror(errno));
    errno = 0;
    printf("sigqueue of signal 0 (a check) = %d\n", sigqueue(getpid(), 0, v));
    printf("sigqueue of signal 1000 = %d ", sigqueue(getpid(), 1000, v));
    printf("%s\n", strerror(errno));
    return 0;
}
