/*
 * bgsave.c - BGSAVE: a snapshot of the database, written by a forked child while the parent
 * goes on serving clients. This is the μFork paper's Redis workload (and labs/redis).
 *
 * fork() gives the child a copy of the parent's memory as it was at that instant: the child
 * writes that frozen dataset to disk however long it takes, while the parent's later writes land
 * in the parent's own pages. How much the copy really cost depends on the kernel's fork policy
 * (copa, coa, sync, classic): the child reads it from /proc/self/status (PagesCopied,
 * CapsRelocated) before it exits and reports it to the parent through a pipe, as Redis's child
 * reports its copy-on-write size.
 *
 *   parent: pipe, fork (timed: latest_fork_usec), "Background saving started by pid N", serve on
 *   child:  rdb_save() writes temp-PID.rdb and renames it over the dump; report the cost; exit
 *   parent: poll says the pipe has the report, then its end -> waitpid -> "Background saving
 *           terminated with success"
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "server.h"

/* What fork cost this μprocess, as the kernel counted it. */
struct fork_cost {
    long long pages_copied;
    long long caps_relocated;
};

static long long status_field(const char *status, const char *name)
{
    const char *p = strstr(status, name);
    return p ? atoll(p + strlen(name)) : 0;
}

/* Read this μprocess's PagesCopied and CapsRelocated from /proc/self/status. */
static void read_fork_cost(struct fork_cost *cost)
{
    char status[2048];
    ssize_t n = 0;
    int fd = open("/proc/self/status", O_RDONLY);
    if (fd >= 0) {
        n = read(fd, status, sizeof status - 1);
        close(fd);
    }
    status[n > 0 ? n : 0] = 0;
    cost->pages_copied = status_field(status, "PagesCopied:");
    cost->caps_relocated = status_field(status, "CapsRelocated:");
}

/* The child: write the snapshot, report what the fork cost it on report_fd, exit (0: saved). */
static _Noreturn void bgsave_child(int report_fd)
{
    // BEGIN SOLUTION redis
    struct fork_cost cost;
    log_role = 'C';
    close(server.listen_fd);                 /* the child serves no one */
    int saved = rdb_save(server.dbfilename) == 0;
    read_fork_cost(&cost);
    log_msg('*', "RDB: %lld pages (%lld kB) copied and %lld capabilities relocated for this child",
            cost.pages_copied, cost.pages_copied * 4, cost.caps_relocated);
    if (write(report_fd, &cost, sizeof cost) != (ssize_t)sizeof cost)
        log_msg('#', "Could not report the child's cost to the parent: %s", strerror(errno));
    _exit(saved ? 0 : 1);
    // STUB
    // (void)report_fd;     /* TODO: save with rdb_save, report the cost (read_fork_cost), exit */
    // _exit(1);
    // END SOLUTION
}

/* BGSAVE: start a child that saves, and return at once. 0, or -1 with errno if no child started. */
int rdb_save_background(void)
{
    // BEGIN SOLUTION redis
    int report[2];
    if (server.child_pid) {
        errno = EBUSY;
        return -1;
    }
    if (pipe(report) != 0)
        return -1;
    server.dirty_before_bgsave = server.dirty;
    server.lastbgsave_try = now_ms() / 1000;
    long long start = mono_us();
    pid_t pid = fork();
    if (pid == 0) {
        close(report[0]);
        bgsave_child(report[1]);
    }
    server.latest_fork_usec = mono_us() - start;
    close(report[1]);
    if (pid < 0) {
        int error = errno;
        close(report[0]);
        server.lastbgsave_ok = 0;
        log_msg('#', "Can't save in background: fork: %s", strerror(error));
        errno = error;
        return -1;
    }
    fcntl(report[0], F_SETFL, O_NONBLOCK);
    server.total_forks++;
    server.child_pages_copied = server.child_caps_relocated = 0;
    server.child_pid = pid;
    server.child_report_fd = report[0];
    server.child_start_ms = now_ms();
    log_msg('*', "Background saving started by pid %d", (int)pid);
    return 0;
    // STUB
    // errno = ENOSYS;      /* TODO: pipe, fork (timed), the child saves, the parent returns at once */
    // return -1;
    // END SOLUTION
}

/* Called by the event loop when the report pipe is readable (and by the cron): take the child's
 * report; once the pipe is at its end (the child has exited), reap the child and record how the
 * save went. The pipe is non-blocking, so a call with nothing to read costs one read. */
void bgsave_check_done(void)
{
    // BEGIN SOLUTION redis
    int status;
    struct fork_cost cost;
    if (!server.child_pid)
        return;
    ssize_t n = read(server.child_report_fd, &cost, sizeof cost);
    if (n == (ssize_t)sizeof cost) {
        server.child_pages_copied = cost.pages_copied;
        server.child_caps_relocated = cost.caps_relocated;
        return;
    }
    if (n != 0)
        return;                              /* nothing yet: the child is still writing */
    if (waitpid(server.child_pid, &status, 0) != server.child_pid)
        return;
    close(server.child_report_fd);
    if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
        log_msg('*', "Background saving terminated with success");
        server.dirty -= server.dirty_before_bgsave;
        server.lastsave = now_ms() / 1000;
        server.lastbgsave_ok = 1;
    } else {
        char tmp[64];
        if (WIFSIGNALED(status))
            log_msg('#', "Background saving terminated by signal %d", WTERMSIG(status));
        else
            log_msg('#', "Background saving error");
        snprintf(tmp, sizeof tmp, "temp-%d.rdb", (int)server.child_pid);
        unlink(tmp);                         /* what a killed child left half-written */
        server.lastbgsave_ok = 0;
    }
    server.rdb_last_bgsave_time_sec = (now_ms() - server.child_start_ms) / 1000;
    server.child_pid = 0;
    // STUB
    // return;              /* TODO: read the child's report; at the pipe's end, reap it, record the save */
    // END SOLUTION
}

/* Stop a running save and forget it (SHUTDOWN and FLUSHALL do, as Redis's killRDBChild). */
void bgsave_kill(void)
{
    char tmp[64];
    if (!server.child_pid)
        return;
    kill(server.child_pid, SIGUSR1);
    waitpid(server.child_pid, NULL, 0);
    snprintf(tmp, sizeof tmp, "temp-%d.rdb", (int)server.child_pid);
    unlink(tmp);
    close(server.child_report_fd);
    log_msg('*', "Killed the background saving child %d", (int)server.child_pid);
    server.child_pid = 0;
}
