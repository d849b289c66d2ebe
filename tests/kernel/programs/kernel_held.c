/* What the kernel keeps for a μprocess — signal actions and the frames of running handlers — must
 * follow it through fork and exec as safely as its memory does. argv[1] picks a case. */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static volatile int counter;      /* a global the handler writes */
static volatile int child_pid = -1;
static char data[64];             /* not code: must never be accepted as a handler */

static void count(int sig)
{
    (void)sig;
    counter++;
}

static void fork_here(int sig)
{
    (void)sig;
    child_pid = fork();
    printf("%s in the handler\n", child_pid == 0 ? "child" : "parent");
    fflush(stdout);
}

static int install(int sig, void (*handler)(int))
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    return sigaction(sig, &sa, NULL);
}

/* rt_sigaction as libc would call it, with whatever the caller puts in the structure. */
static long raw_sigaction(int sig, struct sigaction *act, struct sigaction *old)
{
    return __syscall(SYS_rt_sigaction, sig, (uintptr_t)act, (uintptr_t)old, sizeof(sigset_t), 0, 0);
}

static void handler_after_fork(void)
{
    install(SIGUSR1, count);
    int pid = fork();
    if (pid == 0) {
        raise(SIGUSR1);
        raise(SIGUSR1);
        printf("child: counter %d\n", counter);
        exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    printf("parent: counter %d, child %s\n", counter,
           WIFEXITED(status) && WEXITSTATUS(status) == 0 ? "exited 0" : "failed");
}

static void fork_in_handler(void)
{
    install(SIGUSR1, fork_here);
    raise(SIGUSR1);                 /* both return here from the same handler */
    if (child_pid == 0) {
        printf("child back in main\n");
        exit(7);
    }
    int status;
    waitpid(child_pid, &status, 0);
    printf("parent back in main, child exited %d\n", WEXITSTATUS(status));
}

static void forged_frame(void)
{
    /* No handler is running: there is no frame to return to, whatever the stack holds. */
    long r = __syscall(SYS_rt_sigreturn, 0, 0, 0, 0, 0, 0);
    printf("rt_sigreturn outside a handler = %ld\n", r);
}

static void bad_handlers(void)
{
    struct sigaction sa, old;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = (void (*)(int))(void *)data;            /* a data capability */
    printf("data handler: %ld\n", raw_sigaction(SIGUSR1, &sa, NULL));
    sa.sa_handler = (void (*)(int))(uintptr_t)0x12345;      /* an integer */
    printf("integer handler: %ld\n", raw_sigaction(SIGUSR1, &sa, NULL));
    sa.sa_handler = SIG_IGN;                                /* ignored, with a data "restorer" */
    sa.sa_flags = SA_RESTORER;
    sa.sa_restorer = (void (*)(void))(void *)data;
    printf("data restorer: %ld\n", raw_sigaction(SIGUSR1, &sa, NULL));
    char *odd = data + 8;                                   /* a misaligned struct sigaction */
    printf("misaligned act: %ld\n", raw_sigaction(SIGUSR1, (struct sigaction *)odd, NULL));
    printf("misaligned oldact: %ld\n", raw_sigaction(SIGUSR1, NULL, (struct sigaction *)odd));
    /* nothing was installed: the action is still the default */
    raw_sigaction(SIGUSR1, NULL, &old);
    printf("still default: %d\n", old.sa_handler == SIG_DFL && old.sa_restorer == NULL);
    /* a real handler is accepted and handed back as it was given */
    install(SIGUSR1, count);
    raw_sigaction(SIGUSR1, NULL, &old);
    printf("handed back: %d\n", old.sa_handler == count);
}

int main(int argc, char **argv)
{
    const char *what = argc > 1 ? argv[1] : "";
    if (!strcmp(what, "handler-fork"))
        handler_after_fork();
    else if (!strcmp(what, "fork-in-handler"))
        fork_in_handler();
    else if (!strcmp(what, "forged-frame"))
        forged_frame();
    else if (!strcmp(what, "bad-handlers"))
        bad_handlers();
    else
        return 2;
    return 0;
}
