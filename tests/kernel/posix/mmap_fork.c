/*
 * mmap_fork - a MAP_SHARED page is shared by every fork policy, never copied: after fork the
 * child writes 8 pages of shared memory and 8 of private memory, and says how many pages each
 * write copied (its PagesCopied, /proc/self/status). Under copa, coa and classic a write to a
 * private page copies it; under sync it was copied at fork. A shared page: never.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define NPAGES 8

static long pages_copied(void)
{
    char buf[2048], *at;
    ssize_t n;
    int fd = open("/proc/self/status", O_RDONLY);

    n = read(fd, buf, sizeof buf - 1);
    close(fd);
    buf[n > 0 ? n : 0] = '\0';
    at = strstr(buf, "PagesCopied:");
    return at ? strtol(at + 12, NULL, 10) : -1;
}

static long write_pages(char *p)
{
    long before;
    int i;

    pages_copied();               /* under coa, the pages this reading touches are copied now */
    before = pages_copied();

    for (i = 0; i < NPAGES; i++)
        p[i * PAGE] = 'c';
    return pages_copied() - before;
}

int main(void)
{
    char *shared = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    char *private = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    int i, seen = 0;

    memset(shared, 'p', NPAGES * PAGE);
    memset(private, 'p', NPAGES * PAGE);
    if (fork() == 0) {
        long s = write_pages(shared), q = write_pages(private);

        printf("the child's writes to shared pages copied %ld\n", s);
        printf("the child's writes to private pages copied %s\n", q == NPAGES ? "each page" : q == 0 ? "none" : "some");
        fflush(stdout);
        _exit(0);
    }
    wait(NULL);
    for (i = 0; i < NPAGES; i++)
        seen += shared[i * PAGE] == 'c' && private[i * PAGE] == 'p';
    printf("the parent sees the child's shared writes, not its private ones: %d of %d\n", seen, NPAGES);
    printf("the parent's writes to shared pages copied %ld\n", write_pages(shared));
    return 0;
}
