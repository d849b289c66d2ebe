/*
 * trap.c - trap: commands the shell runs when a signal arrives, or when it exits (EXIT, 0).
 *
 *   trap 'action' SIG...   run action when SIG arrives      trap '' SIG   ignore SIG
 *   trap - SIG...          back to the default              trap          list the traps
 *
 * A signal handler cannot run shell commands (the shell may be in the middle of changing a
 * variable), so it only notes the signal; traps_run_pending runs the actions between commands
 * (run_node calls it after each one), as POSIX says: a trap set on a signal that arrives while
 * a foreground command runs waits for that command to finish.
 *
 * The status rules: while an action runs, $? is the status of the command before; after it, $?
 * is that status again - unless the action exits. `exit` without a number inside an action uses
 * it too. The EXIT trap runs when the shell ends (sh_exit), with $? the exit status, and the
 * shell ends with that status unless the action calls exit N.
 *
 * A subshell starts with the traps reset (the ignored signals stay ignored): traps_forget.
 *
 * The handler is installed without SA_RESTART, so that a trapped signal interrupts the `wait`
 * builtin, which then returns 128 + the signal at once (POSIX) and the action runs.
 */
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

#define EXIT_TRAP 0

static char *actions[NSIG];                 /* NULL: default; "": ignored */
static volatile sig_atomic_t arrived[NSIG];
static volatile sig_atomic_t any_arrived;
static int running_action;                  /* an action runs (traps wait until it is done) */

static void note_signal(int sig)
{
    arrived[sig] = 1;
    any_arrived = 1;
}

/* Run one action; $? is restored after it. */
static void run_action(const char *action)
{
    int status = sh.status;
    char *copy = xstrdup(action);           /* the action may replace its own trap */

    running_action = 1;
    sh.trap_status = status;
    sh.in_trap++;
    run_string(copy, 0);
    sh.in_trap--;
    running_action = 0;
    sh.status = status;
    free(copy);
}

/* A signal that arrived and has an action to run, or 0. */
int traps_pending(void)
{
    int sig;

    for (sig = 1; any_arrived && sig < NSIG; sig++)
        if (arrived[sig] && actions[sig] != NULL && actions[sig][0] != '\0')
            return sig;
    return 0;
}

void traps_run_pending(void)
{
    int sig;

    if (!any_arrived || running_action)
        return;
    any_arrived = 0;
    for (sig = 1; sig < NSIG; sig++) {
        if (arrived[sig]) {
            arrived[sig] = 0;
            if (actions[sig] != NULL && actions[sig][0] != '\0')
                run_action(actions[sig]);
        }
    }
}

/* The shell is about to exit with status: run the EXIT trap once. */
int traps_run_exit(int status)
{
    char *action = actions[EXIT_TRAP];

    if (action == NULL)
        return status;
    actions[EXIT_TRAP] = NULL;
    sh.status = status;
    sh.trap_status = status;
    sh.in_trap++;
    run_string(action, 0);
    sh.in_trap--;
    free(action);
    return status;
}

/* Does a trap need the shell to stay alive (so the last command must not replace it by exec)? */
int traps_set(void)
{
    int sig;

    for (sig = 0; sig < NSIG; sig++)
        if (actions[sig] != NULL && actions[sig][0] != '\0')
            return 1;
    return 0;
}

static void set_trap(int sig, const char *action)
{
    free(actions[sig]);
    actions[sig] = action ? xstrdup(action) : NULL;
    if (sig == EXIT_TRAP)
        return;
    if (action == NULL) {
        signal(sig, SIG_DFL);
    } else if (action[0] == '\0') {
        signal(sig, SIG_IGN);
    } else {
        struct sigaction sa;

        memset(&sa, 0, sizeof sa);
        sa.sa_handler = note_signal;
        sigemptyset(&sa.sa_mask);
        sigaction(sig, &sa, NULL);          /* no SA_RESTART: wait must see EINTR */
    }
}

/* In a new subshell: actions are the parent's business; ignored signals stay ignored. */
void traps_forget(void)
{
    int sig;

    for (sig = 0; sig < NSIG; sig++)
        if (actions[sig] != NULL && actions[sig][0] != '\0')
            set_trap(sig, NULL);
    any_arrived = 0;
}

static const char *condition_name(int sig)
{
    return sig == EXIT_TRAP ? "EXIT" : signal_name(sig);
}

static void traps_print(void)
{
    int sig;

    for (sig = 0; sig < NSIG; sig++) {
        if (actions[sig] != NULL) {
            struct strbuf sb;

            sb_init(&sb);
            sb_adds(&sb, "trap -- ");
            sb_add_quoted(&sb, actions[sig]);
            sb_addc(&sb, ' ');
            sb_adds(&sb, condition_name(sig));
            sb_addc(&sb, '\n');
            out_str(1, sb.s);
            sb_free(&sb);
        }
    }
}

/* EXIT, 0, a signal's name (INT, SIGINT) or number. SIGKILL and SIGSTOP cannot be caught. */
static int condition_number(const char *name)
{
    int sig;

    if (strcmp(name, "EXIT") == 0)
        return EXIT_TRAP;
    sig = signal_number(name);
    if (sig == SIGKILL || sig == SIGSTOP)
        return -1;
    return sig;
}

/* trap [action] condition...: with one operand, or a number first, the conditions are reset.
 * trap has no options (dash: trap -p is a mistake, which ends a script), and it stops at the
 * first condition it does not know: those after it are left as they were. */
int builtin_trap(int argc, char **argv)
{
    const char *action;
    int i = skip_options(argc, argv, "");
    if (i >= argc) {
        traps_print();
        return 0;
    }
    action = argv[i];
    if (i + 1 == argc || condition_number(action) >= 0 && strspn(action, "0123456789") == strlen(action))
        action = "-";
    else
        i++;
    for (; i < argc; i++) {
        int sig = condition_number(argv[i]);

        if (sig < 0) {
            out_fmt(2, "trap: %s: bad trap\n", argv[i]);
            return 1;
        }
        set_trap(sig, strcmp(action, "-") == 0 ? NULL : action);
    }
    return 0;
}
