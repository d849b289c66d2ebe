// expected: host
// status: 3
// err.h: warn, warnx, vwarn, vwarnx, err and errx (in children: their exit status), a null
// format. stderr is sent to stdout (unbuffered both) so the messages are compared with glibc's.
#include <err.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

static void my_vwarn(int with_errno, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    if (with_errno)
        vwarn(fmt, ap);
    else
        vwarnx(fmt, ap);
    va_end(ap);
}

/* A child that ends in err (errno set) or errx; the parent prints how it ended. */
static void child_exits(int use_errno, int status) {
    pid_t pid = fork();
    if (pid == 0) {
        errno = EACCES;
        if (use_errno)
            err(status, "child %d", status);
        errx(status, "child %s", "x");
    }
    int ws;
    waitpid(pid, &ws, 0);
    printf("child exited %d with %d\n", WIFEXITED(ws), WEXITSTATUS(ws));
}

int main(void) {
    setvbuf(stdout, NULL, _IONBF, 0);
    dup2(STDOUT_FILENO, STDERR_FILENO);

    errno = ENOENT;
    warn("open %s", "missing.txt");
    warnx("plain %d%%", 50);
    errno = EBADF;
    warn(NULL);
    warnx(NULL);
    printf("errno kept: %d\n", errno == EBADF);
    errno = EINVAL;
    my_vwarn(1, "v%s", "warn");
    my_vwarn(0, "v%s %d", "warnx", 7);
    errno = 0;
    warn("errno zero");

    child_exits(1, 2);
    child_exits(0, 0);
    child_exits(0, 255);
    errx(3, "the end: %d", 3);
}
