/*
 * xargs - build command lines from standard input and run them.
 *
 *     xargs [-n N] [-r] [COMMAND [ARG...]]
 *
 * Reads arguments from standard input, separated by blanks and newlines ('single' and
 * "double" quotes keep blanks in an argument, a backslash escapes the next character), and runs
 * COMMAND ARG... with them appended (default COMMAND: echo). All the arguments go to one run
 * of COMMAND, or at most N per run with -n N (then COMMAND runs as many times as needed).
 * With no input COMMAND still runs once, without extra arguments, unless -r.
 * Each run is a fork, an execvp in the child (COMMAND is looked up in PATH), and a waitpid.
 * Exit status: 0; 123 if a run exited with 1-125; 124 if one exited with 255; 125 if one was
 * killed by a signal (xargs stops at these two); 126 if COMMAND cannot be run, 127 if it is
 * not found; 1 on bad options or input.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

// BEGIN SOLUTION util
#define MAX_ARGS 4096

static char *args[MAX_ARGS + 1];     /* the command, its fixed ARGs, then those read */
static int nfixed;

/* Read the next argument from stdin (malloc'd); NULL at the end of the input. */
static char *next_arg(void)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int c, quote = 0, have = 0;

    while ((c = getchar()) != EOF && isspace(c))
        ;
    for (; c != EOF; c = getchar()) {
        if (quote) {
            if (c == quote) {
                quote = 0;
                continue;
            }
            if (c == '\n') {
                fprintf(stderr, "xargs: unmatched %s quote\n", quote == '\'' ? "single" : "double");
                exit(1);
            }
        } else if (isspace(c)) {
            break;
        } else if (c == '\'' || c == '"') {
            quote = c;
            have = 1;
            continue;
        } else if (c == '\\') {
            if ((c = getchar()) == EOF)
                break;
        }
        if (len + 2 > cap) {
            cap = cap ? 2 * cap : 32;
            if ((buf = realloc(buf, cap)) == NULL) {
                fprintf(stderr, "xargs: out of memory\n");
                exit(1);
            }
        }
        buf[len++] = (char)c;
        have = 1;
    }
    if (quote) {
        fprintf(stderr, "xargs: unmatched %s quote\n", quote == '\'' ? "single" : "double");
        exit(1);
    }
    if (!have)
        return NULL;
    if (buf == NULL)
        buf = malloc(1);        /* '' : an empty argument */
    buf[len] = '\0';
    return buf;
}

/* Run args[0..n) and wait for it. Returns xargs's status for it (0 if it went well). */
static int run(int n)
{
    int wstatus, e;
    pid_t pid;

    args[n] = NULL;
    fflush(stdout);
    if ((pid = fork()) < 0) {
        fprintf(stderr, "xargs: cannot fork: %s\n", strerror(errno));
        return 125;
    }
    if (pid == 0) {
        execvp(args[0], args);
        e = errno;
        fprintf(stderr, "xargs: %s: %s\n", args[0], strerror(e));
        _exit(e == ENOENT ? 127 : 126);
    }
    if (waitpid(pid, &wstatus, 0) < 0) {
        fprintf(stderr, "xargs: waitpid: %s\n", strerror(errno));
        return 125;
    }
    if (WIFSIGNALED(wstatus)) {
        fprintf(stderr, "xargs: %s: terminated by signal %d\n", args[0], WTERMSIG(wstatus));
        return 125;
    }
    switch (WEXITSTATUS(wstatus)) {
    case 0: return 0;
    case 126: return 126;
    case 127: return 127;
    case 255:
        fprintf(stderr, "xargs: %s: exited with status 255; aborting\n", args[0]);
        return 124;
    default: return 123;
    }
}

int main(int argc, char **argv)
{
    long per_run = MAX_ARGS;
    int c, n, status = 0, ran = 0, no_empty_run = 0;
    char *arg, *end;

    while ((c = getopt(argc, argv, "+n:r")) != -1) {
        switch (c) {
        case 'n':
            per_run = strtol(optarg, &end, 10);
            if (*end != '\0' || per_run < 1) {
                fprintf(stderr, "xargs: invalid number for -n: '%s'\n", optarg);
                return 1;
            }
            break;
        case 'r':
            no_empty_run = 1;
            break;
        default:
            fprintf(stderr, "usage: xargs [-n N] [-r] [COMMAND [ARG...]]\n");
            return 1;
        }
    }
    if (optind == argc)
        args[nfixed++] = "echo";
    for (; optind < argc; optind++) {
        if (nfixed == MAX_ARGS / 2) {
            fprintf(stderr, "xargs: too many arguments\n");
            return 1;
        }
        args[nfixed++] = argv[optind];
    }
    if (per_run > MAX_ARGS - nfixed)
        per_run = MAX_ARGS - nfixed;

    n = nfixed;
    while ((arg = next_arg()) != NULL) {
        args[n++] = arg;
        if (n - nfixed == per_run) {
            int s = run(n);
            ran = 1;
            while (n > nfixed)
                free(args[--n]);
            if (s > status)
                status = s;
            if (s >= 124)       /* 124..127: stop now */
                return s;
        }
    }
    if (n > nfixed || (!ran && !no_empty_run)) {
        int s = run(n);
        if (s > status)
            status = s;
    }
    return status;
}
// STUB
// int main(int argc, char **argv)
// {
//     /* Lab util: your xargs goes here (labs/util/README.md says what it does). */
//     fprintf(stderr, "xargs: not written yet\n");
//     return 1;
// }
// END SOLUTION
