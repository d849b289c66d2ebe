/*
 * init - the first μprocess (pid 1): it starts the shell on the console and keeps one running.
 *
 * The kernel has already mounted /dev, /proc and /host, and gives init the console as its
 * descriptors 0, 1 and 2. init shows /etc/motd, then starts a login shell ("-sh": Ctrl-D at its
 * prompt powers the machine off) and waits. Every μprocess whose parent exits becomes init's
 * child, so init's wait() also reaps those orphans. When the shell exits (`exit`), init starts
 * a new one - unless the console is not a terminal: then the input has run out, and init powers
 * the machine off.
 *
 * Ctrl-C, Ctrl-\ and Ctrl-Z go to the console's foreground process group, which is init's until
 * the shell takes the console: init ignores them, and puts them back for the shell.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const int keyboard_signals[] = { SIGINT, SIGQUIT, SIGTSTP };

static void keyboard_signals_to(sighandler_t action)
{
    size_t i;

    for (i = 0; i < sizeof keyboard_signals / sizeof keyboard_signals[0]; i++)
        signal(keyboard_signals[i], action);
}

static void show_motd(void)
{
    char buf[512];
    ssize_t n;
    int fd = open("/etc/motd", O_RDONLY);

    if (fd < 0)
        return;
    while ((n = read(fd, buf, sizeof buf)) > 0)
        write(1, buf, (size_t)n);
    close(fd);
}

/* fork and exec the login shell; if there is no shell to run, nothing can work: halt. */
static pid_t start_shell(void)
{
    char *argv[] = { "-sh", NULL };
    pid_t pid = fork();

    if (pid < 0) {
        perror("init: fork");
        reboot(RB_HALT_SYSTEM);
    }
    if (pid == 0) {
        keyboard_signals_to(SIG_DFL);
        execv("/bin/sh", argv);
        perror("init: /bin/sh");
        reboot(RB_HALT_SYSTEM);
    }
    return pid;
}

int main(void)
{
    pid_t shell, pid;
    int status;

    keyboard_signals_to(SIG_IGN);
    if (isatty(0))
        show_motd();
    shell = start_shell();
    for (;;) {
        pid = wait(&status);
        if (pid < 0 && errno != EINTR) {
            perror("init: wait");
            reboot(RB_HALT_SYSTEM);
        }
        if (pid != shell)
            continue;                       /* an orphan, reaped */
        if (!isatty(0))
            reboot(RB_POWER_OFF);
        shell = start_shell();
    }
}
