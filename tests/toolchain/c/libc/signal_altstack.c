// expected: host
/* sigaltstack and SA_ONSTACK (POSIX): a handler runs on the alternate stack the program gave,
 * sigaltstack reports SS_ONSTACK inside it, the stack cannot be changed while in use, too small
 * a stack is ENOMEM, SS_DISABLE turns it off, and a forked child keeps it. */
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static char *alt;
static volatile sig_atomic_t on_alt, flags_inside, change_inside, change_errno, uc_flags;

static void handler(int sig, siginfo_t *info, void *context)
{
    char local;
    stack_t now, other;
    ucontext_t *uc = context;

    on_alt = (uintptr_t)&local >= (uintptr_t)alt && (uintptr_t)&local < (uintptr_t)alt + SIGSTKSZ;
    sigaltstack(NULL, &now);
    flags_inside = now.ss_flags;
    uc_flags = uc->uc_stack.ss_flags;
    if (now.ss_flags == SS_ONSTACK) {   /* (elsewhere the change would succeed) */
        other.ss_sp = malloc(SIGSTKSZ);
        other.ss_size = SIGSTKSZ;
        other.ss_flags = 0;
        errno = 0;
        change_inside = sigaltstack(&other, NULL);
        change_errno = errno;
        free(other.ss_sp);
    }
}

static void install(int flags)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = handler;
    sa.sa_flags = SA_SIGINFO | flags;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
}

static const char *flags_name(int flags)
{
    return flags == SS_DISABLE ? "SS_DISABLE" : flags == SS_ONSTACK ? "SS_ONSTACK" : flags == 0 ? "0" : "?";
}

int main(void)
{
    stack_t ss, old;
    int r, ws;

    r = sigaltstack(NULL, &old);
    printf("at start: %d, flags %s\n", r, flags_name(old.ss_flags));

    alt = malloc(SIGSTKSZ);
    ss.ss_sp = alt;
    ss.ss_size = MINSIGSTKSZ - 1;
    ss.ss_flags = 0;
    errno = 0;
    r = sigaltstack(&ss, NULL);
    printf("smaller than MINSIGSTKSZ: %d %s\n", r, strerror(errno));
    ss.ss_size = SIGSTKSZ;
    ss.ss_flags = 0x100;
    errno = 0;
    r = sigaltstack(&ss, NULL);
    printf("bad flags: %d %s\n", r, strerror(errno));
    ss.ss_flags = 0;
    r = sigaltstack(&ss, &old);
    printf("set: %d, the old was %s\n", r, flags_name(old.ss_flags));
    sigaltstack(NULL, &old);
    printf("get: the same stack %d, size %d, flags %s\n", old.ss_sp == alt, (int)old.ss_size,
           flags_name(old.ss_flags));

    install(0);
    raise(SIGUSR1);
    printf("without SA_ONSTACK: on the alternate stack %d, flags inside %s\n", on_alt,
           flags_name(flags_inside));
    install(SA_ONSTACK);
    raise(SIGUSR1);
    printf("with SA_ONSTACK: on the alternate stack %d, flags inside %s, uc_stack %s\n", on_alt,
           flags_name(flags_inside), flags_name(uc_flags));
    printf("changing it from its handler: %d %s\n", change_inside, strerror(change_errno));
    sigaltstack(NULL, &old);
    printf("after the handler: flags %s\n", flags_name(old.ss_flags));

    pid_t child = fork();
    if (child == 0) {
        on_alt = 0;
        raise(SIGUSR1);
        _exit(on_alt ? 10 : 20);
    }
    waitpid(child, &ws, 0);
    printf("a forked child's handler runs on its alternate stack: %d\n", WEXITSTATUS(ws) == 10);

    ss.ss_flags = SS_DISABLE;
    r = sigaltstack(&ss, NULL);
    sigaltstack(NULL, &old);
    printf("SS_DISABLE: %d, flags %s\n", r, flags_name(old.ss_flags));
    raise(SIGUSR1);
    printf("disabled: on the alternate stack %d\n", on_alt);
    return 0;
}
