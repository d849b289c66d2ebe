/*
 * memory - mprotect and the program break (brk/sbrk), each line one check.
 */
#include <cheriintrin.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096

/* Run fn(p) in a child; how the child ended. */
static const char *in_child(void (*fn)(char *), char *p)
{
    int status;
    pid_t pid = fork();

    if (pid == 0) {
        fn(p);
        _exit(0);
    }
    waitpid(pid, &status, 0);
    if (WIFSIGNALED(status))
        return strsignal(WTERMSIG(status));
    return WEXITSTATUS(status) == 0 ? "exited 0" : "exited 1";
}

static void write_second_page(char *p)
{
    p[0] = 'x';                 /* the first page is still writable */
    p[PAGE] = 'x';
}

static void read_second_page(char *p)
{
    _exit(p[PAGE] == 'a' ? 1 : 2);
}

static void change_own_copy(char *p)
{
    mprotect(p, PAGE, PROT_READ | PROT_WRITE);
    p[0] = 'c';
    _exit(p[0] == 'c' ? 0 : 1);
}

static void show(const char *name, long r)
{
    if (r < 0)
        printf("%s = -1 %s\n", name, strerror(errno));
    else
        printf("%s = %ld\n", name, r);
}

static void test_mprotect(void)
{
    char *p = mmap(NULL, 3 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

    memset(p, 'a', 3 * PAGE);
    show("mprotect page 2 PROT_READ", mprotect(p + PAGE, PAGE, PROT_READ));
    printf("read it: %c\n", p[PAGE]);
    printf("write it: %s\n", in_child(write_second_page, p));
    show("mprotect page 2 PROT_NONE", mprotect(p + PAGE, PAGE, PROT_NONE));
    printf("read it: %s\n", in_child(read_second_page, p));
    show("mprotect page 2 PROT_READ|PROT_WRITE", mprotect(p + PAGE, PAGE, PROT_READ | PROT_WRITE));
    printf("its bytes are kept: %c\n", p[PAGE]);
    p[PAGE] = 'b';
    printf("write it: %c\n", p[PAGE]);
    show("mprotect RWX", mprotect(p, PAGE, PROT_READ | PROT_WRITE | PROT_EXEC));
    show("mprotect unaligned", mprotect(p + 1, PAGE, PROT_READ));
    show("mprotect bad prot", mprotect(p, PAGE, 8));
    show("mprotect past the capability", mprotect(p, 4 * PAGE, PROT_READ));

    /* after fork: the child makes its copy writable again; the parent's page is not touched */
    mprotect(p, PAGE, PROT_READ);
    printf("the child writes its copy: %s\n", in_child(change_own_copy, p));
    mprotect(p, PAGE, PROT_READ | PROT_WRITE);
    printf("the parent's page: %c\n", p[0]);
    p[0] = 'd';
    printf("the parent writes: %c\n", p[0]);
}

static void grow_in_child(char *unused)
{
    char *old = sbrk(0), *q = sbrk(PAGE);

    (void)unused;
    q[0] = 'k';
    _exit(q == old && (char *)sbrk(0) == old + PAGE && q[0] == 'k' ? 0 : 1);
}

static void test_brk(void)
{
    char *b0 = sbrk(0), *b1, *b2;

    b1 = sbrk(100);
    printf("sbrk(100) returns the old break: %d\n", b1 == b0);
    memset(b1, 'h', 100);
    printf("the break moved by 100: %d\n", (char *)sbrk(0) == b0 + 100);
    printf("the piece is bounded to 100 bytes: %d\n", (int)cheri_length_get(b1) == 100);
    b2 = sbrk(2 * PAGE);
    b2[2 * PAGE - 1] = 'e';
    b2[PAGE] = 'z';
    printf("grown by two pages: %d %c\n", b2 == b0 + 100, b2[2 * PAGE - 1]);
    printf("a child grows its own break: %s\n", in_child(grow_in_child, b0));
    printf("the parent's break stays: %d\n", (char *)sbrk(0) == b0 + 100 + 2 * PAGE);
    show("shrink", sbrk(-2 * PAGE) == (void *)-1 ? -1 : 0);
    b2 = sbrk(2 * PAGE);
    printf("pages given back come back zeroed: %d\n", b2[PAGE] == 0);
    printf("the bytes below the break stay: %c\n", b1[99]);
    show("sbrk(100 MiB)", sbrk(100 << 20) == (void *)-1 ? -1 : 0);
    show("brk below the heap", brk(b0 - PAGE));
}

int main(void)
{
    setvbuf(stdout, NULL, _IONBF, 0);
    test_mprotect();
    test_brk();
    return 0;
}
