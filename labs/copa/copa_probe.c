/*
 * copa_probe - what the fork policy copies, step by step (the grader of lab copa runs it).
 *
 * The parent maps 16 pages; each holds data and a pointer (a capability) to the next page. It
 * forks twice. Each step touches pages one way and prints one line:
 *
 *     STEP PAGES CAPS OK
 *
 * PAGES and CAPS are how much the process's PagesCopied and CapsRelocated (/proc/self/status)
 * went up during the step, and OK is 1 if what the step read was what it should be (0 if not).
 * The first line, "shared PAGES SHARED COPIED", is what the first child's /proc/self/status says
 * right after fork: how many pages it has, how many of them it still shares with its parent, and
 * how many it has copied (PagesCopied).
 * Exit status: 0, or 1 if the pages, /proc or a child could not be had.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define NPAGES 16

struct page {
    struct page *next;          /* a capability: moved into the child's slot when its page is copied */
    long value;                 /* data */
    char fill[PAGE - sizeof(struct page *) - sizeof(long)];
};

static struct page *pages;

/* The value of "NAME:\t..." in /proc/self/status, as a number (the text up to the first space). */
static long status_field(const char *name)
{
    char buf[2048], key[32], *at;
    ssize_t n;
    int fd;

    if ((fd = open("/proc/self/status", O_RDONLY)) < 0 || (n = read(fd, buf, sizeof buf - 1)) < 0) {
        perror("copa_probe: /proc/self/status");
        exit(1);
    }
    close(fd);
    buf[n] = '\0';
    snprintf(key, sizeof key, "%s:\t", name);
    at = strstr(buf, key);
    return at ? atol(at + strlen(key)) : -1;
}

/* The number after the '(' of "Pages:\tN (P private, S shared)" that precedes " shared". */
static long shared_pages(void)
{
    char buf[2048], *at;
    ssize_t n;
    int fd;

    if ((fd = open("/proc/self/status", O_RDONLY)) < 0 || (n = read(fd, buf, sizeof buf - 1)) < 0)
        exit(1);
    close(fd);
    buf[n] = '\0';
    at = strstr(buf, " private, ");
    return at ? atol(at + strlen(" private, ")) : -1;
}

static long copied0, relocated0;

static void begin(void)
{
    /* Write the page these two live in first: if this process still shares it, its copy is
       made now, before the count, and is not charged to the step (where libc's and this
       program's globals fall, and so which pages printf has already written, varies). */
    copied0 = relocated0 = 0;
    copied0 = status_field("PagesCopied");
    relocated0 = status_field("CapsRelocated");
}

static void end(const char *step, int ok)
{
    long copied = status_field("PagesCopied"), relocated = status_field("CapsRelocated");
    printf("%s %ld %ld %d\n", step, copied - copied0, relocated - relocated0, ok);
    fflush(stdout);
}

/* Does p point at page i, as it should in this process? */
static int points_at(struct page *p, int i)
{
    return p == &pages[i] && p->value == i;
}

/* The first child: reads, writes and loads pointers, each from pages of their own. */
static void first_child(void)
{
    struct page *p;
    long sum = 0;
    int i;

    printf("shared %ld %ld %ld\n", status_field("Pages"), shared_pages(), status_field("PagesCopied"));
    begin();
    for (i = 0; i < 4; i++)
        sum += pages[i].value;
    end("read-data", sum == 0 + 1 + 2 + 3);
    begin();
    pages[4].value = 400;
    end("write", pages[4].value == 400);
    begin();
    pages[4].value = 401;
    end("write-again", pages[4].value == 401);
    begin();
    sum = pages[5].value;
    end("read-before-load", sum == 5);
    begin();
    p = pages[5].next;          /* the child's first capability load from page 5 */
    end("load", points_at(p, 6));
    begin();
    p = pages[5].next;
    end("load-again", points_at(p, 6));
    exit(0);
}

/* The second child: waits until the parent has written page 9 (and so has a copy of its own),
 * then reads it, and loads its pointer: the frame is the child's alone by then. */
static void second_child(int ready[2])
{
    struct page *p;
    char c;

    close(ready[1]);            /* so that the read ends, should the parent die first */
    if (read(ready[0], &c, 1) != 1)
        exit(1);
    begin();
    end("child-sees-old-data", pages[9].value == 9);
    begin();
    p = pages[9].next;
    end("child-load-alone", points_at(p, 10));
    exit(0);
}

int main(void)
{
    struct page *p;
    int i, status, ready[2];
    pid_t pid;

    pages = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED || pipe(ready) < 0) {
        perror("copa_probe");
        return 1;
    }
    for (i = 0; i < NPAGES; i++) {
        pages[i].next = &pages[(i + 1) % NPAGES];
        pages[i].value = i;
    }
    fflush(stdout);
    if ((pid = fork()) < 0)
        return 1;
    if (pid == 0)
        first_child();
    waitpid(pid, &status, 0);

    if ((pid = fork()) < 0)
        return 1;
    if (pid == 0)
        second_child(ready);
    begin();
    pages[9].value = 900;       /* shared with the second child: the parent gets its own copy */
    end("parent-write", pages[9].value == 900);
    begin();
    p = pages[10].next;         /* the parent's capability loads never copy */
    end("parent-load", points_at(p, 11));
    write(ready[1], "!", 1);
    waitpid(pid, &status, 0);

    begin();
    pages[12].value = 1200;     /* the child has gone: the parent is the page's last user */
    end("parent-write-alone", pages[12].value == 1200);
    return 0;
}
