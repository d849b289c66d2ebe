// expected: host
/* Every standard signal's default action (POSIX <signal.h>): a child sends itself the signal
 * and the parent's waitpid says whether it terminated (and by which signal), stopped, or went
 * on (the signal is ignored). Whether a core was dumped depends on RLIMIT_CORE on the host, so
 * WCOREDUMP is checked in signal_coredump.c. */
#define _XOPEN_SOURCE 700
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const struct { int sig; const char *name; } SIGNALS[] = {
    {SIGHUP, "SIGHUP"}, {SIGINT, "SIGINT"}, {SIGQUIT, "SIGQUIT"}, {SIGILL, "SIGILL"},
    {SIGTRAP, "SIGTRAP"}, {SIGABRT, "SIGABRT"}, {SIGBUS, "SIGBUS"}, {SIGFPE, "SIGFPE"},
    {SIGKILL, "SIGKILL"}, {SIGUSR1, "SIGUSR1"}, {SIGSEGV, "SIGSEGV"}, {SIGUSR2, "SIGUSR2"},
    {SIGPIPE, "SIGPIPE"}, {SIGALRM, "SIGALRM"}, {SIGTERM, "SIGTERM"}, {SIGCHLD, "SIGCHLD"},
    {SIGCONT, "SIGCONT"}, {SIGSTOP, "SIGSTOP"}, {SIGURG, "SIGURG"}, {SIGXCPU, "SIGXCPU"},
    {SIGXFSZ, "SIGXFSZ"}, {SIGVTALRM, "SIGVTALRM"}, {SIGPROF, "SIGPROF"}, {SIGWINCH, "SIGWINCH"},
    {SIGIO, "SIGIO"}, {SIGPWR, "SIGPWR"}, {SIGSYS, "SIGSYS"}, {40, "signal 40"},
    {64, "signal 64"},
};

int main(void)
{
    for (unsigned i = 0; i < sizeof SIGNALS / sizeof SIGNALS[0]; i++) {
        int ws;
        pid_t child = fork();
        if (child == 0) {
            raise(SIGNALS[i].sig);
            _exit(0);
        }
        waitpid(child, &ws, WUNTRACED);
        printf("%-10s ", SIGNALS[i].name);
        if (WIFSTOPPED(ws)) {
            printf("stops (by %d)", WSTOPSIG(ws));
            kill(child, SIGKILL);
            waitpid(child, &ws, 0);
            printf(", SIGKILL ends it: %d\n", WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL);
        } else if (WIFSIGNALED(ws)) {
            printf("terminates: signal %d\n", WTERMSIG(ws));
        } else {
            printf("is ignored: the child exits %d\n", WEXITSTATUS(ws));
        }
    }
    return 0;
}
