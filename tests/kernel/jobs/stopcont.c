/*
 * stopcont - job control seen by a parent: its child is stopped, reported by waitpid with
 * WUNTRACED, continued, reported with WCONTINUED, and finally exits.
 *
 *     stopcont kill       the parent stops the child itself (kill SIGSTOP)
 *     stopcont terminal   the terminal stops it: the test presses Ctrl-Z (SIGTSTP to the
 *                         foreground group; the parent ignores SIGTSTP, as a shell does)
 *     stopcont blocked    the child blocks SIGTSTP: it stops only when it unblocks it
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static volatile int sigchlds;

static void on_sigchld(int sig)
{
    (void)sig;
    sigchlds++;
}

static void show(const char *what, pid_t r, int status)
{
    if (r <= 0)
        printf("%s: waitpid = %d\n", what, (int)r);
    else if (WIFSTOPPED(status))
        printf("%s: stopped by %s\n", what, strsignal(WSTOPSIG(status)));
    else if (WIFCONTINUED(status))
        printf("%s: continued\n", what);
    else if (WIFEXITED(status))
        printf("%s: exited %d\n", what, WEXITSTATUS(status));
    else
        printf("%s: killed by %s\n", what, strsignal(WTERMSIG(status)));
}

static void child(const char *mode)
{
    struct timespec t = {0, 50000000};
    sigset_t set;
    int r;

    signal(SIGTSTP, SIG_DFL);
    sigemptyset(&set);
    sigaddset(&set, SIGTSTP);
    if (strcmp(mode, "blocked") == 0) {
        sigprocmask(SIG_BLOCK, &set, NULL);
        kill(getpid(), SIGTSTP);
        printf("child: SIGTSTP is blocked, still running\n");
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        printf("child: continued after unblocking\n");
    }
    r = nanosleep(&t, NULL);
    printf("child: nanosleep = %d\n", r);
    _exit(3);
}

int main(int argc, char **argv)
{
    pid_t pid;
    int status;

    if (argc != 2)
        return 2;
    setvbuf(stdout, NULL, _IONBF, 0);
    signal(SIGTSTP, SIG_IGN);
    signal(SIGCHLD, on_sigchld);
    pid = fork();
    if (pid == 0)
        child(argv[1]);
    if (strcmp(argv[1], "kill") == 0)
        kill(pid, SIGSTOP);
    show("WNOHANG without WUNTRACED", waitpid(pid, &status, WNOHANG), status);
    show("WUNTRACED", waitpid(pid, &status, WUNTRACED), status);
    show("again", waitpid(pid, &status, WUNTRACED | WNOHANG), status);
    kill(pid, SIGCONT);
    show("WCONTINUED", waitpid(pid, &status, WCONTINUED), status);
    show("wait", waitpid(pid, &status, 0), status);
    printf("SIGCHLDs: %d\n", sigchlds);
    return 0;
}
