/*
 * kill - send a signal to processes.
 *
 *     kill [-s NAME | -NAME | -N] PID...
 *     kill -l [N]
 *
 * Sends the signal (default TERM) to each PID. The signal is given by number (-9) or name,
 * with or without "SIG" (-KILL, -SIGKILL, -s INT). kill -l lists the signal names; kill -l N
 * prints the name of signal N (or of the signal that ended a process with status N > 128).
 * Exit status: 0, or 1 if a signal could not be sent or an argument was bad.
 */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    int number;
} signals[] = {
    {"HUP", SIGHUP}, {"INT", SIGINT}, {"QUIT", SIGQUIT}, {"ILL", SIGILL}, {"TRAP", SIGTRAP},
    {"ABRT", SIGABRT}, {"BUS", SIGBUS}, {"FPE", SIGFPE}, {"KILL", SIGKILL}, {"USR1", SIGUSR1},
    {"SEGV", SIGSEGV}, {"USR2", SIGUSR2}, {"PIPE", SIGPIPE}, {"ALRM", SIGALRM},
    {"TERM", SIGTERM}, {"CHLD", SIGCHLD}, {"CONT", SIGCONT}, {"STOP", SIGSTOP},
    {"TSTP", SIGTSTP}, {"TTIN", SIGTTIN}, {"TTOU", SIGTTOU}, {"URG", SIGURG},
    {"WINCH", SIGWINCH}, {"SYS", SIGSYS}, {"PROT", SIGPROT},
};
#define NSIGNALS (int)(sizeof signals / sizeof signals[0])

static void usage(void)
{
    fprintf(stderr, "usage: kill [-s NAME | -NAME | -N] PID...\n       kill -l [N]\n");
    exit(1);
}

/* A signal by number or name; -1 if there is no such signal. */
static int parse_signal(const char *s)
{
    char *end;
    int i;

    if (isdigit((unsigned char)*s)) {
        long n = strtol(s, &end, 10);
        return *end == '\0' && n >= 0 && n < NSIG ? (int)n : -1;
    }
    if (strncasecmp(s, "SIG", 3) == 0)
        s += 3;
    for (i = 0; i < NSIGNALS; i++)
        if (strcasecmp(s, signals[i].name) == 0)
            return signals[i].number;
    return -1;
}

static int list(const char *arg)
{
    int i;

    if (arg == NULL) {
        for (i = 0; i < NSIGNALS; i++)
            printf("%s%c", signals[i].name, i + 1 < NSIGNALS ? ' ' : '\n');
        return 0;
    }
    i = atoi(arg);
    if (i > 128)
        i -= 128;
    for (int k = 0; k < NSIGNALS; k++) {
        if (signals[k].number == i && isdigit((unsigned char)*arg)) {
            puts(signals[k].name);
            return 0;
        }
    }
    fprintf(stderr, "kill: unknown signal: %s\n", arg);
    return 1;
}

int main(int argc, char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;

    if (argc > 1 && strcmp(argv[1], "-l") == 0)
        return list(argc > 2 ? argv[2] : NULL);
    if (i < argc && strcmp(argv[i], "-s") == 0) {
        if (i + 1 >= argc)
            usage();
        sig = parse_signal(argv[i + 1]);
        if (sig < 0) {
            fprintf(stderr, "kill: unknown signal: %s\n", argv[i + 1]);
            return 1;
        }
        i += 2;
    } else if (i < argc && argv[i][0] == '-' && strcmp(argv[i], "--") != 0 && argv[i][1] != '\0') {
        sig = parse_signal(argv[i] + 1);
        if (sig < 0) {
            fprintf(stderr, "kill: unknown signal: %s\n", argv[i] + 1);
            return 1;
        }
        i++;
    }
    if (i < argc && strcmp(argv[i], "--") == 0)
        i++;
    if (i == argc)
        usage();
    for (; i < argc; i++) {
        char *end;
        long pid = strtol(argv[i], &end, 10);
        if (end == argv[i] || *end != '\0') {
            fprintf(stderr, "kill: not a process id: '%s'\n", argv[i]);
            status = 1;
        } else if (kill((pid_t)pid, sig) < 0) {
            fprintf(stderr, "kill: (%ld): %s\n", pid, strerror(errno));
            status = 1;
        }
    }
    return status;
}
