/* in_child.h - what the mmap tests share: run fn(p) in a forked child and say how it ended. */
#ifndef IN_CHILD_H
#define IN_CHILD_H

#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* How a child that ran fn(p) ended: "exit N" or the signal's name. */
static const char *in_child(int (*fn)(char *), char *p)
{
    static char text[64];
    int status;
    pid_t pid = fork();

    if (pid == 0)
        _exit(fn(p));
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        return strsignal(WTERMSIG(status));
    snprintf(text, sizeof text, "exit %d", WEXITSTATUS(status));
    return text;
}

#endif
