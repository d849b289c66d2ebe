/*
 * usertests - test the kernel from the inside, like xv6's usertests.
 *
 *     usertests [NAME...]
 *
 * Runs every test (or the ones named), each in a child process so that a crash stays contained,
 * and prints "test NAME: OK" or "test NAME: FAILED (why)". The tests cover fork, exec, wait,
 * pipes, signals, files and directories, memory growth, capability faults, and the attacks a
 * μprocess could try on the others or on the kernel: each attack must end in SIGPROT (signal 34,
 * a capability fault) or fail with EFAULT, and never reach memory that is not the attacker's.
 * The kernel reports each of those faults on standard error; usertests marks the reports of the
 * faults it provokes on purpose "(expected) ufos: pid N (usertests) killed by SIGPROT: ...".
 * Exit status: 0 and "ALL TESTS PASSED", or 1 after listing the failures (or for an unknown NAME).
 */
#include <cheriintrin.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

extern void *__syscall_gate[2];         /* libc's sealed pair into the kernel */
void write_timer(void);                 /* privileged.s: a privileged instruction */

/* --- reporting ------------------------------------------------------------------------------- */
static int reason_fd = -1;              /* where a failing test writes why (to the runner) */

/* End the current test as a failure: tell the runner why, and exit 1. */
static void fail(const char *format, ...)
{
    char why[200];
    va_list ap;

    va_start(ap, format);
    vsnprintf(why, sizeof why, format, ap);
    va_end(ap);
    write(reason_fd, why, strlen(why));
    exit(1);
}

/* Fail with what, and errno's message, unless ok. */
static void expect(int ok, const char *what)
{
    if (!ok)
        fail("%s: %s", what, errno ? strerror(errno) : "wrong result");
}

/* Fork, or fail the test. */
static pid_t xfork(void)
{
    pid_t pid = fork();

    expect(pid >= 0, "fork");
    return pid;
}

/* Wait for pid; its raw wait status. */
static int wait_for(pid_t pid)
{
    int status;

    expect(waitpid(pid, &status, 0) == pid, "waitpid");
    return status;
}

/* Run f in a child; the signal that killed it, or 0 if it exited (with status 0). The kernel's
 * report of a capability fault goes to the child's standard error: it is caught here and shown
 * marked "(expected)", so that the faults the tests provoke on purpose do not read as failures. */
static int death_signal(void (*f)(void))
{
    char report[512];
    int p[2], n = 0, r, status;
    pid_t pid;

    expect(pipe(p) == 0, "pipe");
    pid = xfork();
    if (pid == 0) {
        close(p[0]);
        dup2(p[1], 2);
        close(p[1]);
        f();
        exit(0);
    }
    close(p[1]);
    while (n < (int)sizeof report - 1 && (r = read(p[0], report + n, sizeof report - 1 - n)) > 0)
        n += r;
    report[n] = '\0';
    close(p[0]);
    status = wait_for(pid);
    if (n > 0)
        fprintf(stderr, "%s%s", WIFSIGNALED(status) && WTERMSIG(status) == SIGPROT ? "(expected) " : "",
                report);
    if (WIFSIGNALED(status))
        return WTERMSIG(status);
    if (WEXITSTATUS(status) != 0)
        fail("the child exited with %d", WEXITSTATUS(status));
    return 0;
}

/* f must die of a capability fault. */
static void expect_sigprot(void (*f)(void))
{
    int sig = death_signal(f);

    if (sig != SIGPROT)
        fail(sig ? "killed by signal %d, not SIGPROT" : "it was not stopped", sig);
}

/* --- processes ------------------------------------------------------------------------------- */
static int global = 5;

static void fork_basics(void)
{
    pid_t parent = getpid(), pid = xfork();
    int status;

    if (pid == 0) {
        global = 7;                     /* the child's own copy */
        exit(getppid() == parent && getpid() != parent ? 42 : 1);
    }
    status = wait_for(pid);
    expect(WIFEXITED(status) && WEXITSTATUS(status) == 42, "the child's exit status");
    expect(global == 5, "the parent's global after the child wrote its own");
}

struct node {
    struct node *next;
    unsigned long address;              /* where the node was before fork: an integer, not moved */
    int value;
};

/* A list built before fork is the child's own after it: its pointers moved with the pages. */
static void fork_moves_pointers(void)
{
    struct node *head = NULL, *n;
    unsigned long moved;
    int i, status, sum = 0;

    for (i = 1; i <= 4; i++) {
        n = malloc(sizeof *n);
        expect(n != NULL, "malloc");
        n->next = head;
        n->address = cheri_address_get(n);
        n->value = i;
        head = n;
    }
    if (xfork() == 0) {
        moved = cheri_address_get(head) - head->address;       /* the slots' distance (classic: 0) */
        for (n = head; n != NULL; n = n->next) {
            if (!cheri_tag_get(n) || cheri_address_get(n) - n->address != moved)
                fail("a pointer of the list was not moved with the child");
            n->value *= 10;
            sum += n->value;
        }
        exit(sum == 100 ? 0 : 1);
    }
    expect(wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0, "the child's sum of its list");
    for (n = head; n != NULL; n = n->next)
        sum += n->value;
    expect(sum == 10, "the parent's list after the child changed its own");
}

static void exec_echo(void)
{
    char buf[32] = {0};
    int p[2], status;
    pid_t pid;

    expect(pipe(p) == 0, "pipe");
    if ((pid = xfork()) == 0) {
        dup2(p[1], 1);
        execl("/bin/echo", "echo", "hello", "exec", (char *)NULL);
        exit(99);
    }
    close(p[1]);
    read(p[0], buf, sizeof buf - 1);
    status = wait_for(pid);
    expect(WIFEXITED(status) && WEXITSTATUS(status) == 0, "echo's exit status");
    expect(strcmp(buf, "hello exec\n") == 0, "echo's output through the pipe");
}

static void exec_errors(void)
{
    char *argv[] = {"nothing", NULL};

    errno = 0;
    expect(execv("/no/such/program", argv) < 0 && errno == ENOENT, "exec of a missing file: ENOENT");
    errno = 0;
    expect(execv("/tmp", argv) < 0 && errno == EACCES, "exec of a directory: EACCES");
}

static void wait_statuses(void)
{
    int i, status, sum = 0;
    pid_t pid;

    errno = 0;
    expect(wait(NULL) < 0 && errno == ECHILD, "wait with no children: ECHILD");
    for (i = 0; i < 10; i++)
        if (xfork() == 0)
            exit(i);
    while ((pid = wait(&status)) > 0)
        sum += WEXITSTATUS(status);
    expect(sum == 45, "the ten children's exit statuses");
    if ((pid = xfork()) == 0) {
        pause();
        exit(0);
    }
    expect(waitpid(pid, &status, WNOHANG) == 0, "WNOHANG while the child runs");
    kill(pid, SIGKILL);
    status = wait_for(pid);
    expect(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL, "the killed child's status");
}

/* --- pipes ----------------------------------------------------------------------------------- */
#define PIPE_BYTES 20000

static void pipe_data(void)
{
    unsigned char buf[1000];
    int p[2], i, n, status, total = 0, sum = 0;

    expect(pipe(p) == 0, "pipe");
    if (xfork() == 0) {
        close(p[0]);
        for (i = 0; i < PIPE_BYTES; i++) {
            buf[i % sizeof buf] = (unsigned char)i;
            if (i % sizeof buf == sizeof buf - 1 && write(p[1], buf, sizeof buf) != sizeof buf)
                exit(1);
        }
        exit(0);
    }
    close(p[1]);
    while ((n = read(p[0], buf, sizeof buf)) > 0)
        for (i = 0; i < n; i++, total++)
            sum += buf[i] != (unsigned char)total;
    expect(total == PIPE_BYTES, "every byte through the pipe, then end of file");
    expect(sum == 0, "the bytes in order");
    expect(wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0, "the writer's status");
}

static int pipe_fds[2];

static void write_to_closed_pipe(void)
{
    write(pipe_fds[1], "x", 1);
}

static void sigpipe(void)
{
    expect(pipe(pipe_fds) == 0, "pipe");
    close(pipe_fds[0]);
    expect(death_signal(write_to_closed_pipe) == SIGPIPE, "a write with no reader: SIGPIPE");
    signal(SIGPIPE, SIG_IGN);
    errno = 0;
    expect(write(pipe_fds[1], "x", 1) < 0 && errno == EPIPE, "the same, SIGPIPE ignored: EPIPE");
}

/* A pointer written into a pipe comes out as bytes: the same address, no tag. */
static void pipe_strips_tags(void)
{
    static char secret[] = "secret";
    char *sent = secret, *got = NULL;
    int p[2];

    expect(pipe(p) == 0, "pipe");
    write(p[1], &sent, sizeof sent);
    read(p[0], &got, sizeof got);
    expect(cheri_address_get(got) == cheri_address_get(sent), "the address crosses");
    expect(!cheri_tag_get(got), "the tag does not cross");
}

static char *untagged;

static void use_untagged(void)
{
    printf("%c\n", untagged[0]);
}

static void pipe_pointer_faults(void)
{
    static char secret[] = "secret";
    char *sent = secret;
    int p[2];

    expect(pipe(p) == 0, "pipe");
    write(p[1], &sent, sizeof sent);
    read(p[0], &untagged, sizeof untagged);
    expect_sigprot(use_untagged);
}

/* --- signals --------------------------------------------------------------------------------- */
static volatile int caught;

static void on_signal(int sig)
{
    caught = sig;
}

static void signal_handler(void)
{
    signal(SIGUSR1, on_signal);
    kill(getpid(), SIGUSR1);
    expect(caught == SIGUSR1, "the handler ran");
}

static volatile int children_ended;

static void on_child(int sig)
{
    children_ended++;
}

static void sigchld(void)
{
    signal(SIGCHLD, on_child);
    if (xfork() == 0)
        exit(0);
    expect(wait(NULL) > 0, "wait");
    expect(children_ended == 1, "SIGCHLD once for one child");
}

static void kill_children(void)
{
    int ready[2];
    pid_t pid;
    char c;

    expect(pipe(ready) == 0, "pipe");
    if ((pid = xfork()) == 0) {
        signal(SIGTERM, SIG_IGN);
        write(ready[1], "r", 1);
        for (;;)
            ;
    }
    read(ready[0], &c, 1);              /* SIGTERM is ignored from now on */
    kill(pid, SIGTERM);
    kill(pid, SIGKILL);
    expect(WTERMSIG(wait_for(pid)) == SIGKILL, "SIGKILL ends a child that ignores SIGTERM");
    if ((pid = xfork()) == 0)
        for (;;)
            ;
    kill(pid, SIGTERM);
    expect(WTERMSIG(wait_for(pid)) == SIGTERM, "SIGTERM ends a spinning child");
    errno = 0;
    expect(kill(pid, SIGTERM) < 0 && errno == ESRCH, "kill of a reaped child: ESRCH");
}

/* --- files and directories ------------------------------------------------------------------- */
static void files(void)
{
    const char *path = "/tmp/usertests.file";
    struct stat st;
    char buf[8] = {0};
    int fd;

    fd = open(path, O_CREAT | O_RDWR | O_TRUNC, 0644);
    expect(fd >= 0, "create");
    expect(write(fd, "hello world", 11) == 11, "write");
    expect(lseek(fd, 6, SEEK_SET) == 6, "lseek");
    expect(read(fd, buf, 5) == 5 && strcmp(buf, "world") == 0, "read after lseek");
    expect(lseek(fd, 0, SEEK_END) == 11, "lseek to the end");
    expect(fstat(fd, &st) == 0 && st.st_size == 11 && S_ISREG(st.st_mode), "fstat");
    close(fd);
    expect(unlink(path) == 0, "unlink");
    errno = 0;
    expect(open(path, O_RDONLY) < 0 && errno == ENOENT, "open after unlink: ENOENT");
}

static void big_file(void)
{
    const char *path = "/tmp/usertests.big";
    static char buf[PAGE];
    int fd, i, j, bad = 0;

    fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0644);
    expect(fd >= 0, "create");
    for (i = 0; i < 50; i++) {
        memset(buf, 'a' + i % 26, sizeof buf);
        expect(write(fd, buf, sizeof buf) == sizeof buf, "write");
    }
    close(fd);
    fd = open(path, O_RDONLY);
    for (i = 0; i < 50; i++) {
        expect(read(fd, buf, sizeof buf) == sizeof buf, "read back");
        for (j = 0; j < PAGE; j++)
            bad += buf[j] != 'a' + i % 26;
    }
    expect(read(fd, buf, 1) == 0, "end of file");
    expect(bad == 0, "the data read back");
    close(fd);
    unlink(path);
}

static void directories(void)
{
    char cwd[64];
    struct dirent *d;
    int found = 0;
    DIR *dir;

    expect(mkdir("/tmp/usertests.dir", 0755) == 0, "mkdir");
    errno = 0;
    expect(mkdir("/tmp/usertests.dir", 0755) < 0 && errno == EEXIST, "mkdir again: EEXIST");
    expect(chdir("/tmp/usertests.dir") == 0, "chdir");
    expect(getcwd(cwd, sizeof cwd) != NULL && strcmp(cwd, "/tmp/usertests.dir") == 0, "getcwd");
    close(open("inside", O_CREAT | O_WRONLY, 0644));
    expect(rename("inside", "renamed") == 0, "rename");
    expect((dir = opendir(".")) != NULL, "opendir");
    while ((d = readdir(dir)) != NULL)
        found += strcmp(d->d_name, "renamed") == 0 ? 1 : strcmp(d->d_name, "inside") == 0 ? 10 : 0;
    closedir(dir);
    expect(found == 1, "readdir sees the renamed file, not the old name");
    errno = 0;
    expect(rmdir("/tmp/usertests.dir") < 0 && errno == ENOTEMPTY, "rmdir of a full directory: ENOTEMPTY");
    expect(unlink("renamed") == 0 && chdir("/") == 0, "unlink");
    expect(rmdir("/tmp/usertests.dir") == 0, "rmdir");
}

/* --- memory ---------------------------------------------------------------------------------- */
#define MAP_PAGES 256

static char *mapped;

static void write_past_mapping(void)
{
    mapped[MAP_PAGES * PAGE] = 1;
}

static void mmap_pages(void)
{
    int i, bad = 0;

    mapped = mmap(NULL, MAP_PAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    expect(mapped != MAP_FAILED, "mmap of 1 MiB");
    expect(cheri_length_get(mapped) == MAP_PAGES * PAGE, "the capability is bounded to the mapping");
    for (i = 0; i < MAP_PAGES; i++)
        mapped[i * PAGE] = (char)i;
    for (i = 0; i < MAP_PAGES; i++)
        bad += mapped[i * PAGE] != (char)i || mapped[i * PAGE + 1] != 0;
    expect(bad == 0, "every page keeps what was written, the rest is zero");
    expect_sigprot(write_past_mapping);
    expect(munmap(mapped, MAP_PAGES * PAGE) == 0, "munmap");
}

static char *block;

static void read_past_block(void)
{
    printf("%c\n", block[32]);
}

static void malloc_blocks(void)
{
    char *blocks[200];
    int i, bad = 0;

    for (i = 0; i < 200; i++) {
        blocks[i] = malloc((size_t)(i * 37 + 1));
        expect(blocks[i] != NULL, "malloc");
        expect(cheri_length_get(blocks[i]) >= (size_t)(i * 37 + 1), "the block's bounds hold it");
        memset(blocks[i], i, (size_t)(i * 37 + 1));
    }
    for (i = 0; i < 200; i++) {
        bad += blocks[i][i * 37] != (char)i;
        free(blocks[i]);
    }
    expect(bad == 0, "the blocks keep their contents");
    block = malloc(32);
    expect(block != NULL && cheri_length_get(block) == 32, "malloc(32) is bounded to 32 bytes");
    expect_sigprot(read_past_block);
}

/* --- capability faults ----------------------------------------------------------------------- */
static char array[16] = "sixteen bytes..";
static int sixteen = 16;                /* not a constant: the compiler cannot see the overflow */

static void out_of_bounds(void)
{
    printf("%c\n", array[sixteen]);
}

static void forged_pointer(void)
{
    char *p = (char *)(unsigned long)cheri_address_get(array);   /* an integer: no tag */
    printf("%c\n", p[0]);
}

static void cleared_tag(void)
{
    char *p = cheri_tag_clear(array);
    printf("%c\n", p[0]);
}

static void capability_faults(void)
{
    expect_sigprot(out_of_bounds);
    expect_sigprot(forged_pointer);
    expect_sigprot(cleared_tag);
}

/* --- attacks --------------------------------------------------------------------------------- */
static char secret[32] = "the parent's secret";
static unsigned long parent_secret;     /* its address in the parent: an integer, not moved */

/* The child rebuilds the parent's pointer from its address: a capability fault (the address is
 * outside its slot) or, under the classic policy (same addresses, own page table), its own copy. */
static void stale_pointer(void)
{
    char *q = cheri_address_set(secret, parent_secret);
    strcpy(secret, "the child's copy");
    if (q[4] == 'p')
        exit(3);                        /* it read the parent's memory */
}

static void stale(void)
{
    int sig;

    parent_secret = cheri_address_get(secret);
    sig = death_signal(stale_pointer);        /* fails the test if the child read the secret */
    if (sig != 0 && sig != SIGPROT)
        fail("killed by signal %d, not SIGPROT", sig);
    expect(strcmp(secret, "the parent's secret") == 0, "the parent's secret is intact");
}

static void widen_bounds(void)
{
    char *q = cheri_bounds_set(secret, 1 << 20);
    printf("%c\n", q[4096]);
}

static void jump_into_kernel(void)
{
    void (*f)(void) = (void (*)(void))0x10000;    /* the kernel's gate page, as an integer */
    f();
}

static void read_the_gate(void)
{
    printf("%c\n", *(char *)__syscall_gate[0]);
}

static void attacks(void)
{
    expect_sigprot(widen_bounds);
    expect_sigprot(jump_into_kernel);
    expect_sigprot(read_the_gate);
    expect_sigprot(write_timer);
}

static void syscall_bad_pointers(void)
{
    int fd = open("/dev/null", O_WRONLY);

    errno = 0;
    expect(write(fd, (const char *)0x10000, 4) < 0 && errno == EFAULT, "a kernel address: EFAULT");
    errno = 0;
    expect(write(fd, __syscall_gate[1], 4) < 0 && errno == EFAULT, "a sealed capability: EFAULT");
    errno = 0;
    expect(write(fd, cheri_tag_clear(secret), 4) < 0 && errno == EFAULT, "an untagged pointer: EFAULT");
    close(fd);
}

static void overlong(void)
{
    char buf[8];
    int p[2], fd = open("/dev/null", O_WRONLY);

    errno = 0;
    expect(write(fd, buf, 100) < 0 && errno == EFAULT, "write of 100 bytes from an 8-byte buffer: EFAULT");
    expect(pipe(p) == 0 && write(p[1], "abc", 3) == 3, "pipe");
    errno = 0;
    expect(read(p[0], (char *)"literal", 3) < 0 && errno == EFAULT, "read into a string literal: EFAULT");
    close(fd);
}

/* --- the runner ------------------------------------------------------------------------------ */
static const struct test {
    const char *name;
    void (*run)(void);
} tests[] = {
    {"fork", fork_basics}, {"forkpointers", fork_moves_pointers}, {"exec", exec_echo},
    {"execerrors", exec_errors}, {"wait", wait_statuses}, {"pipe", pipe_data},
    {"sigpipe", sigpipe}, {"pipetags", pipe_strips_tags}, {"pipepointer", pipe_pointer_faults},
    {"signal", signal_handler}, {"sigchld", sigchld}, {"kill", kill_children},
    {"files", files}, {"bigfile", big_file}, {"directories", directories},
    {"mmap", mmap_pages}, {"malloc", malloc_blocks}, {"capfaults", capability_faults},
    {"stale", stale}, {"attacks", attacks}, {"syscallpointers", syscall_bad_pointers},
    {"overlong", overlong},
};
#define NTESTS (int)(sizeof tests / sizeof tests[0])

/* Run one test in a child; 0 if it passed: it exited with 0, and neither it nor a process it
 * forked reported a failure. */
static int run(const struct test *t)
{
    char why[200];
    int p[2], n = 0, r, status;
    pid_t pid;

    fflush(stdout);
    if (pipe(p) < 0 || (pid = fork()) < 0) {
        printf("test %s: FAILED (cannot start it: %s)\n", t->name, strerror(errno));
        return 1;
    }
    if (pid == 0) {
        close(p[0]);
        reason_fd = p[1];
        errno = 0;
        t->run();
        exit(0);
    }
    close(p[1]);
    while (n < (int)sizeof why - 1 && (r = read(p[0], why + n, sizeof why - 1 - n)) > 0)
        n += r;
    why[n] = '\0';
    close(p[0]);
    waitpid(pid, &status, 0);
    if (n == 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0) {    /* no process of it failed */
        printf("test %s: OK\n", t->name);
        return 0;
    }
    if (n == 0 && WIFSIGNALED(status))
        snprintf(why, sizeof why, "killed by signal %d", WTERMSIG(status));
    else if (n == 0)
        snprintf(why, sizeof why, "exit status %d", WEXITSTATUS(status));
    printf("test %s: FAILED (%s)\n", t->name, why);
    return 1;
}

/* Is name one of the NAMEs of the command line (or were there none: every test)? */
static int chosen(const char *name, int argc, char **argv)
{
    int j;

    for (j = 1; j < argc; j++)
        if (strcmp(argv[j], name) == 0)
            return 1;
    return argc == 1;
}

int main(int argc, char **argv)
{
    int i, j, failed[NTESTS], nfailed = 0;

    for (j = 1; j < argc; j++) {
        for (i = 0; i < NTESTS && strcmp(argv[j], tests[i].name) != 0; i++)
            ;
        if (i == NTESTS) {
            fprintf(stderr, "usertests: no test '%s'; the tests:", argv[j]);
            for (i = 0; i < NTESTS; i++)
                fprintf(stderr, " %s", tests[i].name);
            fprintf(stderr, "\n");
            return 1;
        }
    }
    for (i = 0; i < NTESTS; i++)
        if (chosen(tests[i].name, argc, argv) && run(&tests[i]) != 0)
            failed[nfailed++] = i;
    if (nfailed == 0) {
        printf("ALL TESTS PASSED\n");
        return 0;
    }
    printf("SOME TESTS FAILED:");
    for (i = 0; i < nfailed; i++)
        printf(" %s", tests[failed[i]].name);
    printf("\n");
    return 1;
}
