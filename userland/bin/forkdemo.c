/*
 * forkdemo - watch fork's copy policy at work.
 *
 *     forkdemo
 *
 * The parent fills 16 pages; each holds some data and a pointer (a capability) to the next page.
 * It forks. The child touches the pages four at a time, in four different ways, and after each
 * step reads its own /proc/self/status to see how many pages the kernel has copied for it and
 * how many pointers it has moved into the child's slot:
 *     read data    from pages 0-3       (no pointer loaded)
 *     write        to pages 4-7
 *     load the pointers of pages 8-11
 *     nothing      on pages 12-15
 * Boot with another policy to compare: `ufos run --fork-policy sync /bin/forkdemo`
 * (copa, the default; coa; sync; classic).
 * Exit status: 0, or 1 if the pages, /proc or the child could not be had.
 */
#include <cheriintrin.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define PAGE 4096
#define NPAGES 16
#define GROUP 4                  /* pages per step */

struct page {
    struct page *next;           /* a capability: fork must move it into the child's slot */
    char data[PAGE - sizeof(struct page *)];
};

static const struct {
    const char *policy, *rule;
} rules[] = {
    {"copa", "copa shares every page; a write, or the child's first pointer load, copies one."},
    {"coa", "coa shares every page but forbids any access: the first touch of a page copies it."},
    {"sync", "sync copied every page at fork: later touches copy nothing."},
    {"classic", "classic shares pages copy-on-write at the same addresses: writes copy, and no\n"
                "pointer ever moves (each process has its own page table instead)."},
};

static unsigned long parent_pages;      /* an integer: fork leaves it as it is */

struct counts {
    long copied, relocated;
};

static void fail(const char *what)
{
    fprintf(stderr, "forkdemo: %s: %s\n", what, strerror(errno));
    exit(1);
}

/* The value of "NAME:\t..." in /proc/self/status (the text after the tab, up to the newline). */
static void status_field(const char *name, char *value, size_t size)
{
    char buf[2048], key[32], *at;
    ssize_t n;
    int fd;

    if ((fd = open("/proc/self/status", O_RDONLY)) < 0 || (n = read(fd, buf, sizeof buf - 1)) < 0)
        fail("/proc/self/status");
    close(fd);
    buf[n] = '\0';
    snprintf(key, sizeof key, "%s:\t", name);
    value[0] = '\0';
    if ((at = strstr(buf, key)) != NULL)
        snprintf(value, size, "%.*s", (int)strcspn(at + strlen(key), "\n"), at + strlen(key));
}

/* Where page i was in the parent. */
static unsigned long parent_address(int i)
{
    return parent_pages + (unsigned long)i * PAGE;
}

static struct counts measure(void)
{
    struct counts c;
    char value[32];

    status_field("PagesCopied", value, sizeof value);
    c.copied = atol(value);
    status_field("CapsRelocated", value, sizeof value);
    c.relocated = atol(value);
    return c;
}

static void report(const char *step, struct counts before, struct counts after)
{
    printf("  %-36s %+6ld %+12ld\n", step, after.copied - before.copied,
           after.relocated - before.relocated);
}

/* The four ways the child touches a group of pages, and what each step is called. */
enum touch { READ, WRITE, LOAD, NOTHING, NSTEPS };
static const char *steps[NSTEPS] = {"read data from pages %d-%d", "wrote to pages %d-%d",
                                    "loaded the pointers of pages %d-%d", "left pages %d-%d alone"};

/* Touch one page; for LOAD, the pointer loaded from it. */
static struct page *touch(struct page *p, enum touch how)
{
    if (how == READ && p->data[0] != 0)
        printf("forkdemo: page at %#lx: unexpected data\n", (unsigned long)cheri_address_get(p));
    else if (how == WRITE)
        p->data[0] = 'c';
    else if (how == LOAD)
        return p->next;                 /* a capability load */
    return NULL;
}

static void child(char *pages)
{
    struct counts start, before, after;
    struct page *last = NULL, *loaded;
    char step[64];
    int s, i;

    start = measure();                  /* reading status touches the stack: counted here too */
    printf("  %-36s %6ld %12ld\n", "at fork, and starting up", start.copied, start.relocated);
    for (s = 0; s < NSTEPS; s++) {
        before = measure();
        for (i = s * GROUP; i < (s + 1) * GROUP; i++)
            if ((loaded = touch((struct page *)(pages + i * PAGE), s)) != NULL)
                last = loaded;
        after = measure();
        snprintf(step, sizeof step, steps[s], s * GROUP, (s + 1) * GROUP - 1);
        report(step, before, after);
    }
    printf("\nPage %d's address, as the last pointer loaded: %#lx in the parent, %#lx in the child:\n%s\n",
           3 * GROUP, parent_address(3 * GROUP), (unsigned long)cheri_address_get(last),
           cheri_address_get(last) != parent_address(3 * GROUP)
               ? "the pointer moved into the child's slot with the page (by the slots' distance)."
               : "the same address: the child runs at the parent's addresses, in its own page table.");
    exit(0);
}

int main(int argc, char **argv)
{
    char policy[32], *pages;
    pid_t pid;
    int i, status;

    if (argc > 1) {
        fprintf(stderr, "usage: forkdemo\n");
        return 1;
    }
    pages = mmap(NULL, NPAGES * PAGE, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (pages == MAP_FAILED)
        fail("mmap");
    parent_pages = cheri_address_get(pages);
    for (i = 0; i < NPAGES; i++)
        ((struct page *)(pages + i * PAGE))->next = (struct page *)(pages + (i + 1) % NPAGES * PAGE);
    status_field("Policy", policy, sizeof policy);
    printf("forkdemo: fork policy %s. The parent (pid %d) filled %d pages at %#lx, each with a\n"
           "pointer to the next, and forks. What the kernel copied for the child, step by step:\n\n",
           policy, getpid(), NPAGES, parent_pages);
    printf("  %-36s %6s %12s\n", "the child...", "pages", "pointers");
    printf("  %-36s %6s %12s\n", "", "copied", "relocated");
    fflush(stdout);
    if ((pid = fork()) < 0)
        fail("fork");
    if (pid == 0)
        child(pages);
    waitpid(pid, &status, 0);
    for (i = 0; i < (int)(sizeof rules / sizeof rules[0]); i++)
        if (strcmp(policy, rules[i].policy) == 0)
            printf("%s\n", rules[i].rule);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
