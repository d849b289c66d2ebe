/*
 * mmap_caps - pointers and shared mappings (docs/isolation.md): a tagged capability can never be
 * stored in a MAP_SHARED page, so no μprocess can hand another one a pointer into its slot
 * through shared memory. Data stores work. One check a line.
 */
#include <cheriintrin.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>
#include "in_child.h"

#define PAGE 4096

static char secret[64] = "the parent's secret";


static int store_pointer(char *p)
{
    *(char **)p = secret;
    return 0;
}

static int copy_pointer(char *p)
{
    char *ptr = secret;

    memcpy(p, &ptr, sizeof ptr);          /* memcpy keeps tags: a capability store */
    return 0;
}

static int store_data(char *p)
{
    *(long *)p = 42;
    return 0;
}

static void on_usr1(int sig)
{
    (void)sig;
}

/* What the shared page holds at p: a tagged pointer or not, and its first long. */
static void show_page(const char *name, char *p)
{
    printf("%s: tagged %d, data %ld\n", name, (int)cheri_tag_get(*(void **)p), *(long *)p);
}

int main(void)
{
    char *s = mmap(NULL, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *p = mmap(NULL, 2 * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    char *f;
    struct sigaction sa;
    int fd = open("/tmp/shared", O_RDWR | O_CREAT | O_TRUNC, 0644);

    setvbuf(stdout, NULL, _IONBF, 0);
    printf("a shared mapping's pointer may store pointers: %d\n",
           (cheri_perms_get(s) & CHERI_PERM_STORE_CAP) != 0);
    printf("a private mapping's pointer may: %d\n", (cheri_perms_get(p) & CHERI_PERM_STORE_CAP) != 0);
    printf("the child stores a pointer: %s\n", in_child(store_pointer, s));
    printf("the child copies a pointer with memcpy: %s\n", in_child(copy_pointer, s));
    printf("the child stores data: %s\n", in_child(store_data, s));
    show_page("the parent reads the page", s);

    /* a wider capability: p still covers its second page, now a file's shared page */
    ftruncate(fd, PAGE);
    f = mmap(p + PAGE, PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, fd, 0);
    printf("MAP_FIXED shared over p's second page: %d\n", f == p + PAGE);
    printf("p may store pointers: %d\n", (cheri_perms_get(p) & CHERI_PERM_STORE_CAP) != 0);
    printf("a pointer stored through p: %s\n", in_child(store_pointer, p + PAGE));
    printf("through p into its private page: %s\n", in_child(store_pointer, p));

    /* the kernel stores a pointer (a handler) into the shared page: refused, EFAULT */
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;
    sigaction(SIGUSR1, &sa, NULL);
    errno = 0;
    printf("sigaction's oldact in the shared page: %d %s\n",
           sigaction(SIGUSR1, NULL, (struct sigaction *)(void *)(p + PAGE)), strerror(errno));
    printf("sigaction's oldact in the private page: %d\n",
           sigaction(SIGUSR1, NULL, (struct sigaction *)(void *)p));
    show_page("the file's page", p + PAGE);
    close(fd);
    unlink("/tmp/shared");
    return 0;
}
