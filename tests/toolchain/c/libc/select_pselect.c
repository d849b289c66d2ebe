// expected: host
/* select and pselect (POSIX <sys/select.h>): the fd_set macros, readiness of pipes for reading
 * and writing, end of file, a timeout, a closed descriptor (EBADF), a bad nfds (EINVAL), a
 * signal interrupting the wait (EINTR), and pselect's mask letting a blocked signal in only
 * while it waits. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/select.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t got;

static void on_usr1(int sig)
{
    got = sig;
}

static void show(const char *what, int r, fd_set *rd, fd_set *wr, int a, int b)
{
    printf("%s: %d", what, r);
    if (r < 0)
        printf(" %s", strerror(errno));
    else
        printf(" read[%d %d] write[%d %d]", FD_ISSET(a, rd), FD_ISSET(b, rd), FD_ISSET(a, wr),
               FD_ISSET(b, wr));
    printf("\n");
}

int main(void)
{
    fd_set rd, wr, ex;
    int p[2], r;
    struct timeval tv;

    printf("FD_SETSIZE >= 1024: %d\n", FD_SETSIZE >= 1024);
    FD_ZERO(&rd);
    FD_SET(3, &rd);
    FD_SET(1000, &rd);
    printf("FD_ISSET: %d %d %d\n", FD_ISSET(3, &rd), FD_ISSET(4, &rd), FD_ISSET(1000, &rd));
    FD_CLR(3, &rd);
    printf("after FD_CLR: %d\n", FD_ISSET(3, &rd));

    pipe(p);
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    tv.tv_sec = 0;
    tv.tv_usec = 0;
    r = select(p[1] + 1, &rd, &wr, NULL, &tv);
    show("empty pipe, poll", r, &rd, &wr, p[0], p[1]);

    write(p[1], "x", 1);
    FD_ZERO(&rd);
    FD_ZERO(&wr);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &wr);
    r = select(p[1] + 1, &rd, &wr, NULL, NULL);
    show("one byte", r, &rd, &wr, p[0], p[1]);

    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    FD_SET(p[1], &rd);
    FD_ZERO(&wr);
    FD_SET(p[1], &wr);
    r = select(p[1] + 1, &rd, &wr, NULL, NULL);
    show("both sets for the write end", r, &rd, &wr, p[0], p[1]);

    char c;
    read(p[0], &c, 1);
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    tv.tv_sec = 0;
    tv.tv_usec = 200000;
    r = select(p[0] + 1, &rd, NULL, NULL, &tv);
    printf("timeout: %d, the set is cleared %d, the time left %ld.%06ld\n", r, !FD_ISSET(p[0], &rd),
           (long)tv.tv_sec, (long)tv.tv_usec);

    close(p[1]);
    FD_ZERO(&rd);
    FD_SET(p[0], &rd);
    r = select(p[0] + 1, &rd, NULL, NULL, NULL);
    printf("end of file is readable: %d %d\n", r, FD_ISSET(p[0], &rd));

    FD_ZERO(&rd);
    FD_SET(p[1], &rd);
    errno = 0;
    r = select(p[1] + 1, &rd, NULL, NULL, NULL);
    printf("a closed descriptor: %d %s\n", r, strerror(errno));
    errno = 0;
    r = select(-1, NULL, NULL, NULL, NULL);
    printf("nfds -1: %d %s\n", r, strerror(errno));
    FD_ZERO(&ex);
    FD_SET(p[0], &ex);
    tv.tv_sec = 0;
    tv.tv_usec = 0;
    r = select(p[0] + 1, NULL, NULL, &ex, &tv);
    printf("nothing exceptional on a pipe: %d\n", r);
    r = select(0, NULL, NULL, NULL, &tv);
    printf("no descriptors, no time: %d\n", r);
    close(p[0]);

    /* a signal interrupts select; pselect lets a blocked one in only while it waits */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    pid_t child = fork();
    if (child == 0) {
        usleep(100000);
        kill(getppid(), SIGUSR1);
        _exit(0);
    }
    errno = 0;
    r = select(0, NULL, NULL, NULL, NULL);
    printf("select interrupted: %d %s, handler ran %d\n", r, strerror(errno), got == SIGUSR1);
    waitpid(child, NULL, 0);

    sigset_t block, empty;
    sigemptyset(&block);
    sigaddset(&block, SIGUSR1);
    sigprocmask(SIG_BLOCK, &block, NULL);
    got = 0;
    raise(SIGUSR1);
    printf("blocked: handler ran %d\n", got != 0);
    sigemptyset(&empty);
    errno = 0;
    r = pselect(0, NULL, NULL, NULL, NULL, &empty);
    sigset_t now;
    sigprocmask(SIG_BLOCK, NULL, &now);
    printf("pselect with an empty mask: %d %s, handler ran %d, blocked again %d\n", r,
           strerror(errno), got == SIGUSR1, sigismember(&now, SIGUSR1));
    struct timespec ts = {0, 1000000};
    r = pselect(0, NULL, NULL, NULL, &ts, &empty);
    printf("pselect timeout: %d\n", r);
    return 0;
}
