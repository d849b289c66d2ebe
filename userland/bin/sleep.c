/*
 * sleep - wait for a while.
 *
 *     sleep SECONDS...
 *
 * Waits for SECONDS (the sum of them, if there are several): a non-negative number, which may
 * have a fraction ("0.5", ".25"). ufos's clock is driven by the machine, so a sleep lasts the
 * emulated time, not necessarily the time on the wall.
 * Exit status: 0, or 1 for a bad argument.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

/* Add the time s to *t; -1 if s is not a number of seconds. */
static int add_time(struct timespec *t, const char *s)
{
    long seconds = 0, ns = 0, scale = 100000000;

    if (!isdigit((unsigned char)*s) && !(*s == '.' && isdigit((unsigned char)s[1])))
        return -1;
    for (; isdigit((unsigned char)*s); s++)
        seconds = seconds * 10 + (*s - '0');
    if (*s == '.')
        for (s++; isdigit((unsigned char)*s); s++, scale /= 10)
            ns += (*s - '0') * scale;
    if (*s != '\0')
        return -1;
    t->tv_sec += seconds;
    t->tv_nsec += ns;
    if (t->tv_nsec >= 1000000000) {
        t->tv_sec++;
        t->tv_nsec -= 1000000000;
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct timespec t = {0, 0};
    int i;

    if (argc < 2) {
        fprintf(stderr, "sleep: missing operand\nusage: sleep SECONDS...\n");
        return 1;
    }
    for (i = 1; i < argc; i++) {
        if (add_time(&t, argv[i]) < 0) {
            fprintf(stderr, "sleep: invalid time interval '%s'\n", argv[i]);
            return 1;
        }
    }
    while (nanosleep(&t, &t) < 0) {         /* a signal handler may cut it short: sleep on */
        if (errno != EINTR) {
            fprintf(stderr, "sleep: %s\n", strerror(errno));
            return 1;
        }
    }
    return 0;
}
