/*
 * exit.c - ending the program: atexit, exit, _Exit, at_quick_exit and quick_exit (C11), abort,
 * and assert's failure message.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "libc.h"

#define ATEXIT_MAX 32

/* The functions to run at the end: one list for exit (atexit), one for quick_exit. */
struct exit_handlers {
    void (*functions[ATEXIT_MAX])(void);
    int count;
};
static struct exit_handlers at_exit, at_quick;

static int add_handler(struct exit_handlers *list, void (*function)(void))
{
    if (list->count == ATEXIT_MAX)
        return -1;
    list->functions[list->count++] = function;
    return 0;
}

/* Run them, last registered first (one that calls exit does not run the rest twice). */
static void run_handlers(struct exit_handlers *list)
{
    while (list->count > 0) {
        list->count--;
        list->functions[list->count]();
    }
}

int atexit(void (*function)(void))
{
    return add_handler(&at_exit, function);
}

int at_quick_exit(void (*function)(void))
{
    return add_handler(&at_quick, function);
}

/* Run the atexit functions (last registered first), flush stdio, and end the process. */
_Noreturn void exit(int status)
{
    run_handlers(&at_exit);
    __stdio_flush_all();
    _exit(status);
}

/* Run the at_quick_exit functions and end the process: no atexit functions, no flushing. */
_Noreturn void quick_exit(int status)
{
    run_handlers(&at_quick);
    _exit(status);
}

/* End the process at once: no atexit functions, no flushing. */
_Noreturn void _Exit(int status)
{
    _exit(status);
}

/* Die of SIGABRT, even if the program blocks or catches it (POSIX): a handler runs, and if it
 * returns, the default action follows. Output already written with printf is flushed first, so
 * that it is not lost. */
_Noreturn void abort(void)
{
    struct sigaction sa;
    sigset_t abrt;

    __stdio_flush_all();
    sigemptyset(&abrt);
    sigaddset(&abrt, SIGABRT);
    sigprocmask(SIG_UNBLOCK, &abrt, NULL);
    raise(SIGABRT);
    /* SIGABRT was caught and the handler returned, or there is no kernel to deliver it yet:
     * restore the default action and try again, then give up in the conventional way. */
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = SIG_DFL;
    sa.sa_flags = 0;
    sigaction(SIGABRT, &sa, NULL);
    raise(SIGABRT);
    _exit(128 + SIGABRT);
}

_Noreturn void __assert_fail(const char *expr, const char *file, int line, const char *func)
{
    fprintf(stderr, "%s: %s:%d: %s: Assertion `%s' failed.\n", __progname, file, line, func, expr);
    abort();
}
