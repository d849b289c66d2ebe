/*
 * exec.c - running the syntax tree: simple commands (builtins, functions, programs), pipelines,
 * subshells, background jobs, redirections, and the control structures (if, loops, case).
 *
 * Every run_* function returns the exit status of what it ran. break, continue and return do not
 * return through C: they set sh.breaking / sh.continuing / sh.returning, and every list and loop
 * stops early while one is set (jumping()).
 *
 * The flag EV_EXIT means "the process ends after this": a forked child running the last command
 * of a pipeline execs the program directly instead of forking once more (unless a trap is set:
 * then the shell must live on to run it).
 *
 * Between commands, run_node runs the traps of signals that arrived (trap.c).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sh.h"

static struct arena *current_arena;
static int run_node_kind(struct node *n, int flags);      /* the tree being run: pinned if it defines a function */

static int jumping(void)
{
    return sh.breaking || sh.continuing || sh.returning;
}

int exit_status_of(int wstatus)
{
    if (WIFSIGNALED(wstatus))
        return 128 + WTERMSIG(wstatus);
    if (WIFSTOPPED(wstatus))
        return 128 + WSTOPSIG(wstatus);
    return WEXITSTATUS(wstatus);
}

/* The shell ends: the EXIT trap first (which may exit with another status itself). */
_Noreturn void sh_exit(int status)
{
    _exit(traps_run_exit(status) & 0xff);
}

/* ---- redirections ---- */

/* Descriptors a builtin's redirection replaced, kept (as copies >= 10) to be put back after. */
struct saved_fd {
    int fd;
    int copy;           /* -1: fd was not open */
};
static struct saved_fd saved[64];
static int nsaved;

int redirect_mark(void)
{
    return nsaved;
}

static void save_fd(int fd)
{
    int copy, i;

    for (i = 0; i < nsaved; i++)
        if (saved[i].fd == fd)
            break;
    if (nsaved == (int)(sizeof saved / sizeof saved[0]))
        return;
    copy = fcntl(fd, F_DUPFD, 10);
    if (copy >= 0)
        fcntl(copy, F_SETFD, FD_CLOEXEC);    /* commands we run must not inherit the copy */
    saved[nsaved].fd = fd;
    saved[nsaved].copy = copy;
    nsaved++;
}

void redirect_restore(int mark)
{
    while (nsaved > mark) {
        struct saved_fd *s = &saved[--nsaved];

        if (s->copy >= 0) {
            dup2(s->copy, s->fd);
            close(s->copy);
        } else {
            close(s->fd);
        }
    }
}

/* A here-document arrives on a pipe. A small one fits in the pipe's buffer; a big one is written
 * by a child, or the shell would block on the full pipe before the command starts reading. */
static int heredoc_fd(struct redir *r)
{
    char *text = r->heredoc_quoted ? xstrdup(r->word) : expand_heredoc(r->word);
    size_t len = strlen(text);
    int p[2];
    pid_t pid;

    if (pipe(p) < 0) {
        sh_warn("cannot create pipe: %s", strerror(errno));
        free(text);
        return -1;
    }
    if (len <= 4096) {
        write(p[1], text, len);
    } else if ((pid = fork()) == 0) {
        close(p[0]);
        write(p[1], text, len);
        _exit(0);
    } else if (pid < 0) {
        sh_warn("cannot fork: %s", strerror(errno));
    }
    close(p[1]);
    free(text);
    return p[0];
}

static int open_flags(enum redir_kind kind)
{
    switch (kind) {
    case R_IN: return O_RDONLY;
    case R_APPEND: return O_WRONLY | O_CREAT | O_APPEND;
    case R_RDWR: return O_RDWR | O_CREAT;
    default: return O_WRONLY | O_CREAT | O_TRUNC;     /* > and >| */
    }
}

/* > under set -C (noclobber): create the file, but never truncate an existing regular file
 * (a device such as /dev/null is fine). */
static int open_noclobber(const char *file)
{
    struct stat st;
    int fd = open(file, O_WRONLY | O_CREAT | O_EXCL, 0666);

    if (fd >= 0 || errno != EEXIST)
        return fd;
    if (stat(file, &st) == 0 && S_ISREG(st.st_mode)) {
        errno = EEXIST;
        return -1;
    }
    return open(file, O_WRONLY);
}

/* N>&M, N<&M, N>&- */
static int redirect_dup(struct redir *r)
{
    char *word = expand_string(r->word);
    long from;

    if (strcmp(word, "-") == 0) {
        close(r->fd);
        free(word);
        return 0;
    }
    if (!parse_int(word, &from) || from < 0) {
        sh_warn("%s: Bad file descriptor", word);
        free(word);
        return -1;
    }
    free(word);
    if (from != r->fd && dup2((int)from, r->fd) < 0) {
        sh_warn("%ld: %s", from, strerror(errno));
        return -1;
    }
    return 0;
}

static int redirect_one(struct redir *r)
{
    int fd;

    if (r->kind == R_DUPIN || r->kind == R_DUPOUT)
        return redirect_dup(r);
    if (r->kind == R_HEREDOC) {
        fd = heredoc_fd(r);
    } else {
        char *file = expand_string(r->word);

        if (r->kind == R_OUT && sh.opt_C)
            fd = open_noclobber(file);
        else
            fd = open(file, open_flags(r->kind), 0666);
        if (fd < 0)
            sh_warn("cannot %s %s: %s", r->kind == R_IN ? "open" : "create", file,
                    open_error(errno, r->kind != R_IN));
        free(file);
    }
    if (fd < 0)
        return -1;
    if (fd != r->fd) {
        if (dup2(fd, r->fd) < 0) {
            sh_warn("%d: %s", r->fd, strerror(errno));
            close(fd);
            return -1;
        }
        close(fd);
    }
    return 0;
}

/* Apply a command's redirections, in order. With save, what they replace is kept for
 * redirect_restore (builtins, functions and { } run in the shell itself). */
int redirect_apply(struct redir *r, int save)
{
    for (; r != NULL; r = r->next) {
        if (save)
            save_fd(r->fd);
        if (redirect_one(r) < 0)
            return -1;
    }
    return 0;
}

/* ---- running programs ---- */

/* In a child that is about to run something: errors end this process, not the shell. */
void become_child(void)
{
    sh.in_child = 1;
    sh.interactive = 0;
    sh.on_error = NULL;
    nsaved = 0;             /* the parent restores its own descriptors */
    traps_forget();
}

/* execve, and if the file is not a program (ENOEXEC: a script without #!), run it with sh, as
 * POSIX asks. Returns only on failure. */
static void try_exec(const char *path, char **argv, char **env)
{
    struct strlist args;
    int i;

    execve(path, argv, env);
    if (errno != ENOEXEC)
        return;
    sl_init(&args);
    sl_add(&args, xstrdup("sh"));
    sl_add(&args, xstrdup(path));
    for (i = 1; argv[i] != NULL; i++)
        sl_add(&args, xstrdup(argv[i]));
    execve("/bin/sh", args.v, env);
    sl_free(&args);
    errno = ENOEXEC;
}

/* Replace this process with the program argv[0] (at found, if the parent looked it up, or
 * searched for in $PATH), or exit 126/127. The message on failure starts with who ("exec: " when
 * the exec builtin asked, as dash says it). */
static _Noreturn void exec_program(char **argv, const char *found, const char *who)
{
    char **env = vars_environ();
    const char *path = var_get("PATH");
    int denied = 0, err = ENOENT;

    if (found != NULL || strchr(argv[0], '/') != NULL) {
        try_exec(found ? found : argv[0], argv, env);
        err = errno;
    } else {
        const char *dir = path ? path : "/bin";
        struct strbuf full;

        for (; dir != NULL; sb_free(&full)) {
            dir = path_entry(dir, argv[0], &full);
            try_exec(full.s, argv, env);
            if (errno == EACCES)
                denied = 1;
            else if (errno != ENOENT && errno != ENOTDIR)
                err = errno;
        }
        if (denied && err == ENOENT)
            err = EACCES;
    }
    if (err == ENOENT || err == ENOTDIR) {
        sh_warn("%s%s: not found", who, argv[0]);
        sh_exit(127);
    }
    sh_warn("%s%s: %s", who, argv[0], strerror(err));
    sh_exit(126);
}

/* Fork; in the child (returns 0) set up process group and signals for a job. */
static pid_t fork_job(pid_t pgid, int background)
{
    pid_t pid = fork();

    if (pid < 0) {
        sh_warn("cannot fork: %s", strerror(errno));
        return -1;
    }
    if (pid == 0) {
        if (jobs_control_enabled()) {
            setpgid(0, pgid);
            if (!background)
                job_set_foreground(pgid ? pgid : getpid());
        }
        become_child();
        child_signals(background);
    } else if (jobs_control_enabled()) {
        setpgid(pid, pgid ? pgid : pid);    /* also here: whichever runs first, it is done */
    }
    return pid;
}

/* Run a program in a child process and wait for it (unless this process ends anyway), with the
 * (expanded) assignments in its environment. The parent finds it in $PATH (remembering where:
 * `hash`), so a loop does not search each time. */
static int run_program(char **argv, char **assigns, struct redir *redirs, int flags, const char *text)
{
    const char *found = strchr(argv[0], '/') ? NULL : hash_find(argv[0]);
    struct job *job;
    pid_t pid;
    int i;

    if (traps_set())
        flags &= ~EV_EXIT;
    if (!(flags & EV_EXIT)) {
        pid = fork_job(0, 0);
        if (pid < 0)
            return 2;
        if (pid > 0) {
            job = job_new(pid, text, 0);
            job_add_pid(job, pid);
            return job_wait(job);
        }
    }
    for (i = 0; assigns != NULL && assigns[i] != NULL; i++) {
        var_set_assignment(assigns[i], V_EXPORT);
        if (strncmp(assigns[i], "PATH=", 5) == 0)
            found = NULL;   /* PATH=dir prog: prog is looked for in dir (and what the old $PATH
                               found is forgotten, freed) */
    }
    if (redirect_apply(redirs, 0) < 0)
        sh_exit(2);
    exec_program(argv, found, "");
}

/* ---- simple commands ---- */

/* Is the command in words (its fields so far) export, readonly or local, perhaps after
 * `command`? Their NAME=value arguments are declarations. */
static int is_declaration(struct strlist *words)
{
    static const char *const names[] = { "export", "readonly", "local", NULL };
    int i, at = words->n > 1 && strcmp(words->v[0], "command") == 0;

    for (i = 0; words->n > at && names[i] != NULL; i++)
        if (strcmp(words->v[at], names[i]) == 0)
            return 1;
    return 0;
}

/* A command's words, expanded into its fields. An argument of export, readonly or local that
 * looks like an assignment is expanded as one, unsplit and with its tildes (dash; POSIX's
 * declaration utilities): local dir=$1 keeps a $1 with spaces whole. */
static void expand_command_words(char **raw, struct strlist *out)
{
    int i;

    for (i = 0; raw != NULL && raw[i] != NULL; i++) {
        char *word[2] = { raw[i], NULL };

        if (is_assignment(raw[i]) && is_declaration(out))
            sl_add(out, expand_assignment(raw[i]));
        else
            expand_words(word, out);
    }
}

/* The assignments before a command, expanded and made one at a time, so that each sees the ones
 * before it (a=1 b=$a, as in dash); their NAME=value strings go to out. They are made with
 * flags (V_EXPORT), and what they replaced is returned, for undo_assignments. */
static struct saved_var *assign_all(char **raw, struct strlist *out, int flags)
{
    struct saved_var *undo = NULL;
    int i;

    for (i = 0; raw != NULL && raw[i] != NULL; i++) {
        char *a = expand_assignment(raw[i]);
        char *eq = strchr(a, '=');

        sl_add(out, a);
        *eq = '\0';
        undo = var_save(a, undo);
        *eq = '=';
        var_set_assignment(a, flags);
    }
    return undo;
}

/* After the command: put back what the assignments replaced (restore), or keep them. */
static void undo_assignments(struct saved_var *undo, int restore)
{
    while (undo != NULL)
        undo = var_restore(undo, restore);
}

static int expanding_ps4;       /* the commands of a $(...) in PS4 are not traced (its child has
                                   this set too): each would expand PS4 again, without end */

/* set -x's prefix: $PS4 expanded as dash does ($x, $((n+=1)): so PS4='+$LINENO ' is useful),
 * after the command's own assignments (PS4=x cmd uses x). An unset PS4 is no prefix; a mistake
 * in it ($x?) is reported, and PS4 is written as it is. */
static char *trace_prefix(void)
{
    char *ps4 = xstrdup(var_get("PS4") ? var_get("PS4") : ""), *prefix;
    jmp_buf here;
    jmp_buf *outer = sh.on_error;

    expanding_ps4 = 1;
    if (setjmp(here)) {
        sh.on_error = outer;
        expanding_ps4 = 0;
        return ps4;
    }
    sh.on_error = &here;
    prefix = expand_heredoc(ps4);
    sh.on_error = outer;
    expanding_ps4 = 0;
    free(ps4);
    return prefix;
}

/* set -x: "+ x=1 cmd arg" on stderr, assignments first, as dash writes it */
static void trace_command(struct strlist *assigns, struct strlist *args)
{
    struct strbuf sb;
    char *prefix;
    int i;

    if (expanding_ps4)
        return;
    prefix = trace_prefix();
    sb_init(&sb);
    sb_adds(&sb, prefix);
    free(prefix);
    for (i = 0; i < assigns->n + args->n; i++) {
        if (i > 0)
            sb_addc(&sb, ' ');
        sb_adds(&sb, i < assigns->n ? assigns->v[i] : args->v[i - assigns->n]);
    }
    sb_addc(&sb, '\n');
    out_str(2, sb.s);
    sb_free(&sb);
}

#define MAX_FUNC_DEPTH 1000     /* dash's limit: deeper, a runaway recursion would overflow the stack */

/* A function called as a condition (`f || ...`) runs its body as one: set -e is off inside.
 * Its body cannot break or continue the loops it was called from (as in dash): inside, the loop
 * depth starts again from 0. */
static int call_function(struct node *body, struct strlist *args, int flags)
{
    int status, depth = params_depth(), loops = sh.loop_depth;

    if (sh.func_depth >= MAX_FUNC_DEPTH)
        sh_error("Maximum function recursion depth (%d) reached", MAX_FUNC_DEPTH);
    params_push(args->n - 1, args->v + 1);
    sh.func_depth++;
    sh.loop_depth = 0;
    status = run_node(body, flags & EV_COND);
    sh.loop_depth = loops;
    sh.func_depth--;
    params_unwind(depth);
    if (sh.returning) {
        sh.returning = 0;
        status = sh.status;
    }
    return status;
}

/* exec [command]: a command replaces the shell; without one, the redirections (which run_simple
 * applied without keeping what they replaced) stay for the rest of the script. */
int builtin_exec(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--") == 0) {
        argc--;
        argv++;
    }
    if (argc > 1) {
        child_signals(0);
        exec_program(argv + 1, NULL, "exec: ");
    }
    return 0;
}

/* Run a builtin that is not special: a mistake in it (sh_error) makes its status 2 but does not
 * end the script. */
static int run_regular_builtin(builtin_fn builtin, int argc, char **argv)
{
    jmp_buf here;
    jmp_buf *outer = sh.on_error;
    int status;

    if (setjmp(here)) {
        sh.on_error = outer;
        return 2;
    }
    sh.on_error = &here;
    status = builtin(argc, argv);
    sh.on_error = outer;
    return status;
}

/* A builtin whose output could not be written (echo x >&-) fails: status 1, with dash's
 * message. */
static int output_status(const char *name, int status)
{
    if (!sh.write_failed)
        return status;
    sh.write_failed = 0;
    sh_warn("%s: %s: I/O error", name, name);
    return 1;
}

/* command name args: a builtin or a program, never a function; a special builtin run this way
 * is an ordinary one. */
int run_command_bypassing_functions(int argc, char **argv)
{
    int special;
    builtin_fn builtin = builtin_find(argv[0], &special);

    if (builtin != NULL)
        return run_regular_builtin(builtin, argc, argv);
    return run_program(argv, NULL, NULL, 0, argv[0]);
}

/* A command with no name: only assignments and redirections. Its status is that of the last
 * command substitution in it, if any. */
static int run_assignments(struct node *n, int status)
{
    int mark = redirect_mark();

    if (redirect_apply(n->redirs, 1) < 0)
        status = 2;
    redirect_restore(mark);
    return status;
}

/* VAR=x before a command is exported for its duration (dash), so that a function or a builtin
 * that is not special passes it to the programs it runs. Alone, VAR=x is not exported; before a
 * special builtin it stays but is not exported either, except with exec program, whose
 * environment has VAR as any program's would. */
static int assignment_flags(builtin_fn builtin, int special, struct strlist *args)
{
    if (args->n == 0)
        return 0;
    if (special)
        return builtin == builtin_exec && args->n > 1 ? V_EXPORT : 0;
    return V_EXPORT;
}

static int run_simple(struct node *n, int flags)
{
    struct strlist args, assigns;
    struct node *func;
    builtin_fn builtin;
    int special = 0, status, mark;
    struct saved_var *undo;

    sh.line = n->line;
    sl_init(&args);
    sl_init(&assigns);
    sh.subst_status = 0;
    expand_command_words(n->words, &args);      /* first, as dash: x=1 echo $x shows the old x */
    builtin = args.n > 0 ? builtin_find(args.v[0], &special) : NULL;
    func = args.n > 0 && !special ? func_get(args.v[0]) : NULL;
    undo = assign_all(n->assigns, &assigns, assignment_flags(builtin, special, &args));
    if (sh.opt_x)
        trace_command(&assigns, &args);
    if (args.n == 0 || (builtin == NULL && func == NULL)) {
        /* Alone, they stay; before a program, they are in its environment only */
        undo_assignments(undo, args.n > 0);
        if (args.n == 0)
            status = run_assignments(n, sh.subst_status);
        else
            status = run_program(args.v, assigns.v, n->redirs, flags, n->text);
        sl_free(&assigns);
        sl_free(&args);
        return status;
    }
    sl_free(&assigns);
    mark = redirect_mark();
    if (redirect_apply(n->redirs, builtin != builtin_exec) < 0) {
        if (special)
            sh_abandon(2);              /* : >/bad/file ends a script */
        status = 2;
    } else if (func != NULL) {
        status = call_function(func, &args, flags);
    } else {
        const char *context = sh.context;

        sh.builtin_cond = (flags & EV_COND) != 0;
        sh.context = NULL;      /* a builtin names itself in its messages; eval and . set their own */
        sh.builtin = args.v[0];
        sh.write_failed = 0;
        if (special)
            status = builtin(args.n, args.v);
        else
            status = run_regular_builtin(builtin, args.n, args.v);
        status = output_status(args.v[0], status);
        sh.context = context;
        sh.builtin = NULL;
    }
    redirect_restore(mark);
    undo_assignments(undo, !special);   /* a special builtin's stay (POSIX 2.14) */
    sl_free(&args);
    return status;
}

/* ---- pipelines, subshells, background ---- */

static int run_pipeline(struct node *n, int flags)
{
    struct job *job = NULL;
    int i, prev = -1, p[2];
    pid_t pid, pgid = 0;

    for (i = 0; i < n->ncmds; i++) {
        int last = i == n->ncmds - 1;

        if (!last && pipe(p) < 0) {
            sh_warn("cannot create pipe: %s", strerror(errno));
            break;
        }
        pid = fork_job(pgid, 0);
        if (pid == 0) {                 /* the child: stdin from the previous pipe, stdout to the next */
            if (prev >= 0) {
                dup2(prev, 0);
                close(prev);
            }
            if (!last) {
                close(p[0]);
                dup2(p[1], 1);
                close(p[1]);
            }
            sh_exit(run_node(n->cmds[i], EV_EXIT | (flags & EV_COND)));
        }
        if (prev >= 0)
            close(prev);
        if (!last) {
            close(p[1]);
            prev = p[0];
        }
        if (pid < 0) {
            if (!last)
                close(prev);
            break;
        }
        if (job == NULL) {
            pgid = pid;
            job = job_new(pgid, n->text, 0);
        }
        job_add_pid(job, pid);
    }
    if (job == NULL)
        return 2;
    return job_wait(job);
}

static int run_subshell(struct node *n, int flags)
{
    struct job *job;
    pid_t pid;

    if (!(flags & EV_EXIT)) {
        pid = fork_job(0, 0);
        if (pid < 0)
            return 2;
        if (pid > 0) {
            job = job_new(pid, n->text ? n->text : "( ... )", 0);
            job_add_pid(job, pid);
            return job_wait(job);
        }
    }
    if (redirect_apply(n->redirs, 0) < 0)
        sh_exit(2);
    sh_exit(run_node(n->body, EV_EXIT | (flags & EV_COND)));     /* a condition's set -e stays off */
}

static int run_background(struct node *n)
{
    struct job *job;
    pid_t pid = fork_job(0, 1);

    if (pid < 0)
        return 2;
    if (pid == 0) {
        if (!jobs_control_enabled()) {      /* POSIX: without job control, stdin is /dev/null */
            int fd = open("/dev/null", O_RDONLY);

            if (fd > 0) {
                dup2(fd, 0);
                close(fd);
            }
        }
        sh_exit(run_node(n->body, EV_EXIT));
    }
    job = job_new(pid, n->text, 1);
    job_add_pid(job, pid);
    sh.last_bg = pid;
    if (sh.interactive)
        job_announce(job);
    return 0;
}

/* ---- compound commands ---- */

/* After a loop's body: should the loop stop? (break, continue N > 1, return) */
static int loop_should_stop(void)
{
    if (sh.breaking) {
        sh.breaking--;
        return 1;
    }
    if (sh.continuing) {
        sh.continuing--;
        return sh.continuing > 0;   /* continue 2: the outer loop continues */
    }
    return sh.returning;
}

static int run_loop(struct node *n, int flags)
{
    int status = 0, until = n->kind == N_UNTIL;

    flags &= ~EV_EXIT;
    sh.loop_depth++;
    for (;;) {
        int c = run_node(n->cond, flags | EV_COND);

        if (jumping()) {
            if (loop_should_stop())
                break;
            continue;
        }
        if ((c == 0) == until)
            break;
        status = run_node(n->body, flags);
        if (jumping() && loop_should_stop())
            break;
    }
    sh.loop_depth--;
    return status;
}

static int run_for(struct node *n, int flags)
{
    struct strlist items;
    int status = 0, i;

    sl_init(&items);
    if (n->list != NULL) {
        expand_words(n->list, &items);
    } else {
        for (i = 1; i <= params_count(); i++)
            sl_add(&items, xstrdup(params_get(i)));
    }
    flags &= ~EV_EXIT;
    sh.loop_depth++;
    for (i = 0; i < items.n; i++) {
        var_set(n->name, items.v[i], 0);
        status = run_node(n->body, flags);
        if (jumping() && loop_should_stop())
            break;
    }
    sh.loop_depth--;
    sl_free(&items);
    return status;
}

static int run_case(struct node *n, int flags)
{
    char *word = expand_string(n->name);
    struct caseitem *item;
    int i, status = 0;

    for (item = n->items; item != NULL; item = item->next) {
        for (i = 0; item->patterns[i] != NULL; i++) {
            char *pat = expand_pattern(item->patterns[i]);
            int match = pattern_match(pat, word);

            free(pat);
            if (match) {
                free(word);
                return item->body ? run_node(item->body, flags) : 0;
            }
        }
    }
    free(word);
    return status;
}

static int run_if(struct node *n, int flags)
{
    int c = run_node(n->cond, (flags & ~EV_EXIT) | EV_COND);

    if (jumping())
        return c;
    if (c == 0)
        return run_node(n->body, flags);
    if (n->orelse != NULL)
        return run_node(n->orelse, flags);
    return 0;
}

/* set -e: a command that failed outside a condition ends the shell. */
static void errexit_check(int status, int flags)
{
    if (sh.opt_e && status != 0 && !(flags & EV_COND) && !jumping())
        sh_exit(status);
}

/* Compound commands ({ }, if, loops, case) run with their redirections around the whole
 * command. One that cannot be applied fails the command with status 2, which set -e treats as
 * any failed command (dash: `set -e; while ...; done <missing` ends the script). */
static int with_redirects(struct node *n, int flags, int (*run)(struct node *, int))
{
    int mark, status;

    if (n->redirs == NULL)
        return run(n, flags);
    mark = redirect_mark();
    if (redirect_apply(n->redirs, 1) < 0) {
        redirect_restore(mark);
        errexit_check(2, flags);
        return 2;
    }
    status = run(n, flags);
    redirect_restore(mark);
    return status;
}

static int run_kind(struct node *n, int flags)
{
    switch (n->kind) {
    case N_IF: return run_if(n, flags);
    case N_WHILE:
    case N_UNTIL: return run_loop(n, flags);
    case N_FOR: return run_for(n, flags);
    case N_CASE: return run_case(n, flags);
    case N_GROUP: return run_node(n->body, flags);
    default: return 0;
    }
}

/* Run a node; its status is also $? from now on. Then the traps of signals that came. */
int run_node(struct node *n, int flags)
{
    int status;

    stack_check();
    status = run_node_kind(n, flags);

    sh.status = status;
    traps_run_pending();
    return status;
}

static int run_node_kind(struct node *n, int flags)
{
    int status;

    if (n == NULL || (sh.opt_n && !sh.interactive))     /* set -n: only parse */
        return 0;
    switch (n->kind) {
    case N_SEQ:
        status = run_node(n->left, flags & ~EV_EXIT);
        sh.status = status;
        if (jumping())
            return status;
        return run_node(n->right, flags);
    case N_AND:
    case N_OR:
        status = run_node(n->left, (flags & ~EV_EXIT) | EV_COND);
        sh.status = status;
        if (jumping() || (status == 0) != (n->kind == N_AND))
            return status;
        return run_node(n->right, flags);
    case N_NOT:
        return !run_node(n->body, (flags & ~EV_EXIT) | EV_COND);
    case N_BG:
        return run_background(n);
    case N_FUNC:
        func_set(n->name, n->body);
        if (current_arena != NULL)
            current_arena->pinned = 1;      /* the body lives on after this command */
        return 0;
    case N_SIMPLE:
        status = run_simple(n, flags);
        break;
    case N_PIPE:
        status = run_pipeline(n, flags);
        break;
    case N_SUBSHELL:
        status = run_subshell(n, flags);
        break;
    default:
        return with_redirects(n, flags, run_kind);
    }
    errexit_check(status, flags);
    return status;
}

/* ---- the read-parse-execute loop ---- */

/* After an error in an interactive shell: back to a clean state at the prompt. */
static void recover(void)
{
    redirect_restore(0);
    params_unwind(0);
    sh.loop_depth = sh.func_depth = 0;
    sh.breaking = sh.continuing = sh.returning = 0;
    sh.context = NULL;
    sh.builtin = NULL;
}

/* Is the command just parsed the input's last, in a process that ends after it? Then a program
 * it runs last may replace the shell ($(cmd): no fork). */
static int last_of_input(struct input *in)
{
    size_t i;

    if (!in->exit_after || !in->eof)
        return 0;
    for (i = in->pos; i < in->len; i++)
        if (in->buf[i] != ' ' && in->buf[i] != '\t' && in->buf[i] != '\n')
            return 0;
    return 1;
}

/* Parse and run one line. 0 at the end of the input. */
static int run_one(struct input *in, int toplevel, struct arena *arena)
{
    struct node *node;
    jmp_buf here;
    jmp_buf *outer = sh.on_error;
    struct arena *outer_arena = current_arena;

    if (setjmp(here)) {
        sh.on_error = outer;
        current_arena = outer_arena;
        arena_free(arena);
        if (!toplevel || !sh.interactive) {
            if (outer != NULL)
                longjmp(*outer, 1);
            sh_exit(2);
        }
        recover();
        in->pos = in->len;          /* drop the rest of the line */
        input_discard(in);
        return 1;
    }
    sh.on_error = &here;
    if (toplevel && sh.interactive)
        in->prompt = 1;
    if (!parse_line(in, arena, &node)) {
        sh.on_error = outer;
        return 0;
    }
    current_arena = arena;
    if (sh.opt_v && in->fd >= 0)    /* set -v: the text as it was read (from a file: as dash,
                                       not the text of -c, eval or a trap) */
        out_fmt(2, "%.*s", (int)in->pos, in->buf);
    if (node != NULL)
        sh.status = run_node(node, (last_of_input(in) ? EV_EXIT : 0) | (in->condition ? EV_COND : 0));
    current_arena = outer_arena;
    sh.on_error = outer;
    arena_free(arena);
    input_discard(in);
    return 1;
}

int run_input(struct input *in, int toplevel)
{
    const char *builtin = sh.builtin;

    sh.builtin = NULL;          /* the commands of eval, . or a trap are not the builtin running them */
    for (;;) {
        struct arena *arena = xmalloc(sizeof *arena);
        int more;

        memset(arena, 0, sizeof *arena);
        more = run_one(in, toplevel, arena);
        if (!arena->pinned)
            free(arena);
        if (!more)
            break;
        if (sh.loop_depth == 0)         /* break outside a loop is ignored */
            sh.breaking = sh.continuing = 0;
        if (sh.returning)               /* return in a `.` file or eval */
            break;
    }
    sh.builtin = builtin;
    return sh.status;
}

/* Text run for the current command (eval, a trap, $(...)). Messages count its lines from 1, as
 * dash does (eval "\nnosuch" is "sh: 2: eval: nosuch: not found"), or, for the text of a $(...),
 * from the command's line. */
int run_string(const char *text, int how)
{
    struct input in;
    int status, line = sh.line;

    input_from_string(&in, text);
    in.exit_after = (how & RUN_EXIT) != 0;
    in.condition = (how & RUN_COND) != 0;
    in.line = how & RUN_INLINE ? sh.line : 1;
    status = run_input(&in, 0);
    sh.line = line;
    input_free(&in);
    return status;
}

/* A file's commands, run by `.`: a return in it (outside its functions) ends the file, even
 * when `.` itself was called in a function. */
int run_file_text(const char *text)
{
    struct input in;
    int status, line = sh.line;

    input_from_string(&in, text);
    status = run_input(&in, 0);
    sh.line = line;
    input_free(&in);
    if (sh.returning) {
        sh.returning = 0;
        status = sh.status;
    }
    return status;
}
