/* The alarm clock: alarm and setitimer/getitimer (ITIMER_REAL). SIGALRM interrupts a blocking
 * read (EINTR) and wakes pause; an interval timer rings again; hostile arguments are EINVAL or
 * EFAULT; a fork's child starts without an alarm. Portable: Linux prints the same. */
#define _DEFAULT_SOURCE
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile sig_atomic_t rang;

static void on_alarm(int sig)
{
    (void)sig;
    rang++;
}

static void show(const char *what, int r)
{
    printf("%s = %d%s%s\n", what, r, r < 0 ? " " : "", r < 0 ? strerror(errno) : "");
}

static int set(long value_sec, long value_usec, long interval_sec, long interval_usec)
{
    struct itimerval t;

    t.it_value.tv_sec = value_sec;
    t.it_value.tv_usec = value_usec;
    t.it_interval.tv_sec = interval_sec;
    t.it_interval.tv_usec = interval_usec;
    return setitimer(ITIMER_REAL, &t, NULL);
}

int main(void)
{
    struct sigaction sa;
    struct itimerval now;
    int fds[2], status, i;
    char c;
    pid_t pid;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_alarm;               /* no SA_RESTART: a read it interrupts fails */
    sigaction(SIGALRM, &sa, NULL);

    getitimer(ITIMER_REAL, &now);
    printf("no alarm at first: %ld %ld\n", (long)now.it_value.tv_sec, (long)now.it_value.tv_usec);
    printf("alarm(5) = %u\n", alarm(5));
    printf("alarm(3) = %u (what was left)\n", alarm(3));
    getitimer(ITIMER_REAL, &now);
    printf("getitimer: %ld s left at most, interval %ld\n", (long)now.it_value.tv_sec + 1,
           (long)now.it_interval.tv_sec);
    printf("alarm(0) = %u\n", alarm(0));
    getitimer(ITIMER_REAL, &now);
    printf("cancelled: %ld %ld\n", (long)now.it_value.tv_sec, (long)now.it_value.tv_usec);

    pipe(fds);
    alarm(1);
    show("read of an empty pipe, alarm(1)", (int)read(fds[0], &c, 1));
    printf("SIGALRM handled %d time(s)\n", (int)rang);

    set(0, 100000, 0, 0);
    show("pause, alarm in 100 ms", pause());
    printf("SIGALRM handled %d time(s)\n", (int)rang);

    set(0, 20000, 0, 20000);
    for (i = 0; i < 3; i++)
        pause();
    printf("interval timer: handled %d time(s)\n", (int)rang);
    getitimer(ITIMER_REAL, &now);
    printf("interval %ld us, next within it %d\n", (long)now.it_interval.tv_usec,
           now.it_value.tv_sec == 0 && now.it_value.tv_usec <= 20000);
    set(0, 0, 0, 0);
    getitimer(ITIMER_REAL, &now);
    printf("stopped: %ld %ld\n", (long)now.it_value.tv_sec, (long)now.it_value.tv_usec);

    show("setitimer tv_usec 1000000", set(1, 1000000, 0, 0));
    show("setitimer negative", set(-1, 0, 0, 0));
    show("setitimer interval tv_usec -1", set(1, 0, 0, -1));
    now.it_value.tv_sec = 1;
    now.it_value.tv_usec = 0;
    show("setitimer ITIMER 7", setitimer(7, &now, NULL));
    show("getitimer ITIMER 7", getitimer(7, &now));
    show("setitimer bad new_value", setitimer(ITIMER_REAL, (struct itimerval *)1, NULL));
    show("getitimer bad pointer", getitimer(ITIMER_REAL, (struct itimerval *)1));
    show("setitimer huge", set(1L << 40, 0, 0, 0));
    getitimer(ITIMER_REAL, &now);
    printf("huge: more than 10^9 s left %d\n", now.it_value.tv_sec > 1000000000L);

    alarm(100);
    fflush(stdout);
    if ((pid = fork()) == 0) {
        getitimer(ITIMER_REAL, &now);
        printf("the child has no alarm: %ld\n", (long)now.it_value.tv_sec);
        fflush(stdout);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    printf("the parent keeps its own: %d\n", alarm(0) > 90);

    signal(SIGALRM, SIG_DFL);
    fflush(stdout);
    set(0, 1000, 0, 0);
    pause();
    printf("not reached\n");
    return 0;
}
