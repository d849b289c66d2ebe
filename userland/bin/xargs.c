/*
 * xargs - build command lines from standard input and run them.
 *
 *     xargs [-0rtpx] [-n N | -L N | -I REPLSTR] [-d DELIM] [-s SIZE] [COMMAND [ARG...]]
 *
 * Reads arguments from standard input, separated by blanks and newlines ('single' and
 * "double" quotes keep blanks in an argument, a backslash escapes the next character), and runs
 * COMMAND ARG... with them appended (default COMMAND: echo). All the arguments go to one run
 * of COMMAND, or to as many runs as the limits below ask for, in order.
 * With no input COMMAND still runs once, without extra arguments, unless -r.
 *
 *     -n N   at most N arguments per run
 *     -L N   the arguments of at most N lines per run (a line that ends with a blank goes on
 *            on the next one)
 *     -I REPLSTR  one run per line, the whole line (without its leading blanks) the argument:
 *            every REPLSTR in COMMAND and ARGs is replaced by it, nothing is appended
 *            (-n, -L and -I: the last one given counts; -n after -I keeps -I, as GNU's)
 *     -0     arguments end with a NUL byte, and quotes and backslashes are ordinary: for
 *            find -print0. -d DELIM: they end with DELIM (a character, or an escape: \n \t
 *            \0 \x41 \101), and quotes are ordinary too
 *     -s SIZE  a run's arguments (the command's too, each counted with its NUL) take at most
 *            SIZE bytes (default 131072); -x: exit if the -n or -L arguments would not fit
 *     -t     print each command (quoted for the shell where needed) on stderr before it runs
 *     -p     ask on stderr before each run; it runs if the answer (from /dev/tty) starts with y
 *     -r     no run at all without input
 *
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
static int delimiter = -1;           /* -0, -d; -1: blanks and newlines, with quotes */
static const char *replace;          /* -I */
static int trace, prompt;            /* -t, -p */

static void *xrealloc(void *p, size_t size)
{
    if ((p = realloc(p, size)) == NULL) {
        fprintf(stderr, "xargs: out of memory\n");
        exit(1);
    }
    return p;
}

/* Add c to the growing string buf (with room left for its NUL). */
static void append(char **buf, size_t *len, size_t *cap, int c)
{
    if (*len + 2 > *cap)
        *buf = xrealloc(*buf, *cap = *cap ? 2 * *cap : 32);
    (*buf)[(*len)++] = (char)c;
}

/* -0, -d: the next argument, up to the delimiter; NULL at the end of the input. */
static char *next_delimited(void)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int c;

    while ((c = getchar()) != EOF && c != delimiter)
        append(&buf, &len, &cap, c);
    if (c == EOF && len == 0)
        return NULL;
    append(&buf, &len, &cap, '\0');
    return buf;
}

static void unmatched(int quote)
{
    fprintf(stderr, "xargs: unmatched %s quote; by default quotes are special to xargs unless you use "
                    "the -0 option\n", quote == '\'' ? "single" : "double");
    exit(1);
}

/* The next argument from stdin (malloc'd); NULL at the end of the input. *line_ends: whether a
   newline (or the end) ends it, not a blank: -L counts these lines. With -I only newlines
   separate arguments (a line's leading blanks are dropped). */
static char *next_arg(int *line_ends)
{
    char *buf = NULL;
    size_t len = 0, cap = 0;
    int c, quote = 0, have = 0;

    *line_ends = 1;
    if (delimiter >= 0)
        return next_delimited();
    while ((c = getchar()) != EOF && isspace(c))
        ;
    for (; c != EOF; c = getchar()) {
        if (quote) {
            if (c == quote) {
                quote = 0;
                continue;
            }
            if (c == '\n')
                unmatched(quote);
        } else if (c == '\n' || (isspace(c) && replace == NULL)) {
            *line_ends = c == '\n';
            break;
        } else if (c == '\'' || c == '"') {
            quote = c;
            have = 1;
            continue;
        } else if (c == '\\') {
            if ((c = getchar()) == EOF)
                break;
        }
        append(&buf, &len, &cap, c);
        have = 1;
    }
    if (quote)
        unmatched(quote);
    if (!have)
        return NULL;
    append(&buf, &len, &cap, '\0');     /* '' : an empty argument */
    return buf;
}

static const char controls[] = "\a\b\f\n\r\t\v", control_letters[] = "abfnrtv";

static int is_control(unsigned char c)
{
    return !isprint(c) || c > 126;
}

/* -t: an argument as the shell would need it, as GNU's (gnulib's shell-escape quoting): as it
   is if nothing in it is special; in "..." if it has a ' and nothing special between double
   quotes; else in '...', a ' as '\'', a control byte as $'\t' or $'\ooo'. */
static void print_quoted(const char *s)
{
    const unsigned char *p;
    const char *e;
    int special = *s == '\0' || *s == '#' || *s == '~', single = 0, in_double = 1, in_dollar = 0;

    for (p = (const unsigned char *)s; *p != '\0'; p++) {
        single |= *p == '\'';
        special |= strchr("!\"$&()*;<=>?[\\^`| ", *p) != NULL || is_control(*p);
        in_double &= strchr("\"$`\\!", *p) == NULL && !is_control(*p);
    }
    if (!special && !single) {
        fputs(s, stderr);
        return;
    }
    if (single && in_double) {
        fprintf(stderr, "\"%s\"", s);
        return;
    }
    fputc('\'', stderr);
    for (p = (const unsigned char *)s; *p != '\0'; p++) {
        if (is_control(*p) != in_dollar)            /* close the quotes, open the others */
            fputs(in_dollar ? "''" : "'$'", stderr);
        in_dollar = is_control(*p);
        if (in_dollar && (e = strchr(controls, *p)) != NULL)
            fprintf(stderr, "\\%c", control_letters[e - controls]);
        else if (in_dollar)
            fprintf(stderr, "\\%03o", *p);
        else if (*p == '\'')
            fputs("'\\''", stderr);
        else
            fputc(*p, stderr);
    }
    fputc('\'', stderr);
}

/* -t and -p: the command on stderr; with -p, ask. Returns whether to run it. */
static int announce(int n)
{
    char answer[64];
    FILE *tty;
    int i, yes;

    for (i = 0; i < n; i++) {
        if (i > 0)
            fputc(' ', stderr);
        print_quoted(args[i]);
    }
    if (!prompt) {
        fputc('\n', stderr);
        return 1;
    }
    fputs(" ?...", stderr);
    fflush(stderr);
    if ((tty = fopen("/dev/tty", "r")) == NULL) {
        fprintf(stderr, "xargs: failed to open /dev/tty for reading: %s\n", strerror(errno));
        exit(1);
    }
    yes = fgets(answer, sizeof answer, tty) != NULL && (answer[0] == 'y' || answer[0] == 'Y');
    fclose(tty);
    return yes;
}

/* The run being built: args[0..nargs), which take batch_size bytes (each with its NUL) and
   come from batch_lines lines (-L). */
static int nargs;
static size_t fixed_size, batch_size;
static long batch_lines;
static int status, ran;

/* Run args[0..n) and wait for it. Returns xargs's status for it (0 if it went well). */
static int run(int n)
{
    int wstatus, e;
    pid_t pid;

    args[n] = NULL;
    if ((trace || prompt) && !announce(n))
        return 0;
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

/* Keep the worst status of the runs; stop at the ones that stop xargs (124 to 127). */
static void record(int s)
{
    if (s > status)
        status = s;
    if (s >= 124)
        exit(s);
}

/* Run the command with the arguments read so far, and forget them. */
static void run_batch(void)
{
    record(run(nargs));
    ran = 1;
    while (nargs > nfixed)
        free(args[--nargs]);
    batch_size = fixed_size;
    batch_lines = 0;
}

/* s with every REPLSTR replaced by arg (malloc'd). */
static char *replaced(const char *s, const char *arg)
{
    size_t rlen = strlen(replace), alen = strlen(arg), len = 0, cap = 0;
    char *out = NULL;
    const char *at;

    while (rlen > 0 && (at = strstr(s, replace)) != NULL) {
        for (; s < at; s++)
            append(&out, &len, &cap, *s);
        for (at = arg; at < arg + alen; at++)
            append(&out, &len, &cap, *at);
        s += rlen;
    }
    for (; *s != '\0'; s++)
        append(&out, &len, &cap, *s);
    append(&out, &len, &cap, '\0');
    return out;
}

/* -I: run the command once for arg, REPLSTR replaced in each fixed argument. */
static void run_replaced(char **fixed, const char *arg, size_t max_size)
{
    size_t size = 0;
    int i;

    for (i = 0; i < nfixed; i++) {
        args[i] = replaced(fixed[i], arg);
        size += strlen(args[i]) + 1;
    }
    if (size > max_size) {
        fprintf(stderr, "xargs: argument list too long\n");
        exit(1);
    }
    record(run(nfixed));
    for (i = 0; i < nfixed; i++)
        free(args[i]);
}

/* The character of -d DELIM: one character, or an escape sequence (\n, \0, \x41, \101). */
static int delimiter_of(const char *arg)
{
    const char *e;
    char *end;
    long c;

    if (arg[0] != '\0' && arg[1] == '\0')
        return (unsigned char)arg[0];
    if (arg[0] == '\\' && arg[1] != '\0') {
        if (arg[1] == '\\' && arg[2] == '\0')
            return '\\';
        if (arg[2] == '\0' && (e = strchr(control_letters, arg[1])) != NULL)
            return controls[e - control_letters];
        c = arg[1] == 'x' ? strtol(arg + 2, &end, 16) : strtol(arg + 1, &end, 8);
        if (*end == '\0' && end > arg + 1 + (arg[1] == 'x') && c >= 0 && c <= 255)
            return (int)c;
    }
    fprintf(stderr, "xargs: invalid input delimiter specification %s: the delimiter must be either a "
                    "single character or an escape sequence starting with \\.\n", arg);
    exit(1);
}

/* -n, -L and -I exclude each other: the last one counts (GNU's warning). */
static void ignoring(const char *previous, const char *option)
{
    fprintf(stderr, "xargs: warning: options %s and %s are mutually exclusive, ignoring previous %s value\n",
            previous, option, previous);
}

static long number_of(int option, const char *arg, long min)
{
    char *end;
    long n = strtol(arg, &end, 10);

    if (end == arg || *end != '\0' || n < min) {
        fprintf(stderr, "xargs: invalid number for -%c: '%s'\n", option, arg);
        exit(1);
    }
    return n;
}

int main(int argc, char **argv)
{
    long per_run = 0, lines_per_run = 0, max_size = 131072;     /* 0: no -n, no -L */
    int c, no_empty_run = 0, exact = 0, line_ends;
    char *arg;

    while ((c = getopt(argc, argv, "+0d:I:L:n:prs:tx")) != -1) {
        switch (c) {
        case '0': delimiter = '\0'; break;
        case 'd': delimiter = delimiter_of(optarg); break;
        case 'I':
            if (lines_per_run > 0)
                ignoring("--max-lines", "--replace/-I/-i");
            else if (per_run > 0)
                ignoring("--max-args", "--replace/-I/-i");
            replace = optarg;
            per_run = lines_per_run = 0;
            break;
        case 'L':
            if (replace != NULL)
                ignoring("--replace", "-L");
            else if (per_run > 0)
                ignoring("--max-args", "-L");
            lines_per_run = number_of(c, optarg, 1);
            per_run = 0;
            replace = NULL;
            break;
        case 'n':                   /* after -I, it changes nothing (GNU's) */
            if (lines_per_run > 0)
                ignoring("--max-lines", "--max-args/-n");
            per_run = number_of(c, optarg, 1);
            lines_per_run = 0;
            break;
        case 'p': prompt = 1; break;
        case 'r': no_empty_run = 1; break;
        case 's': max_size = number_of(c, optarg, 1); break;
        case 't': trace = 1; break;
        case 'x': exact = 1; break;
        default:
            fprintf(stderr, "usage: xargs [-0rtpx] [-n N | -L N | -I REPLSTR] [-d DELIM] [-s SIZE] "
                            "[COMMAND [ARG...]]\n");
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
    for (nargs = 0; nargs < nfixed; nargs++)        /* the run starts with the fixed ones */
        fixed_size += strlen(args[nargs]) + 1;
    batch_size = fixed_size;
    /* -x stops only a run that -n or -L would make longer */
    exact = exact && (per_run > 0 || lines_per_run > 0);
    if (per_run == 0 || per_run > MAX_ARGS - nfixed)
        per_run = MAX_ARGS - nfixed;

    if (replace != NULL) {
        char **fixed = xrealloc(NULL, (size_t)nfixed * sizeof *fixed);
        memcpy(fixed, args, (size_t)nfixed * sizeof *fixed);
        while ((arg = next_arg(&line_ends)) != NULL) {
            run_replaced(fixed, arg, (size_t)max_size);
            free(arg);
        }
        return status;
    }
    while ((arg = next_arg(&line_ends)) != NULL) {
        size_t arg_size = strlen(arg) + 1;
        if (fixed_size + arg_size > (size_t)max_size) {
            fprintf(stderr, "xargs: argument line too long\n");
            return 1;
        }
        if (batch_size + arg_size > (size_t)max_size) {     /* a run of those read before */
            if (exact) {
                fprintf(stderr, "xargs: argument list too long\n");
                return 1;
            }
            run_batch();
        }
        args[nargs++] = arg;
        batch_size += arg_size;
        batch_lines += line_ends;
        if (nargs - nfixed == per_run || (lines_per_run > 0 && batch_lines == lines_per_run))
            run_batch();
    }
    if (nargs > nfixed || (!ran && !no_empty_run))
        record(run(nargs));
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
