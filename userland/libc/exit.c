/*
 * exit.c - ending the program: atexit, exit, _Exit, abort, and assert's failure message.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "libc.h"

#define ATEXIT_MAX 32

static void (*handlers[ATEXIT_MAX])(void);
static int nhandlers;

int atexit(void (*function)(void))
{
    if (nhandlers == ATEXIT_MAX)
        return -1;
    handlers[nhandlers++] = function;
    return 0;
}

/* Run the atexit functions (last registered first), flush stdio, and end the process. */
_Noreturn void exit(int status)
{
    while (nhandlers > 0) {
        nhandlers--;
        handlers[nhandlers]();
    }
    __stdio_flush_all();
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
