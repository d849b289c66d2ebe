/* What the kernel keeps for a μprocess — signal actions, the alternate signal stack and the frames
 * of running handlers — must follow it through fork and exec as safely as its memory does, and
 * what it writes for a handler (siginfo) must carry no capability. argv[1] picks a case. */
#include <cheriintrin.h>
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

/* ---- the alternate signal stack -------------------------------------------------------------- */
static char *alt_stack;
static volatile int ran_on_alt;

static void where_am_i(int sig)
{
    char local;
    (void)sig;
    ran_on_alt = (char *)&local >= alt_stack && (char *)&local < alt_stack + SIGSTKSZ;
}

static int set_stack(void *sp, size_t size)
{
    stack_t ss;
    ss.ss_sp = sp;
    ss.ss_size = size;
    ss.ss_flags = 0;
    errno = 0;
    return sigaltstack(&ss, NULL) == 0 ? 0 : errno;
}

static void altstack_checks(void)
{
    static const char rodata[SIGSTKSZ] = "read-only";
    char *heap = malloc(SIGSTKSZ);
    printf("read-only: %s\n", strerror(set_stack((void *)rodata, SIGSTKSZ)));
    printf("untagged: %s\n", strerror(set_stack(cheri_tag_clear(heap), SIGSTKSZ)));
    printf("sealed (a function): %s\n", strerror(set_stack((void *)(uintptr_t)where_am_i, SIGSTKSZ)));
    printf("bounds shorter than ss_size: %s\n",
           strerror(set_stack(cheri_bounds_set(heap, 4096), SIGSTKSZ)));
    printf("the heap: %s\n", strerror(set_stack(heap, SIGSTKSZ)));
}

/* A child forked with an alternate stack runs its handlers on its own copy of it. */
static void altstack_fork(void)
{
    struct sigaction sa;
    int status;
    alt_stack = malloc(SIGSTKSZ);
    memset(alt_stack, 'p', SIGSTKSZ);
    set_stack(alt_stack, SIGSTKSZ);
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = where_am_i;
    sa.sa_flags = SA_ONSTACK;
    sigaction(SIGUSR1, &sa, NULL);
    pid_t pid = fork();
    if (pid == 0) {
        raise(SIGUSR1);
        printf("child: on its alternate stack %d\n", ran_on_alt);
        fflush(stdout);
        exit(0);
    }
    waitpid(pid, &status, 0);
    int untouched = 1;
    for (int i = 0; i < SIGSTKSZ; i++)
        untouched &= alt_stack[i] == 'p';
    printf("parent: its alternate stack untouched by the child %d\n", untouched);
    raise(SIGUSR1);
    printf("parent: on its alternate stack %d\n", ran_on_alt);
}

/* exec forgets the alternate stack: the new program starts with SS_DISABLE. */
static void altstack_exec(char *self)
{
    set_stack(malloc(SIGSTKSZ), SIGSTKSZ);
    execl(self, self, "altstack-report", (char *)NULL);
    printf("exec failed\n");
}

static void altstack_report(void)
{
    stack_t now;
    sigaltstack(NULL, &now);
    printf("after exec: %s\n", now.ss_flags == SS_DISABLE ? "SS_DISABLE" : "still set");
}

/* /proc/self/caps lists the alternate stack among what the kernel keeps. */
static void altstack_caps(void)
{
    char buf[4096];
    set_stack(malloc(SIGSTKSZ), SIGSTKSZ);
    FILE *f = fopen("/proc/self/caps", "r");
    while (f && fgets(buf, sizeof buf, f))
        if (strstr(buf, "sigaltstack"))
            printf("caps: %s", strstr(buf, "sigaltstack"));
}

/* ---- what a handler is told about a fault --------------------------------------------------- */
static volatile int fault_code, fault_tagged;
static volatile uintptr_t fault_addr;

static void on_fault(int sig, siginfo_t *info, void *uc)
{
    (void)uc;
    fault_code = info->si_code;
    fault_addr = (uintptr_t)info->si_addr;
    fault_tagged = cheri_tag_get(info->si_addr);
    printf("%s: si_code %d, si_addr is the address %d, tagged %d\n", sig == SIGPROT ? "SIGPROT" : "?",
           fault_code, (size_t)fault_addr == (size_t)cheri_address_get(alt_stack) + 16, fault_tagged);
    fflush(stdout);
    _exit(0);
}

static void fault_info(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_fault;
    sa.sa_flags = SA_SIGINFO;
    sigaction(SIGPROT, &sa, NULL);
    alt_stack = malloc(16);
    ((volatile char *)alt_stack)[16] = 1;            /* one past the bounds */
    printf("no fault\n");
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
    else if (!strcmp(what, "altstack-checks"))
        altstack_checks();
    else if (!strcmp(what, "altstack-fork"))
        altstack_fork();
    else if (!strcmp(what, "altstack-exec"))
        altstack_exec(argv[0]);
    else if (!strcmp(what, "altstack-report"))
        altstack_report();
    else if (!strcmp(what, "altstack-caps"))
        altstack_caps();
    else if (!strcmp(what, "fault-info"))
        fault_info();
    else
        return 2;
    return 0;
}
