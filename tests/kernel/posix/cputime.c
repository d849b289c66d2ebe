/*
 * cputime - times and getrusage: the children's CPU time is that of the children waited for (and
 * of the children they waited for), added at the wait, never before.
 *
 *     cputime N      a child burns N loop iterations (enough for a clock tick of times: 10 ms)
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/times.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile long sink;

static void burn(long n)
{
    long i;

    for (i = 0; i < n; i++)
        sink += i;
}

static long usec(const struct timeval *tv)
{
    return tv->tv_sec * 1000000L + tv->tv_usec;
}

static long children_usec(void)
{
    struct rusage ru;

    getrusage(RUSAGE_CHILDREN, &ru);
    return usec(&ru.ru_utime) + usec(&ru.ru_stime);
}

/* A child that burns n iterations (in a grandchild it waits for, if nested) and exits when the
 * parent has read what it wrote to fd: its own CPU time, in microseconds, and its children's. */
static pid_t burner(long n, int nested, int fd)
{
    pid_t pid = fork();

    if (pid == 0) {
        struct rusage ru;
        long mine, theirs;

        if (nested) {
            pid_t g = fork();
            if (g == 0) {
                burn(n);
                _exit(0);
            }
            waitpid(g, NULL, 0);
        } else {
            burn(n);
        }
        getrusage(RUSAGE_SELF, &ru);
        mine = usec(&ru.ru_utime) + usec(&ru.ru_stime);
        theirs = children_usec();
        write(fd, &mine, sizeof mine);
        write(fd, &theirs, sizeof theirs);
        _exit(0);
    }
    return pid;
}

int main(int argc, char **argv)
{
    long n = argc > 1 ? atol(argv[1]) : 1000000, mine, theirs, before, after;
    struct tms t;
    int fds[2], status;
    char c;
    pid_t pid;

    printf("getrusage(RUSAGE_SELF) = %d\n", getrusage(RUSAGE_SELF, &(struct rusage){0}));
    printf("getrusage(RUSAGE_CHILDREN) = %d\n", getrusage(RUSAGE_CHILDREN, &(struct rusage){0}));
    printf("getrusage(42) = %d\n", getrusage(42, &(struct rusage){0}));
    printf("times = %d\n", times(&t) != (clock_t)-1);
    printf("no child waited for: children's time 0: %d, tms_cutime 0: %d\n", children_usec() == 0,
           t.tms_cutime == 0);

    pipe(fds);
    pid = burner(n, 0, fds[1]);
    read(fds[0], &mine, sizeof mine);
    read(fds[0], &theirs, sizeof theirs);
    close(fds[1]);
    read(fds[0], &c, 1);                      /* end of file: the child has ended */
    close(fds[0]);
    printf("the child used time: %d, and its children none: %d\n", mine > 0, theirs == 0);
    before = children_usec();
    times(&t);
    printf("ended but not waited for: children's time 0: %d, tms_cutime 0: %d\n", before == 0,
           t.tms_cutime == 0);
    waitpid(pid, &status, 0);
    after = children_usec();
    times(&t);
    printf("waited for: children's time is the child's: %d, tms_cutime counts it: %d\n",
           after >= mine, t.tms_cutime > 0);

    pipe(fds);
    pid = burner(n, 1, fds[1]);
    read(fds[0], &mine, sizeof mine);
    read(fds[0], &theirs, sizeof theirs);
    close(fds[1]);
    close(fds[0]);
    waitpid(pid, &status, 0);
    printf("the child waited for a grandchild that used time: %d\n", theirs > 0);
    printf("the grandchild's time reaches the parent: %d\n", children_usec() >= after + mine + theirs);
    return 0;
}
