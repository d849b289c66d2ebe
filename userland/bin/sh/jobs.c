/*
 * jobs.c - jobs: the table of pipelines the shell started, waiting for them, and job control
 * (process groups, the terminal's foreground group, fg/bg, stopped jobs), plus the builtins that
 * work on jobs: jobs, fg, bg, wait, kill.
 *
 * Job control is on only in an interactive shell whose terminal accepts tcsetpgrp. Then each job
 * is its own process group, and the terminal's foreground group decides who gets Ctrl-C. Without
 * it (scripts, or a kernel without the terminal ioctls), everything stays in the shell's group,
 * and background jobs ignore SIGINT and SIGQUIT so a Ctrl-C meant for the foreground spares them,
 * as POSIX says.
 *
 * A job stops when its processes get SIGTSTP (Ctrl-Z, with job control) or SIGSTOP (kill -STOP):
 * waitpid with WUNTRACED tells the shell, which then prints "[1]   Stopped   cmd" and gives the
 * prompt back. fg and bg send the job SIGCONT; `jobs` shows Running or Stopped.
 */
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

#define MAXPROCS 32

enum job_state { RUNNING, STOPPED, DONE };

struct job {
    int id;                 /* %1, %2, ... */
    pid_t pgid;
    pid_t pids[MAXPROCS];
    int status[MAXPROCS];   /* wait statuses; -1 while running */
    int npids;
    enum job_state state;
    int background;
    int stop_signal;        /* what stopped it (while STOPPED) */
    int notified;           /* its stop was reported (before a prompt) */
    int waited;             /* wait gave its status, which stays for another wait until a new
                               job takes its slot (as in dash: wait; wait $pid still has it) */
    int slot;               /* its place in dash's job table, which gives its number */
    char *text;
    struct job *next;
};

static struct job *jobs;
static int job_control;
static pid_t shell_pgid;

/* ---- the terminal's foreground process group: who gets Ctrl-C ---- */

static int term_setpgrp(pid_t pgid)
{
    return tcsetpgrp(0, pgid);
}

void job_set_foreground(pid_t pgid)
{
    if (job_control)
        term_setpgrp(pgid);
}

int jobs_control_enabled(void)
{
    return job_control && !sh.in_child;
}

/* An interactive shell ignores Ctrl-C (it is for the foreground job) and, with job control,
 * the stop signals; it becomes its own process group and takes the terminal. */
void jobs_init(void)
{
    if (!sh.interactive)
        return;
    signal(SIGINT, SIG_IGN);
    signal(SIGQUIT, SIG_IGN);
    shell_pgid = getpid();
    if (setpgid(0, shell_pgid) == 0 && term_setpgrp(shell_pgid) == 0) {
        job_control = 1;
        signal(SIGTSTP, SIG_IGN);
        signal(SIGTTIN, SIG_IGN);
        signal(SIGTTOU, SIG_IGN);
    }
}

/* In a new child: the signals a command expects. What the shell ignores, a child inherits, so put
 * the defaults back - except for a background job without job control. */
void child_signals(int background)
{
    if (background && !job_control) {
        signal(SIGINT, SIG_IGN);
        signal(SIGQUIT, SIG_IGN);
    } else {
        signal(SIGINT, SIG_DFL);
        signal(SIGQUIT, SIG_DFL);
    }
    signal(SIGTSTP, SIG_DFL);
    signal(SIGTTIN, SIG_DFL);
    signal(SIGTTOU, SIG_DFL);
}

/* ---- the job table ---- */

static int next_id(void)
{
    struct job *j;
    int id = 1;

    for (j = jobs; j != NULL; j = j->next)
        if (j->id >= id)
            id = j->id + 1;
    return id;
}

static void job_free(struct job *j)
{
    struct job **p;

    for (p = &jobs; *p != NULL; p = &(*p)->next) {
        if (*p == j) {
            *p = j->next;
            break;
        }
    }
    free(j->text);
    free(j);
}

/* A slot for a new job, as dash picks it: the first that is free, or that holds a job whose
 * status wait has given (without job control), which is then forgotten. */
static int take_slot(void)
{
    struct job *j;
    int slot;

    for (slot = 0; ; slot++) {
        for (j = jobs; j != NULL && j->slot != slot; j = j->next)
            ;
        if (j == NULL)
            return slot;
        if (j->waited && !job_control) {
            job_free(j);
            return slot;
        }
    }
}

/* $(...) is a job in dash too, for as long as it runs: its slot is taken, and given back. */
void job_slot_for_subst(void)
{
    take_slot();
}

struct job *job_new(pid_t pgid, const char *text, int background)
{
    int slot = take_slot();
    struct job *j = xmalloc(sizeof *j);

    memset(j, 0, sizeof *j);
    j->slot = slot;
    j->pgid = pgid;
    j->background = background;
    j->text = xstrdup(text ? text : "");
    j->state = RUNNING;
    j->id = background ? slot + 1 : 0;      /* %1 is the first slot, as in dash */
    j->next = jobs;
    jobs = j;
    return j;
}

void job_add_pid(struct job *j, pid_t pid)
{
    if (j->npids < MAXPROCS) {
        j->pids[j->npids] = pid;
        j->status[j->npids] = -1;
        j->npids++;
    }
}


static struct job *job_of_pid(pid_t pid, int *index)
{
    struct job *j;
    int i;

    for (j = jobs; j != NULL; j = j->next)
        for (i = 0; i < j->npids; i++)
            if (j->pids[i] == pid) {
                *index = i;
                return j;
            }
    return NULL;
}

/* Record a wait status for the pid; update its job's state. */
static void record_status(pid_t pid, int wstatus)
{
    int i, running = 0;
    struct job *j = job_of_pid(pid, &i);

    if (j == NULL)
        return;
    if (WIFSTOPPED(wstatus)) {
        j->state = STOPPED;
        j->stop_signal = WSTOPSIG(wstatus);
        j->notified = 0;
        return;
    }
    if (WIFCONTINUED(wstatus)) {
        j->state = RUNNING;
        return;
    }
    j->status[i] = wstatus;
    for (i = 0; i < j->npids; i++)
        if (j->status[i] == -1)
            running = 1;
    j->state = running ? (j->state == STOPPED ? STOPPED : RUNNING) : DONE;
}

/* The status of the job's last process, as $? shows it. */
static int job_status(struct job *j)
{
    int w = j->status[j->npids - 1];

    return w < 0 ? 0 : exit_status_of(w);
}

static const char *state_text(struct job *j)
{
    static char buf[64];
    int w = j->status[j->npids - 1];

    if (j->state == RUNNING)
        return "Running";
    if (j->state == STOPPED)
        return "Stopped";
    if (w >= 0 && WIFSIGNALED(w))
        return signal_name(WTERMSIG(w));
    if (w >= 0 && WEXITSTATUS(w) != 0) {
        snprintf(buf, sizeof buf, "Done(%d)", WEXITSTATUS(w));
        return buf;
    }
    return "Done";
}

static void job_print(struct job *j)
{
    out_fmt(1, "[%d]   %-24s %s\n", j->id, state_text(j), j->text);
}

/* A foreground process (or $(...)'s) that a signal killed: say which on stderr ("Hangup"), as
 * dash does - but not for Ctrl-C or a closed pipe, which are no surprise. */
void report_signal(int wstatus)
{
    if (wstatus >= 0 && WIFSIGNALED(wstatus) && WTERMSIG(wstatus) != SIGINT
        && WTERMSIG(wstatus) != SIGPIPE)
        out_fmt(2, "%s\n", strsignal(WTERMSIG(wstatus)));
}

/* A foreground job has ended: report each of its processes that a signal killed (dash reports
 * every one, not only the last of a pipeline). */
static void report_job_signals(struct job *j)
{
    int i, w = j->status[j->npids - 1];

    for (i = 0; i < j->npids; i++)
        report_signal(j->status[i]);
    if (w >= 0 && WIFSIGNALED(w) && WTERMSIG(w) == SIGINT && sh.interactive)
        out_str(2, "\n");          /* the prompt starts on a new line after ^C */
}

/* Wait until every process of the job has ended, or (with WUNTRACED in options) it stopped.
 * With interruptible (the wait builtin), a trapped signal ends the wait: returns the signal. */
static int wait_job(struct job *j, int options, int interruptible)
{
    int i, wstatus;

    for (i = 0; i < j->npids; i++) {
        while (j->status[i] == -1 && j->state != STOPPED) {
            pid_t pid = waitpid(j->pids[i], &wstatus, options);

            if (pid < 0) {
                if (errno == EINTR && interruptible && traps_pending())
                    return traps_pending();
                if (errno == EINTR)
                    continue;
                j->status[i] = 0;       /* lost (ECHILD): count it as done */
                break;
            }
            record_status(pid, wstatus);
        }
    }
    return 0;
}

/* Wait for a foreground job to end (or stop, with job control). Returns its status. */
int job_wait(struct job *j)
{
    int status, interrupted;

    wait_job(j, job_control ? WUNTRACED : 0, 0);
    job_set_foreground(shell_pgid);
    if (j->state == STOPPED) {
        j->background = 1;
        if (j->id == 0)
            j->id = j->slot + 1;
        j->notified = 1;
        out_str(2, "\n");
        job_print(j);
        return 128 + j->stop_signal;
    }
    report_job_signals(j);
    status = job_status(j);
    interrupted = j->status[j->npids - 1] >= 0 && WIFSIGNALED(j->status[j->npids - 1]) &&
                  WTERMSIG(j->status[j->npids - 1]) == SIGINT;
    job_free(j);
    if (interrupted && sh.interactive && !sh.in_child)
        sh_abandon(status);     /* Ctrl-C ends the whole command line, as in dash: not just the job */
    return status;
}

void job_announce(struct job *j)
{
    out_fmt(2, "[%d] %d\n", j->id, (int)j->pids[0]);
}

/* Collect children that ended without blocking, and report finished background jobs. */
static void reap(void)
{
    int wstatus;
    pid_t pid;

    while ((pid = waitpid(-1, &wstatus, WNOHANG | WUNTRACED | WCONTINUED)) > 0)
        record_status(pid, wstatus);
}

/* Before a prompt: report background jobs that finished, or stopped since the last prompt. */
void jobs_notify(void)
{
    struct job *j, *next;

    reap();
    for (j = jobs; j != NULL; j = next) {
        next = j->next;
        if (j->background && j->state == STOPPED && !j->notified && sh.interactive) {
            j->notified = 1;
            job_print(j);
        } else if (j->background && j->state == DONE) {
            if (sh.interactive && !j->waited)
                out_fmt(2, "[%d]   %-24s %s\n", j->id, state_text(j), j->text);
            job_free(j);
        }
    }
}

/* ---- the builtins ---- */

/* %N, %% / %+ (the newest), or a pid */
static struct job *find_job(const char *spec)
{
    struct job *j, *best = NULL;
    long n;
    int i;

    if (spec == NULL || strcmp(spec, "%%") == 0 || strcmp(spec, "%+") == 0 || strcmp(spec, "%") == 0) {
        for (j = jobs; j != NULL; j = j->next)
            if (j->background && (best == NULL || j->id > best->id))
                best = j;
        return best;
    }
    if (spec[0] == '%' && parse_int(spec + 1, &n)) {
        for (j = jobs; j != NULL; j = j->next)
            if (j->background && j->id == n)
                return j;
        return NULL;
    }
    if (parse_int(spec, &n))
        return job_of_pid((pid_t)n, &i);
    return NULL;
}

int builtin_jobs(int argc, char **argv)
{
    struct job *j, *next;
    int id;

    (void)argc;
    (void)argv;
    reap();
    for (id = 1; id < next_id(); id++) {        /* in order of their numbers */
        for (j = jobs; j != NULL; j = next) {
            next = j->next;
            if (j->background && j->id == id) {
                if (!j->waited)         /* wait has told of it already (dash lists it again) */
                    job_print(j);
                if (j->state == DONE)
                    job_free(j);
            }
        }
    }
    return 0;
}

/* Send sig to the job: its process group with job control, else each of its processes. */
static int signal_job(struct job *j, int sig)
{
    int i, r = 0;

    if (job_control)
        return kill(-j->pgid, sig);
    for (i = 0; i < j->npids; i++)
        if (j->status[i] == -1 && kill(j->pids[i], sig) < 0)
            r = -1;
    return r;
}

static int continue_job(struct job *j, int foreground)
{
    j->state = RUNNING;
    if (foreground) {
        out_fmt(1, "%s\n", j->text);
        j->background = 0;
        job_set_foreground(j->pgid);
    } else {
        out_fmt(1, "[%d] %s &\n", j->id, j->text);
    }
    if (signal_job(j, SIGCONT) < 0 && errno != ESRCH)
        sh_warn("kill: %s", strerror(errno));
    return foreground ? job_wait(j) : 0;
}

/* The job fg or bg works on: the one named, or the newest; none is a mistake (status 2, dash). */
static struct job *job_to_continue(int argc, char **argv)
{
    struct job *j = find_job(argc > 1 ? argv[1] : NULL);

    if (j == NULL && argc > 1)
        sh_error("%s: No such job: %s", argv[0], argv[1]);
    if (j == NULL)
        sh_error("%s: No current job", argv[0]);
    return j;
}

int builtin_fg(int argc, char **argv)
{
    return continue_job(job_to_continue(argc, argv), 1);
}

int builtin_bg(int argc, char **argv)
{
    return continue_job(job_to_continue(argc, argv), 0);
}

/* Block until the job is done, or stopped (as bash's wait: a stopped job would never end);
 * its status, or 128 + the stop signal, or 128 + a trapped signal that ended the wait. */
static int wait_done(struct job *j)
{
    int status, sig = wait_job(j, WUNTRACED, 1);

    if (sig != 0)
        return 128 + sig;
    if (j->state == STOPPED)
        return 128 + j->stop_signal;
    status = job_status(j);
    j->waited = 1;
    return status;
}

/* The newest background job that wait has not waited for, and is not stopped. */
static struct job *running_job(void)
{
    struct job *j, *best = NULL;

    for (j = jobs; j != NULL; j = j->next)
        if (j->background && !j->waited && j->state != STOPPED
            && (best == NULL || j->id > best->id))
            best = j;
    return best;
}

/* wait: for every background job (but stopped ones); wait ID...: for those, the status of the
 * last. It has no options: wait -1 is "Illegal option -1" (dash). */
int builtin_wait(int argc, char **argv)
{
    struct job *j;
    int i = skip_options(argc, argv, ""), status = 0;

    if (i == argc) {
        while ((j = running_job()) != NULL)
            if ((status = wait_done(j)) > 128 && traps_pending())
                return status;          /* a trapped signal came: wait ends */
        return 0;
    }
    for (; i < argc; i++) {
        j = find_job(argv[i]);
        if (j == NULL) {                /* a pid not ours, or reaped: 127 */
            int wstatus;

            if (argv[i][0] == '%')
                sh_error("wait: No such job: %s", argv[i]);
            status = waitpid(number_arg("wait", argv[i], 0), &wstatus, 0) > 0
                     ? exit_status_of(wstatus) : 127;
            continue;
        }
        status = wait_done(j);
        if (status > 128 && traps_pending())
            return status;
    }
    return status;
}

/* kill -l: the signals' names; kill -l N: the name of signal N, or of the signal that killed a
 * command whose $? is N (128 + N): kill -l 137 is KILL. As dash, only the first N counts. */
static int list_signals(int argc, char **argv)
{
    int sig;

    if (argc == 2) {
        for (sig = 1; sig < 32; sig++)
            out_fmt(1, "%s%s", signal_name(sig), sig % 8 == 0 ? "\n" : " ");
        out_str(1, "\n");
        return 0;
    }
    sig = number_arg("kill", argv[2], 0);
    if (sig > 128)
        sig -= 128;
    if (strcmp(signal_name(sig), "?") == 0)
        sh_error("kill: invalid signal number or exit status: %s", argv[2]);
    out_fmt(1, "%s\n", signal_name(sig));
    return 0;
}

int builtin_kill(int argc, char **argv)
{
    int sig = SIGTERM, i = 1, status = 0;

    if (argc > 1 && strcmp(argv[1], "-l") == 0)
        return list_signals(argc, argv);
    if (argc == 2 && strcmp(argv[1], "-s") == 0) {
        sh_warn("kill: No arg for -s option");
        return 2;
    }
    if (argc > 2 && strcmp(argv[1], "-s") == 0) {
        sig = signal_number(argv[2]);
        i = 3;
        if (sig < 0) {
            sh_warn("kill: invalid signal number or name: %s", argv[2]);
            return 2;
        }
    } else if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
        sig = signal_number(argv[1] + 1);
        i = 2;
        if (sig < 0) {                  /* not a signal: dash takes it for options */
            sh_warn("kill: Illegal option -%c", argv[1][1]);
            return 2;
        }
    }
    if (i >= argc) {
        sh_warn("kill: Usage: kill [-s sigspec | -signum | -sigspec] [pid | job]... or\nkill -l [exitstatus]");
        return 2;
    }
    for (; i < argc; i++) {
        struct job *j = argv[i][0] == '%' ? find_job(argv[i]) : NULL;
        int r;

        if (j != NULL) {
            r = signal_job(j, sig);
        } else if (argv[i][0] == '%') {
            sh_warn("kill: No such job: %s", argv[i]);
            status = 2;
            continue;
        } else {                        /* -PID: a process group */
            r = kill(number_arg("kill", argv[i], -INT_MAX), sig);
        }
        if (r < 0) {
            sh_warn("kill: %s: %s", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
