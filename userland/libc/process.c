/*
 * process.c - processes: fork, the exec family, _exit, wait, ids, system(), popen and pclose.
 *
 * On ufos, fork is μFork: the child is a copy of the parent in a new slot of the single address
 * space, with every capability in it moved to point into the copy. To a C program it is plain
 * POSIX fork.
 */
#include <errno.h>
#include <grp.h>
#include <limits.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "libc.h"

pid_t fork(void)
{
    /* clone(flags = SIGCHLD: tell the parent when the child ends, no stack, no tids, no tls) */
    return (pid_t)syscall5(SYS_clone, SIGCHLD, 0, 0, 0, 0);
}

int execve(const char *pathname, char *const argv[], char *const envp[])
{
    return (int)syscall3(SYS_execve, pathname, argv, envp);
}

int execv(const char *pathname, char *const argv[])
{
    return execve(pathname, argv, environ);
}

/* execvp: a name without '/' is looked for in each directory of $PATH. */
int execvp(const char *file, char *const argv[])
{
    const char *path = getenv("PATH"), *dir, *end;
    char full[PATH_MAX];
    size_t dlen, flen = strlen(file);
    int saw_eacces = 0;

    if (*file == '\0') {
        errno = ENOENT;
        return -1;
    }
    if (strchr(file, '/') != NULL)
        return execve(file, argv, environ);
    if (path == NULL)
        path = "/bin:/usr/bin";
    for (dir = path;; dir = end + 1) {
        end = strchr(dir, ':');
        if (end == NULL)
            end = dir + strlen(dir);
        dlen = (size_t)(end - dir);
        if (dlen + 1 + flen + 1 <= sizeof full) {
            memcpy(full, dir, dlen);
            if (dlen == 0)                      /* an empty entry is the current directory */
                full[dlen++] = '.';
            full[dlen] = '/';
            memcpy(full + dlen + 1, file, flen + 1);
            execve(full, argv, environ);
            if (errno == EACCES)
                saw_eacces = 1;
            else if (errno != ENOENT && errno != ENOTDIR)
                return -1;
        }
        if (*end == '\0')
            break;
    }
    if (saw_eacces)
        errno = EACCES;
    return -1;
}

/* execl(path, arg0, arg1, ..., (char *)NULL): the arguments become an argv array. */
static int exec_list(const char *file, const char *arg, va_list ap, int search)
{
    va_list count;
    char **argv;
    size_t n = 1, i;
    int result;

    va_copy(count, ap);
    while (va_arg(count, char *) != NULL)
        n++;
    va_end(count);
    argv = malloc((n + 1) * sizeof(char *));
    if (argv == NULL)
        return -1;
    argv[0] = (char *)arg;
    for (i = 1; i <= n; i++)
        argv[i] = va_arg(ap, char *);          /* the last one is the NULL */
    result = search ? execvp(file, argv) : execve(file, argv, environ);
    free(argv);
    return result;
}

int execl(const char *pathname, const char *arg, ...)
{
    va_list ap;
    int result;

    va_start(ap, arg);
    result = exec_list(pathname, arg, ap, 0);
    va_end(ap);
    return result;
}

int execlp(const char *file, const char *arg, ...)
{
    va_list ap;
    int result;

    va_start(ap, arg);
    result = exec_list(file, arg, ap, 1);
    va_end(ap);
    return result;
}

_Noreturn void _exit(int status)
{
    for (;;)
        __syscall(SYS_exit_group, (uintptr_t)status, 0, 0, 0, 0, 0);
}

pid_t waitpid(pid_t pid, int *wstatus, int options)
{
    return (pid_t)syscall4(SYS_wait4, pid, wstatus, options, 0);
}

pid_t wait(int *wstatus)
{
    return waitpid(-1, wstatus, 0);
}

pid_t getpid(void)
{
    return (pid_t)syscall0(SYS_getpid);
}

int reboot(int howto)
{
    return (int)syscall1(SYS_reboot, howto);
}

pid_t getppid(void)
{
    return (pid_t)syscall0(SYS_getppid);
}

uid_t getuid(void)
{
    return (uid_t)syscall0(SYS_getuid);
}

uid_t geteuid(void)
{
    return (uid_t)syscall0(SYS_geteuid);
}

gid_t getgid(void)
{
    return (gid_t)syscall0(SYS_getgid);
}

gid_t getegid(void)
{
    return (gid_t)syscall0(SYS_getegid);
}

int getgroups(int size, gid_t list[])
{
    return (int)syscall2(SYS_getgroups, size, list);
}

int setgroups(size_t size, const gid_t *list)
{
    return (int)syscall2(SYS_setgroups, size, list);
}

int setpgid(pid_t pid, pid_t pgid)
{
    return (int)syscall2(SYS_setpgid, pid, pgid);
}

pid_t getpgid(pid_t pid)
{
    return (pid_t)syscall1(SYS_getpgid, pid);
}

pid_t getpgrp(void)
{
    return getpgid(0);
}

pid_t setsid(void)
{
    return (pid_t)syscall0(SYS_setsid);
}

/* Run command with /bin/sh -c and wait for it; its wait status, or -1. */
/* In a child: run command with /bin/sh -c, or end with status 127 if the shell cannot run. */
static _Noreturn void exec_shell(const char *command)
{
    char *argv[] = {"sh", "-c", (char *)command, NULL};

    execve("/bin/sh", argv, environ);
    _exit(127);
}

/* The status of child pid, once it has ended; -1 if it cannot be had. */
static int wait_for(pid_t pid)
{
    int status;

    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return status;
}

int system(const char *command)
{
    pid_t pid;

    if (command == NULL)
        return access("/bin/sh", X_OK) == 0;
    pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0)
        exec_shell(command);
    return wait_for(pid);
}

/*
 * popen(command, "r") reads what command writes to its standard output, popen(command, "w")
 * writes its standard input: a pipe between the caller's stream and a /bin/sh -c child. Each
 * open stream remembers its child, for pclose to wait for.
 */
struct piped {
    FILE *stream;
    pid_t pid;
    struct piped *next;
};
static struct piped *piped_streams;

FILE *popen(const char *command, const char *mode)
{
    int fds[2];
    int reading = mode[0] == 'r';       /* the caller reads fds[0]; the child writes fds[1] */
    struct piped *p;
    pid_t pid;

    if ((mode[0] != 'r' && mode[0] != 'w') || (mode[1] != '\0' && strcmp(mode + 1, "e") != 0)) {
        errno = EINVAL;
        return NULL;
    }
    if ((p = malloc(sizeof *p)) == NULL)
        return NULL;
    if (pipe(fds) < 0) {
        free(p);
        return NULL;
    }
    if ((pid = fork()) < 0) {
        close(fds[0]);
        close(fds[1]);
        free(p);
        return NULL;
    }
    if (pid == 0) {
        dup2(fds[reading ? 1 : 0], reading ? STDOUT_FILENO : STDIN_FILENO);
        close(fds[0]);
        close(fds[1]);
        exec_shell(command);
    }
    close(fds[reading ? 1 : 0]);
    p->stream = fdopen(fds[reading ? 0 : 1], reading ? "r" : "w");
    p->pid = pid;
    p->next = piped_streams;
    piped_streams = p;
    return p->stream;
}

/* Close a stream of popen and wait for its command: the command's status, or -1. */
int pclose(FILE *stream)
{
    struct piped **link = &piped_streams, *p;
    pid_t pid;

    while (*link != NULL && (*link)->stream != stream)
        link = &(*link)->next;
    if ((p = *link) == NULL) {
        errno = ECHILD;
        return -1;
    }
    *link = p->next;
    pid = p->pid;
    free(p);
    fclose(stream);
    return wait_for(pid);
}
