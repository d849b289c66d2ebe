/*
 * timeout - runs a command, and signals it if it still runs after a time: GNU's timeout.
 *
 *     timeout [-s SIGNAL] [-k DURATION] [--preserve-status] [-v] DURATION COMMAND [ARG...]
 *
 * A DURATION is a number, maybe with a fraction, and a unit: s (seconds, the default), m, h or d;
 * 0 is no time limit. When DURATION passes, timeout sends the command SIGNAL (TERM).
 *   -s SIGNAL, --signal=SIGNAL     another signal: a name (KILL, SIGKILL) or a number
 *   -k DURATION, --kill-after=DURATION   if the command still runs DURATION after the signal,
 *                                  send it KILL
 *   --preserve-status              exit with the command's status even when it timed out
 *   -v, --verbose                  say on standard error which signal it sends
 *   --foreground                   accepted, as GNU's (timeout never signals more than the command)
 * The signals timeout itself gets (HUP, INT, QUIT, TERM) are passed on to the command.
 * Exit status: 124 if the command timed out (137 if it had to be KILLed); 125 if timeout itself
 * failed; 126 if COMMAND could not be run, 127 if it was not found; otherwise the command's
 * (a command killed by a signal kills timeout with the same signal, so the shell sees 128+N).
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROGRAM "timeout"
#include "run.h"

enum { EXIT_TIMEDOUT = 124 };

static volatile sig_atomic_t timed_out;
static pid_t child;
static int term_signal = SIGTERM;           /* what to send when the time is up */
static double kill_after;                   /* -k: then KILL this much later; 0: never */
static int verbose;
static const char *command;                 /* its name, for -v */

static void usage_error(void)
{
    fprintf(stderr, "Try 'timeout --help' for more information.\n");
    exit(EXIT_CANCELED);
}

/* "2.5", "10s", "1m", "1h", "1d": seconds, or GNU's message */
static double duration(const char *s)
{
    char *end;
    double d = strtod(s, &end);

    if (end != s && *end != '\0' && end[1] == '\0') {
        switch (*end) {
        case 's': end++; break;
        case 'm': d *= 60, end++; break;
        case 'h': d *= 60 * 60, end++; break;
        case 'd': d *= 60 * 60 * 24, end++; break;
        }
    }
    if (end == s || *end != '\0' || !(d >= 0)) {
        fprintf(stderr, "timeout: invalid time interval '%s'\n", s);
        usage_error();
    }
    return d;
}

/* the signals -s knows by name (libc has no str2sig) */
static const struct { const char *name; int number; } signals[] = {
    { "HUP", SIGHUP }, { "INT", SIGINT }, { "QUIT", SIGQUIT }, { "ILL", SIGILL },
    { "TRAP", SIGTRAP }, { "ABRT", SIGABRT }, { "BUS", SIGBUS }, { "FPE", SIGFPE },
    { "KILL", SIGKILL }, { "USR1", SIGUSR1 }, { "SEGV", SIGSEGV }, { "USR2", SIGUSR2 },
    { "PIPE", SIGPIPE }, { "ALRM", SIGALRM }, { "TERM", SIGTERM }, { "CHLD", SIGCHLD },
    { "CONT", SIGCONT }, { "STOP", SIGSTOP }, { "TSTP", SIGTSTP }, { "TTIN", SIGTTIN },
    { "TTOU", SIGTTOU }, { "URG", SIGURG }, { "WINCH", SIGWINCH }, { "SYS", SIGSYS },
};

/* -s SIGNAL: a number or a name, with or without SIG (as GNU's, in capitals) */
static int signal_named(const char *s)
{
    const char *name = strncmp(s, "SIG", 3) == 0 ? s + 3 : s;
    char *end;
    long n = strtol(s, &end, 10);

    if (end != s && *end == '\0' && n > 0 && n < NSIG)
        return (int)n;
    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++)
        if (strcmp(name, signals[i].name) == 0)
            return signals[i].number;
    fprintf(stderr, "timeout: '%s': invalid signal\n", s);
    usage_error();
    return 0;
}

static const char *signal_name(int sig)
{
    static char number[12];

    for (size_t i = 0; i < sizeof signals / sizeof *signals; i++)
        if (signals[i].number == sig)
            return signals[i].name;
    snprintf(number, sizeof number, "%d", sig);
    return number;
}

/* the alarm clock, once, after seconds (the smallest interval rather than none for a tiny one) */
static void set_alarm(double seconds)
{
    struct itimerval t = { { 0, 0 }, { 0, 0 } };

    t.it_value.tv_sec = (time_t)seconds;
    t.it_value.tv_usec = (suseconds_t)((seconds - (double)t.it_value.tv_sec) * 1e6);
    if (t.it_value.tv_sec == 0 && t.it_value.tv_usec == 0)
        t.it_value.tv_usec = 1;
    setitimer(ITIMER_REAL, &t, NULL);
}

/* SIGALRM: the time is up, send the signal (and arm the KILL of -k); another signal timeout
 * gets is passed on to the command */
static void on_signal(int sig)
{
    if (sig == SIGALRM) {
        timed_out = 1;
        sig = term_signal;
    }
    if (verbose)
        fprintf(stderr, "timeout: sending signal %s to command '%s'\n", signal_name(sig), command);
    kill(child, sig);
    if (sig != SIGKILL && sig != SIGCONT)
        kill(child, SIGCONT);                       /* a stopped command would never see it */
    if (kill_after > 0) {
        term_signal = SIGKILL;
        set_alarm(kill_after);
        kill_after = 0;
    }
}

static void catch_signals(void)
{
    static const int caught[] = { SIGALRM, SIGHUP, SIGINT, SIGQUIT, SIGTERM };
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;                      /* no SA_RESTART: waitpid returns EINTR */
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof caught / sizeof *caught; i++)
        sigaction(caught[i], &sa, NULL);
}

/* the command's end as timeout's exit status (dying of the command's signal, as GNU's does) */
static int command_status(int status, int preserve_status)
{
    if (WIFSIGNALED(status)) {
        int sig = WTERMSIG(status);

        if (!timed_out) {
            signal(sig, SIG_DFL);
            raise(sig);
        }
        if (sig == SIGKILL)                         /* KILLed: 137 tells it from a plain 124 */
            preserve_status = 1;
        status = 128 + sig;
    } else {
        status = WEXITSTATUS(status);
    }
    return timed_out && !preserve_status ? EXIT_TIMEDOUT : status;
}

int main(int argc, char **argv)
{
    enum { PRESERVE = 256, FOREGROUND };
    static const struct option longopts[] = {
        { "signal", required_argument, NULL, 's' }, { "kill-after", required_argument, NULL, 'k' },
        { "verbose", no_argument, NULL, 'v' }, { "preserve-status", no_argument, NULL, PRESERVE },
        { "foreground", no_argument, NULL, FOREGROUND }, { NULL, 0, NULL, 0 },
    };
    int preserve_status = 0, c, status;
    double limit;

    /* "+": the options end at DURATION; the command's own follow it */
    while ((c = getopt_long(argc, argv, "+s:k:v", longopts, NULL)) != -1) {
        switch (c) {
        case 's': term_signal = signal_named(optarg); break;
        case 'k': kill_after = duration(optarg); break;
        case 'v': verbose = 1; break;
        case PRESERVE: preserve_status = 1; break;
        case FOREGROUND: break;
        default: usage_error();
        }
    }
    if (argc - optind < 2)
        usage_error();
    limit = duration(argv[optind]);
    command = argv[optind + 1];
    catch_signals();
    if ((child = fork()) < 0) {
        fprintf(stderr, "timeout: fork system call failed: %s\n", strerror(errno));
        return EXIT_CANCELED;
    }
    if (child == 0) {
        signal(SIGALRM, SIG_DFL);
        exec_command(argv + optind + 1, "failed to run command ");
    }
    if (limit > 0)
        set_alarm(limit);
    while (waitpid(child, &status, 0) < 0) {
        if (errno != EINTR) {
            fprintf(stderr, "timeout: error waiting for command: %s\n", strerror(errno));
            return EXIT_CANCELED;
        }
    }
    return command_status(status, preserve_status);
}
