// The default action of SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV, SIGXCPU,
// SIGXFSZ and SIGSYS is "terminate with a core" (POSIX <signal.h>), which wait's status reports
// with WCOREDUMP; the other terminating signals do not set it. ufos writes no core file but
// reports the dump its default action calls for; on Linux the same holds with `ulimit -c
// unlimited` (with RLIMIT_CORE 0, the default, no core is made and WCOREDUMP stays 0). abort()
// dumps even when SIGABRT is caught or blocked.
#define _XOPEN_SOURCE 700
#define _DEFAULT_SOURCE         /* WCOREDUMP (not in POSIX) */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const int SIGNALS[] = {SIGHUP, SIGQUIT, SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV,
                              SIGTERM, SIGXCPU, SIGXFSZ, SIGSYS, SIGKILL, SIGUSR1};

static void on_abrt(int sig)
{
    write(1, "the SIGABRT handler ran\n", 24);
}

static void report(const char *what, int ws)
{
    printf("%-24s signal %2d, core dumped %d\n", what, WIFSIGNALED(ws) ? WTERMSIG(ws) : 0,
           WIFSIGNALED(ws) && WCOREDUMP(ws) ? 1 : 0);
}

int main(void)
{
    int ws;
    for (unsigned i = 0; i < sizeof SIGNALS / sizeof SIGNALS[0]; i++) {
        if (fork() == 0) {
            raise(SIGNALS[i]);
            _exit(0);
        }
        wait(&ws);
        report("raise:", ws);
    }
    fflush(stdout);
    if (fork() == 0) {
        signal(SIGABRT, on_abrt);
        abort();
    }
    wait(&ws);
    report("abort() with a handler:", ws);
    if (fork() == 0) {
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, SIGABRT);
        sigprocmask(SIG_BLOCK, &set, NULL);
        abort();
    }
    wait(&ws);
    report("abort() blocked:", ws);
    return 0;
}
