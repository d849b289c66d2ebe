// expected: host
/* sigaction's flags (POSIX): SA_RESTART, SA_NODEFER, SA_RESETHAND, SA_NOCLDSTOP, SA_NOCLDWAIT,
 * and SIGCHLD set to SIG_IGN. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t depth, deepest, calls, chld[8];

static void nested(int sig)
{
    depth++;
    calls++;
    if (depth > deepest)
        deepest = depth;
    if (calls == 1)
        raise(sig);             /* runs at once with SA_NODEFER, after this returns without */
    depth--;
}

static void on_chld(int sig, siginfo_t *info, void *uc)
{
    if (info->si_code >= 0 && info->si_code < 8)
        chld[info->si_code]++;
}

static void count(int sig)
{
    calls++;
}

static void install(int sig, void (*fn)(int), int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sa.sa_flags = flags;
    sigemptyset(&sa.sa_mask);
    sigaction(sig, &sa, NULL);
}

static void install_chld(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_chld;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGCHLD, &sa, NULL);
    memset((void *)chld, 0, sizeof chld);
}

static void nap(void)
{
    struct timespec t = {0, 100000000};
    nanosleep(&t, NULL);
}

/* A read from a pipe that a signal interrupts: the child signals, then writes. */
static void interrupted_read(int flags)
{
    int fds[2];
    char buf[8] = "";
    pipe(fds);
    install(SIGUSR1, count, flags);
    calls = 0;
    pid_t child = fork();
    if (child == 0) {
        nap();
        kill(getppid(), SIGUSR1);
        nap();
        write(fds[1], "data", 4);
        _exit(0);
    }
    errno = 0;
    ssize_t n = read(fds[0], buf, sizeof buf - 1);
    printf("%s: read %d (%s) after %d signal\n", flags ? "SA_RESTART" : "no SA_RESTART", (int)n,
           n > 0 ? buf : strerror(errno), calls);
    waitpid(child, NULL, 0);
    close(fds[0]);
    close(fds[1]);
}

static void stop_and_go(const char *what)
{
    int ws;
    pid_t child = fork();
    if (child == 0) {
        raise(SIGSTOP);
        _exit(3);
    }
    waitpid(child, &ws, WUNTRACED);
    kill(child, SIGCONT);
    while (waitpid(child, &ws, 0) < 0 && errno == EINTR)
        continue;               /* a SIGCHLD handler without SA_RESTART interrupts the wait */
    nap();
    /* (the exit's SIGCHLD may come while the continue's is pending, and then merges with it) */
    printf("%s: stopped %d continued %d, the child exited %d\n", what, chld[CLD_STOPPED] > 0,
           chld[CLD_CONTINUED] > 0, WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
    if (chld[CLD_CONTINUED] == 0)
        printf("with no other SIGCHLD, the exit's: %d\n", chld[CLD_EXITED]);
}

int main(void)
{
    struct sigaction old;
    int ws;

    install(SIGUSR1, nested, 0);
    raise(SIGUSR1);
    printf("without SA_NODEFER: %d calls, deepest %d\n", calls, deepest);
    calls = deepest = 0;
    install(SIGUSR1, nested, SA_NODEFER);
    raise(SIGUSR1);
    printf("with SA_NODEFER: %d calls, deepest %d\n", calls, deepest);

    calls = 0;
    install(SIGUSR2, count, SA_RESETHAND);
    raise(SIGUSR2);
    sigaction(SIGUSR2, NULL, &old);
    printf("SA_RESETHAND: %d call, the action is now SIG_DFL: %d, SA_RESETHAND cleared: %d\n",
           calls, old.sa_handler == SIG_DFL, !(old.sa_flags & SA_RESETHAND));

    interrupted_read(0);
    interrupted_read(SA_RESTART);

    install_chld(0);
    stop_and_go("SIGCHLD");
    install_chld(SA_NOCLDSTOP);
    stop_and_go("SIGCHLD with SA_NOCLDSTOP");

    install_chld(SA_NOCLDWAIT);
    if (fork() == 0)
        _exit(0);
    errno = 0;
    int r = wait(&ws);
    printf("SA_NOCLDWAIT: wait %d %s\n", r, strerror(errno));
    install(SIGCHLD, SIG_IGN, 0);
    if (fork() == 0)
        _exit(0);
    errno = 0;
    r = wait(&ws);
    printf("SIGCHLD ignored: wait %d %s\n", r, strerror(errno));
    install(SIGCHLD, SIG_DFL, 0);
    pid_t child = fork();
    if (child == 0)
        _exit(4);
    r = wait(&ws);
    printf("SIGCHLD default: wait reaps the child %d, status %d\n", r == child, WEXITSTATUS(ws));
    return 0;
}
