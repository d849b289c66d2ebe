/*
 * pool.c - the master's worker pool, as Nginx's master runs its workers: fork N workers that all
 * accept on the one listening socket, fork a new one when one dies, and on SIGTERM stop them
 * (each finishes the request it is answering) and wait for them all. On SIGHUP the workers are
 * replaced by new ones (Nginx does this to reload its configuration).
 *
 * Why fork works here: a child inherits its parent's descriptors, and a descriptor is a
 * reference to the same open socket, so N workers can wait on one listening socket and the
 * kernel gives each new connection to one of them. In ufos each fork is a μFork: the worker is
 * a copy of the master in another slot of the one address space, its capabilities relocated.
 *
 * This file is lab httpd's (labs/httpd/README.md).
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "httpd.h"

static volatile sig_atomic_t stop_requested, refork_requested;

static void on_signal(int sig)
{
    if (sig == SIGTERM)
        stop_requested = 1;
    else if (sig == SIGHUP)
        refork_requested = 1;
}

/* Catch SIGTERM and SIGHUP, without SA_RESTART: a signal interrupts the master's waitpid, so
 * that the master's loop sees it at once. */
static void catch_signals(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

// BEGIN SOLUTION httpd
/* Fork a worker: the child serves until SIGTERM, then exits; the parent gets its pid (or -1). */
static pid_t start_worker(int listen_fd, void (*serve)(int listen_fd))
{
    pid_t pid = fork();

    if (pid == 0) {
        signal(SIGTERM, SIG_DFL);               /* the master's handlers are not the worker's */
        signal(SIGHUP, SIG_DFL);
        serve(listen_fd);
        _exit(0);
    }
    if (pid < 0)
        perror("httpd: fork");
    return pid;
}

/* Send sig to every worker alive. */
static void signal_workers(const pid_t *workers, int n, int sig)
{
    for (int i = 0; i < n; i++)
        if (workers[i] > 0)
            kill(workers[i], sig);
}

int run_worker_pool(int listen_fd, int n, void (*serve)(int listen_fd))
{
    pid_t workers[MAX_WORKERS];
    int status;

    catch_signals();
    for (int i = 0; i < n; i++)
        workers[i] = start_worker(listen_fd, serve);
    while (!stop_requested) {
        pid_t pid;

        if (refork_requested) {                 /* stop them all: the loop forks their successors */
            refork_requested = 0;
            signal_workers(workers, n, SIGTERM);
        }
        pid = waitpid(-1, &status, 0);
        if (pid < 0 && errno == ECHILD) {       /* every fork failed: nothing left to serve */
            fprintf(stderr, "httpd: no worker is left\n");
            return 1;
        }
        for (int i = 0; i < n && pid > 0; i++) {
            if (workers[i] == pid && !stop_requested) {
                workers[i] = start_worker(listen_fd, serve);
                fprintf(stderr, "httpd: worker %d ended; worker %d replaces it\n", pid, workers[i]);
            } else if (workers[i] == pid) {
                workers[i] = 0;
            }
        }
    }
    signal_workers(workers, n, SIGTERM);
    while (wait(&status) > 0)                   /* every worker, and nothing else, is our child */
        ;
    close(listen_fd);
    return 0;
}
// STUB
// int run_worker_pool(int listen_fd, int n, void (*serve)(int listen_fd))
// {
//     /* Lab httpd: your worker pool goes here (labs/httpd/README.md says what it does). Until
//      * then the master serves by itself, with no worker. */
//     (void)n;
//     fprintf(stderr, "httpd: the worker pool is not written yet: the master serves alone\n");
//     serve(listen_fd);
//     return 0;
// }
// END SOLUTION
