/*
 * msh - a small shell, in the spirit of xv6's sh.c: the shell students write in lab shell
 * (labs/shell/README.md). It is not /bin/sh (userland/bin/sh/, a POSIX shell): it is small
 * enough to read in one sitting, and what it is about is processes and file descriptors.
 *
 *     msh [SCRIPT]       run the command lines of SCRIPT, or of the standard input
 *
 * A line holds pipelines separated by ; or &. A pipeline is commands joined by |, each with its
 * words and redirections (< FILE, > FILE, >> FILE). A pipeline ended by & runs in the background:
 * the shell goes on at once; `wait` waits for every background job and `jobs` lists those still
 * running ("[N] Running TEXT"). Builtins: cd [DIR], exit [STATUS], wait, jobs. Words are
 * separated by blanks and the operators; there is no quoting, no variables and no globbing. The
 * exit status is that of the last foreground pipeline (of its last command).
 *
 * The parser and the builtins are given; the lab's solution regions are how a pipeline runs
 * (fork, exec, pipes), redirection, and background jobs.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define MAX_LINE 1024
#define MAX_WORDS 64          /* words of one command */
#define MAX_CMDS 16           /* commands of one pipeline */
#define MAX_JOBS 64           /* background jobs at once (ufos runs at most 64 μprocesses) */

struct cmd {
    char *argv[MAX_WORDS + 1];
    int argc;
    char *in;                 /* < FILE, or NULL: the shell's standard input */
    char *out;                /* > FILE or >> FILE, or NULL: the shell's standard output */
    int append;               /* out was given with >> */
};

struct job {
    int id;                   /* its N in `jobs`; 0: a free entry */
    int npids;                /* how many of pids are still to be waited for */
    pid_t pids[MAX_CMDS];
    char text[80];            /* the pipeline as it was typed */
};

static struct job jobs[MAX_JOBS];
static int last_status;

/* ---- the given part: splitting a line into pipelines and commands ------------------------- */

/* Copy line into out with a blank on each side of every operator (| < > >> & ;), so that every
 * token is then a blank-separated word; out has room for 3 times the line. */
static void space_operators(const char *line, char *out)
{
    for (; *line; line++) {
        if (strchr("|<>&;", *line)) {
            *out++ = ' ';
            *out++ = *line;
            if (line[0] == '>' && line[1] == '>')
                *out++ = *++line;
            *out++ = ' ';
        } else {
            *out++ = *line;
        }
    }
    *out = '\0';
}

static int is_operator(const char *word)
{
    return word != NULL && strchr("|<>&;", word[0]) != NULL;
}

/* Parse the pipeline of words[*i..] up to ; & or the end into cmds; *i moves past it. Returns
 * the number of commands (0: an empty pipeline), or -1 after saying what is wrong. */
static int parse_pipeline(char **words, int *i, struct cmd *cmds)
{
    int n = 0;
    struct cmd *c;

    memset(cmds, 0, sizeof(struct cmd));
    c = &cmds[0];
    for (; words[*i] && strcmp(words[*i], ";") && strcmp(words[*i], "&"); (*i)++) {
        char *w = words[*i];
        if (!strcmp(w, "|")) {
            if (c->argc == 0 || n + 1 == MAX_CMDS) {
                fprintf(stderr, "msh: %s\n", c->argc ? "too many commands in a pipeline" : "a command is missing before |");
                return -1;
            }
            c = &cmds[++n];
            memset(c, 0, sizeof *c);
        } else if (!strcmp(w, "<") || !strcmp(w, ">") || !strcmp(w, ">>")) {
            char *file = words[*i + 1];
            if (file == NULL || is_operator(file)) {
                fprintf(stderr, "msh: a file name is missing after %s\n", w);
                return -1;
            }
            if (w[0] == '<') {
                c->in = file;
            } else {
                c->out = file;
                c->append = w[1] == '>';
            }
            (*i)++;
        } else if (c->argc == MAX_WORDS) {
            fprintf(stderr, "msh: too many words in a command\n");
            return -1;
        } else {
            c->argv[c->argc++] = w;
        }
    }
    if (c->argc == 0) {
        if (n > 0 || c->in || c->out) {
            fprintf(stderr, "msh: a command is missing%s\n", n > 0 ? " after |" : "");
            return -1;
        }
        return 0;
    }
    return n + 1;
}

/* ---- the lab: redirection, running a pipeline, background jobs ---------------------------- */

// BEGIN SOLUTION shell
/* Open path as fd (0 for <, 1 for > and >>), in the process that is about to exec. */
static int redirect_to(const char *path, int flags, int fd)
{
    int opened = open(path, flags, 0644);

    if (opened < 0) {
        fprintf(stderr, "msh: %s: %s\n", path, strerror(errno));
        return -1;
    }
    if (opened != fd) {
        dup2(opened, fd);
        close(opened);
    }
    return 0;
}

/* The command's redirections, applied to this process (a child, before exec); -1 if a file
 * cannot be opened (it says why). */
static int redirect(struct cmd *c)
{
    if (c->in && redirect_to(c->in, O_RDONLY, 0) < 0)
        return -1;
    if (c->out && redirect_to(c->out, O_WRONLY | O_CREAT | (c->append ? O_APPEND : O_TRUNC), 1) < 0)
        return -1;
    return 0;
}
// STUB
// /* The command's redirections, applied to this process (a child, before exec); -1 if a file
//  * cannot be opened (it says why). Lab shell, step 3: open the file, dup2 it onto 0 or 1. */
// static int redirect(struct cmd *c)
// {
//     if (c->in || c->out) {
//         fprintf(stderr, "msh: redirection: not written yet\n");
//         return -1;
//     }
//     return 0;
// }
// END SOLUTION

/* In a child: apply the command's redirections and exec it; never returns. */
static void exec_command(struct cmd *c)
{
    if (redirect(c) < 0)
        _exit(1);
    execvp(c->argv[0], c->argv);
    fprintf(stderr, "msh: %s: %s\n", c->argv[0], errno == ENOENT ? "not found" : strerror(errno));
    _exit(127);
}

// BEGIN SOLUTION shell
/* Start the n commands of a pipeline, each in a child of its own, the standard output of each
 * connected to the standard input of the next by a pipe. Their pids go to pids; returns how many
 * were started (fewer than n if fork failed, which it says). */
static int start_pipeline(struct cmd *cmds, int n, pid_t *pids)
{
    int i, in = -1, p[2];

    for (i = 0; i < n; i++) {
        if (i + 1 < n && pipe(p) < 0) {
            fprintf(stderr, "msh: pipe: %s\n", strerror(errno));
            break;
        }
        pids[i] = fork();
        if (pids[i] < 0) {
            fprintf(stderr, "msh: fork: %s\n", strerror(errno));
            if (i + 1 < n) {
                close(p[0]);
                close(p[1]);
            }
            break;
        }
        if (pids[i] == 0) {
            if (in >= 0) {              /* the previous command's output is this one's input */
                dup2(in, 0);
                close(in);
            }
            if (i + 1 < n) {            /* this one's output goes to the next one */
                close(p[0]);
                dup2(p[1], 1);
                close(p[1]);
            }
            exec_command(&cmds[i]);
        }
        /* the shell keeps no end it does not need: a reader sees end of file only once every
         * write end is closed, and a writer gets EPIPE only once every read end is */
        if (in >= 0)
            close(in);
        if (i + 1 < n) {
            close(p[1]);
            in = p[0];
        }
    }
    if (in >= 0 && i < n)
        close(in);
    return i;
}
// STUB
// /* Start the n commands of a pipeline, each in a child of its own, the standard output of each
//  * connected to the standard input of the next by a pipe. Their pids go to pids; returns how many
//  * were started. Lab shell, steps 1 and 2: fork and exec_command one command, then n of them. */
// static int start_pipeline(struct cmd *cmds, int n, pid_t *pids)
// {
//     fprintf(stderr, "msh: running commands: not written yet\n");
//     return 0;
// }
// END SOLUTION

/* Wait for the processes of a foreground pipeline; the status is the last one's. */
static void wait_foreground(pid_t *pids, int n)
{
    int i, status;

    for (i = 0; i < n; i++)
        if (waitpid(pids[i], &status, 0) == pids[i] && i == n - 1)
            last_status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

// BEGIN SOLUTION shell
/* Keep a background pipeline in the job table (the shell does not wait for it now). */
static void add_job(pid_t *pids, int n, const char *text)
{
    int i, id = 1;

    for (i = 0; i < MAX_JOBS; i++)          /* the smallest id not in use, as sh numbers jobs */
        if (jobs[i].id == id) {
            id++;
            i = -1;
        }
    for (i = 0; i < MAX_JOBS && jobs[i].id; i++)
        ;
    if (i == MAX_JOBS) {                    /* no room: it cannot be listed, so wait for it now */
        fprintf(stderr, "msh: too many background jobs: waiting for this one\n");
        wait_foreground(pids, n);
        return;
    }
    jobs[i].id = id;
    jobs[i].npids = n;
    memcpy(jobs[i].pids, pids, n * sizeof(pid_t));
    snprintf(jobs[i].text, sizeof jobs[i].text, "%s", text);
}

/* A child of a job has ended (waitpid returned it): strike it out, and the job once all have. */
static void job_child_ended(pid_t pid)
{
    int i, k;

    for (i = 0; i < MAX_JOBS; i++)
        for (k = 0; jobs[i].id && k < jobs[i].npids; k++)
            if (jobs[i].pids[k] == pid) {
                jobs[i].pids[k] = jobs[i].pids[--jobs[i].npids];
                if (jobs[i].npids == 0)
                    jobs[i].id = 0;
                return;
            }
}

/* Reap the background children that have ended, without waiting: before each line, so that
 * finished jobs do not stay zombies (each one holds a μprocess until it is waited for). */
static void reap_jobs(void)
{
    pid_t pid;

    while ((pid = waitpid(-1, NULL, WNOHANG)) > 0)
        job_child_ended(pid);
}

/* The `wait` builtin: wait for every background job. */
static void wait_jobs(void)
{
    pid_t pid;

    while ((pid = waitpid(-1, NULL, 0)) > 0)
        job_child_ended(pid);
}

/* The `jobs` builtin: the jobs still running, by id. */
static void list_jobs(void)
{
    int i, id, max = 0;

    reap_jobs();
    for (i = 0; i < MAX_JOBS; i++)
        if (jobs[i].id > max)
            max = jobs[i].id;
    for (id = 1; id <= max; id++)
        for (i = 0; i < MAX_JOBS; i++)
            if (jobs[i].id == id)
                printf("[%d] Running %s\n", id, jobs[i].text);
    fflush(stdout);
}
// STUB
// /* Keep a background pipeline in the job table (the shell does not wait for it now). Lab shell,
//  * step 4: until then, a pipeline ended by & runs in the foreground. */
// static void add_job(pid_t *pids, int n, const char *text)
// {
//     fprintf(stderr, "msh: background jobs: not written yet (running it in the foreground)\n");
//     wait_foreground(pids, n);
// }
//
// /* Reap the background children that have ended, without waiting. */
// static void reap_jobs(void)
// {
// }
//
// /* The `wait` builtin: wait for every background job. */
// static void wait_jobs(void)
// {
//     fprintf(stderr, "msh: wait: not written yet\n");
// }
//
// /* The `jobs` builtin: the jobs still running, by id. */
// static void list_jobs(void)
// {
//     fprintf(stderr, "msh: jobs: not written yet\n");
// }
// END SOLUTION

/* ---- the given part: builtins, the loop -------------------------------------------------- */

/* Run cmd if it is a builtin (in the shell itself: cd must change the shell's own directory);
 * returns 0 if it is not one. */
static int builtin(struct cmd *c)
{
    const char *name = c->argv[0];

    if (!strcmp(name, "cd")) {
        const char *dir = c->argc > 1 ? c->argv[1] : getenv("HOME") ? getenv("HOME") : "/";
        last_status = chdir(dir) < 0;
        if (last_status)
            fprintf(stderr, "msh: cd: %s: %s\n", dir, strerror(errno));
    } else if (!strcmp(name, "exit")) {
        exit(c->argc > 1 ? atoi(c->argv[1]) : last_status);
    } else if (!strcmp(name, "wait")) {
        wait_jobs();
        last_status = 0;
    } else if (!strcmp(name, "jobs")) {
        list_jobs();
        last_status = 0;
    } else {
        return 0;
    }
    return 1;
}

/* The words of a pipeline, joined again, for `jobs`. */
static void pipeline_text(char **words, int from, int to, char *text, int size)
{
    int used = 0;

    text[0] = '\0';
    for (; from < to && used < size - 1; from++)
        used += snprintf(text + used, size - used, used ? " %s" : "%s", words[from]);
}

/* Run one command line. */
static void run_line(char *line)
{
    static char spaced[3 * MAX_LINE];
    static char *words[3 * MAX_LINE / 2 + 1];       /* static: too big for a small stack */
    static struct cmd cmds[MAX_CMDS];
    char *save = NULL, *w;
    pid_t pids[MAX_CMDS];
    int nwords = 0, i = 0;

    space_operators(line, spaced);
    for (w = strtok_r(spaced, " \t\n", &save); w; w = strtok_r(NULL, " \t\n", &save))
        words[nwords++] = w;
    words[nwords] = NULL;
    while (i < nwords) {
        int start = i, n = parse_pipeline(words, &i, cmds), background = words[i] && !strcmp(words[i], "&");
        char text[80];

        if (n < 0) {
            last_status = 2;
            return;
        }
        if (words[i])
            i++;                                /* past ; or & */
        if (n == 0)
            continue;
        if (n == 1 && !background && builtin(&cmds[0]))
            continue;
        fflush(stdout);                         /* nothing of the shell's is written twice by a child */
        n = start_pipeline(cmds, n, pids);
        if (background) {
            pipeline_text(words, start, i - 1, text, sizeof text);
            if (n > 0)
                add_job(pids, n, text);
        } else {
            wait_foreground(pids, n);
        }
    }
}

int main(int argc, char **argv)
{
    static char line[MAX_LINE];
    FILE *in = stdin;
    int interactive;

    if (argc > 2) {
        fprintf(stderr, "usage: msh [SCRIPT]\n");
        return 2;
    }
    if (argc == 2 && (in = fopen(argv[1], "r")) == NULL) {
        fprintf(stderr, "msh: %s: %s\n", argv[1], strerror(errno));
        return 127;
    }
    interactive = argc == 1 && isatty(0);
    for (;;) {
        reap_jobs();
        if (interactive) {
            fputs("msh$ ", stdout);
            fflush(stdout);
        }
        if (fgets(line, sizeof line, in) == NULL)
            break;
        if (strlen(line) == sizeof line - 1 && line[sizeof line - 2] != '\n') {
            fprintf(stderr, "msh: a line longer than %d characters\n", MAX_LINE - 2);
            while (fgets(line, sizeof line, in) && line[strlen(line) - 1] != '\n')
                ;
            last_status = 2;
            continue;
        }
        run_line(line);
    }
    return last_status;
}
