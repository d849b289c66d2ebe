/*
 * pmap - show a μprocess's memory: its slot, its regions, and what fork did to its pages.
 *
 *     pmap [-p] PID
 *
 * PID is a process id, or "self". From /proc/PID/status and /proc/PID/maps, pmap prints the
 * μprocess's slot (its part of the single address space) and the fork policy, then one line per
 * region (text, rodata, data, mmap, stack) with how many of its pages are
 *     untouched  never used: no memory behind them yet
 *     own        private to this μprocess: made for it, or copied for it after a fork
 *     shared     still shared with its parent or children since a fork (read-only, or no access
 *                at all under the coa policy): nobody has needed a copy yet
 * and how many capabilities (pointers) those pages hold, and how many of them still point into
 * the slot the page came from: fork has not moved them yet; they move when the page is copied.
 * The last line counts the pages copied for it since it was forked (an exec does not reset the
 * count), the pointers relocated while copying them, and the pages made on first touch.
 *     -p  also list every page that has memory, as /proc/PID/maps does
 * Exit status: 0, or 1 if there is no such μprocess or the arguments are wrong.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct region {
    char name[16], rights[8];
    unsigned long start, end;
    int pages, mapped, shared, caps, unmoved;
};

static void usage(void)
{
    fprintf(stderr, "usage: pmap [-p] PID\n");
    exit(1);
}

static FILE *open_proc(const char *pid, const char *file)
{
    char path[64];
    FILE *f;

    snprintf(path, sizeof path, "/proc/%s/%s", pid, file);
    if ((f = fopen(path, "r")) == NULL) {
        fprintf(stderr, "pmap: %s: %s\n", path, errno == ENOENT ? "no such process" : strerror(errno));
        exit(1);
    }
    return f;
}

/* Print the value of "NAME:\t..." in /proc/PID/status through format (one %s; "" if missing). */
static void print_status_field(const char *pid, const char *name, const char *format)
{
    char line[256], value[128] = "";
    size_t n = strlen(name);
    FILE *f = open_proc(pid, "status");

    while (fgets(line, sizeof line, f))
        if (strncmp(line, name, n) == 0 && line[n] == ':')
            snprintf(value, sizeof value, "%.*s", (int)strcspn(line + n + 2, "\n"), line + n + 2);
    fclose(f);
    printf(format, value);
}

#define MAX_REGIONS 64

/* Add a page line of /proc/PID/maps ("VA RIGHTS private|shared xN K caps [into SLOT]") to r. */
static void count_page(struct region *r, const char *line)
{
    const char *caps = strstr(line, " caps"), *n = caps;

    if (caps == NULL)
        return;
    while (n > line && n[-1] != ' ')
        n--;
    r->mapped++;
    r->shared += strstr(line, "shared") != NULL;
    r->caps += atoi(n);
    if (strstr(caps, " into ") != NULL)
        r->unmoved += atoi(n);
}

/* The regions of /proc/PID/maps, their pages counted; how many. */
static int read_regions(const char *pid, struct region *regions)
{
    char line[256];
    int n = 0;
    FILE *maps = open_proc(pid, "maps");

    fgets(line, sizeof line, maps);         /* the heading */
    while (fgets(line, sizeof line, maps)) {
        struct region *r = &regions[n];
        memset(r, 0, sizeof *r);
        if (n < MAX_REGIONS && sscanf(line, "%lx %lx %7s %15s %*d of %d", &r->start, &r->end,
                                      r->rights, r->name, &r->pages) == 5)
            n++;
        else if (n > 0)
            count_page(&regions[n - 1], line);
    }
    fclose(maps);
    return n;
}

static void print_counts(const struct region *r)
{
    printf(" %6d %9d %6d %6d %6d %7d\n", r->pages, r->pages - r->mapped, r->mapped - r->shared,
           r->shared, r->caps, r->unmoved);
}

/* Copy /proc/PID/FILE to the standard output. */
static void show(const char *pid, const char *file)
{
    char line[256];
    FILE *f = open_proc(pid, file);

    while (fgets(line, sizeof line, f))
        fputs(line, stdout);
    fclose(f);
}

int main(int argc, char **argv)
{
    static struct region regions[MAX_REGIONS];
    struct region total;
    const char *pid;
    int c, i, n, pages = 0;

    while ((c = getopt(argc, argv, "p")) != -1) {
        if (c == '?')
            usage();
        pages = 1;
    }
    if (argc - optind != 1)
        usage();
    pid = argv[optind];
    print_status_field(pid, "Pid", "%s: ");
    print_status_field(pid, "Cmdline", "%s\n");
    print_status_field(pid, "Slot", "slot %s, ");
    print_status_field(pid, "Policy", "fork policy %s\n");

    n = read_regions(pid, regions);
    memset(&total, 0, sizeof total);
    printf("%-8s %12s %12s %-6s %6s %9s %6s %6s %6s %7s\n", "region", "start", "end", "rights",
           "pages", "untouched", "own", "shared", "caps", "unmoved");
    for (i = 0; i < n; i++) {
        printf("%-8s %#12lx %#12lx %-6s", regions[i].name, regions[i].start, regions[i].end,
               regions[i].rights);
        print_counts(&regions[i]);
        total.pages += regions[i].pages;
        total.mapped += regions[i].mapped;
        total.shared += regions[i].shared;
        total.caps += regions[i].caps;
        total.unmoved += regions[i].unmoved;
    }
    printf("%-41s", "total");
    print_counts(&total);

    print_status_field(pid, "PagesCopied", "copied for it since fork: %s pages, ");
    print_status_field(pid, "CapsRelocated", "%s pointers relocated; ");
    print_status_field(pid, "ZeroFills", "made on first touch: %s pages\n");
    if (pages) {
        printf("\n");
        show(pid, "maps");
    }
    return 0;
}
