// expected: host
/* The clocks (POSIX <time.h>): clock_getres of each clock, clock_nanosleep for a while and until
 * a time (TIMER_ABSTIME) on the monotonic and real-time clocks, a CPU-time clock that advances
 * with work, and EINVAL for a clock that does not exist. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static long long ns(struct timespec t)
{
    return t.tv_sec * 1000000000LL + t.tv_nsec;
}

int main(void)
{
    static const clockid_t clocks[] = {CLOCK_REALTIME, CLOCK_MONOTONIC, CLOCK_PROCESS_CPUTIME_ID};
    struct timespec res, a, b, req;
    int r;

    for (unsigned i = 0; i < 3; i++) {
        r = clock_getres(clocks[i], &res);
        printf("clock_getres(%d): %d, at most a microsecond %d\n", (int)clocks[i], r,
               res.tv_sec == 0 && res.tv_nsec > 0 && res.tv_nsec <= 1000);
    }
    errno = 0;
    r = clock_getres(12345, &res);
    printf("no such clock: %d %s\n", r, strerror(errno));
    errno = 0;
    r = clock_gettime(12345, &a);
    printf("clock_gettime of no such clock: %d %s\n", r, strerror(errno));

    clock_gettime(CLOCK_MONOTONIC, &a);
    req.tv_sec = 0;
    req.tv_nsec = 30000000;
    r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("relative 30 ms: %d, slept at least that long %d\n", r, ns(b) - ns(a) >= 30000000);

    clock_gettime(CLOCK_MONOTONIC, &a);
    req.tv_sec = a.tv_sec;
    req.tv_nsec = a.tv_nsec + 20000000;
    if (req.tv_nsec >= 1000000000) {
        req.tv_sec++;
        req.tv_nsec -= 1000000000;
    }
    r = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &req, NULL);
    clock_gettime(CLOCK_MONOTONIC, &b);
    printf("absolute, 20 ms ahead: %d, woke at or after it %d\n", r, ns(b) >= ns(req));

    clock_gettime(CLOCK_REALTIME, &a);
    a.tv_sec -= 10;
    r = clock_nanosleep(CLOCK_REALTIME, TIMER_ABSTIME, &a, NULL);
    printf("absolute, in the past: %d\n", r);
    req.tv_nsec = 1000000000;
    r = clock_nanosleep(CLOCK_MONOTONIC, 0, &req, NULL);
    printf("tv_nsec out of range: %s\n", r == EINVAL ? "EINVAL" : "other");

    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
    volatile unsigned long sum = 0;
    for (unsigned long i = 0; i < 200000; i++)
        sum += i;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
    printf("CPU time advances with work: %d\n", ns(b) > ns(a));
    return 0;
}
