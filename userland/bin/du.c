/*
 * du - the disk space files and directories use: GNU's du.
 *
 *     du [-a | -s] [-c] [-d N] [-h | -k | -b] [--apparent-size] [FILE...]
 *
 * Writes "SIZE<tab>NAME" for each directory under each FILE (".", if none), after its contents,
 * with SIZE the total of the directory and all it holds, in 1024-byte blocks, rounded up. A FILE
 * that is not a directory is written too. A file with several links is counted once.
 * The space is st_blocks (512-byte units) as stat gives it; ufos's kernel allocates no blocks and
 * gives st_blocks = the size in 512-byte units, rounded up, so a 1000-byte file uses 1K here (4K
 * on an ext4 disk), and a directory 4K, as on Linux.
 *   -a, --all              every file, not only directories
 *   -s, --summarize        only each FILE's total
 *   -c, --total            a last line: the grand total, "total"
 *   -d N, --max-depth=N    only the directories (and files) at most N levels below a FILE
 *   -h, --human-readable   sizes as 1.5K, 23M, 4.0G (powers of 1024, rounded up)
 *   -k                     1024-byte blocks (the default)
 *   --apparent-size        the files' sizes, not the space they use
 *   -b, --bytes            --apparent-size, in bytes
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int all, human, bytes, apparent;
static long max_depth = LONG_MAX;
static int status;

/* --- files with several links, counted once ---------------------------------------------------- */
static struct seen { dev_t dev; ino_t ino; } *seen;
static size_t nseen;

static int seen_before(const struct stat *st)
{
    for (size_t i = 0; i < nseen; i++)
        if (seen[i].dev == st->st_dev && seen[i].ino == st->st_ino)
            return 1;
    seen = realloc(seen, (nseen + 1) * sizeof *seen);
    seen[nseen].dev = st->st_dev;
    seen[nseen++].ino = st->st_ino;
    return 0;
}

/* --- sizes as du writes them ------------------------------------------------------------------- */
/* -h: GNU's human-readable, rounded up: "1000", "1.5K", "16K", "1.0M": in the first unit in which
 * the number is below 1024, with one decimal below 10 */
static void print_human(unsigned long long n)
{
    static const char units[] = "KMGTPE";
    unsigned long long scale = 1;

    if (n < 1024) {
        printf("%llu", n);
        return;
    }
    for (int u = 0; units[u] != '\0'; u++) {
        scale *= 1024;
        unsigned long long tenths = (n * 10 + scale - 1) / scale, whole = (n + scale - 1) / scale;

        if (tenths < 100) {
            printf("%llu.%llu%c", tenths / 10, tenths % 10, units[u]);
            return;
        }
        if (whole < 1024 || units[u + 1] == '\0') {
            printf("%llu%c", whole, units[u]);
            return;
        }
    }
}

static void print_size(unsigned long long n, const char *name)
{
    if (human)
        print_human(n);
    else if (bytes)
        printf("%llu", n);
    else
        printf("%llu", (n + 1023) / 1024);
    printf("\t%s\n", name);
}

static unsigned long long space(const struct stat *st)
{
    return apparent ? (unsigned long long)st->st_size : (unsigned long long)st->st_blocks * 512;
}

/* --- the walk ------------------------------------------------------------------------------------ */
static char *join(const char *dir, const char *name)
{
    size_t n = strlen(dir);
    char *path = malloc(n + strlen(name) + 2);

    sprintf(path, "%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/", name);
    return path;
}

static unsigned long long walk(const char *path, long depth);

/* the total of a directory's contents */
static unsigned long long contents(const char *path, long depth)
{
    unsigned long long total = 0;
    struct dirent *e;
    DIR *d = opendir(path);

    if (d == NULL) {
        fprintf(stderr, "du: cannot read directory '%s': %s\n", path, strerror(errno));
        status = 1;
        return 0;
    }
    while ((e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        char *child = join(path, e->d_name);

        total += walk(child, depth + 1);
        free(child);
    }
    closedir(d);
    return total;
}

/* the space of path and all under it, written for each directory (and -a file) within -d */
static unsigned long long walk(const char *path, long depth)
{
    struct stat st;
    unsigned long long total;

    if (lstat(path, &st) < 0) {
        fprintf(stderr, "du: cannot access '%s': %s\n", path, strerror(errno));
        status = 1;
        return 0;
    }
    if (!S_ISDIR(st.st_mode) && st.st_nlink > 1 && seen_before(&st))
        return 0;
    total = space(&st);
    if (S_ISDIR(st.st_mode))
        total += contents(path, depth);
    if (depth <= max_depth && (S_ISDIR(st.st_mode) || all || depth == 0))
        print_size(total, path);
    return total;
}

static void usage_error(void)
{
    fprintf(stderr, "Try 'du --help' for more information.\n");
    exit(1);
}

static long depth_limit(const char *s)
{
    char *end;
    long n = strtol(s, &end, 10);

    if (end == s || *end != '\0' || n < 0) {
        fprintf(stderr, "du: invalid maximum depth '%s'\n", s);
        usage_error();
    }
    return n;
}

int main(int argc, char **argv)
{
    enum { APPARENT = 256 };
    static const struct option longopts[] = {
        { "all", no_argument, NULL, 'a' }, { "summarize", no_argument, NULL, 's' },
        { "total", no_argument, NULL, 'c' }, { "max-depth", required_argument, NULL, 'd' },
        { "human-readable", no_argument, NULL, 'h' }, { "bytes", no_argument, NULL, 'b' },
        { "apparent-size", no_argument, NULL, APPARENT }, { NULL, 0, NULL, 0 },
    };
    int summarize = 0, grand = 0, c;
    unsigned long long total = 0;

    while ((c = getopt_long(argc, argv, "ascd:hkb", longopts, NULL)) != -1) {
        switch (c) {
        case 'a': all = 1; break;
        case 's': summarize = 1; break;
        case 'c': grand = 1; break;
        case 'd': max_depth = depth_limit(optarg); break;
        case 'h': human = 1, bytes = 0; break;
        case 'k': human = 0, bytes = 0; break;
        case 'b': bytes = 1, apparent = 1, human = 0; break;
        case APPARENT: apparent = 1; break;
        default: usage_error();
        }
    }
    if (summarize && all) {
        fprintf(stderr, "du: cannot both summarize and show all entries\n");
        usage_error();
    }
    if (summarize)
        max_depth = 0;
    if (optind == argc)
        total = walk(".", 0);
    for (int i = optind; i < argc; i++)
        total += walk(argv[i], 0);
    if (grand)
        print_size(total, "total");
    return status;
}
