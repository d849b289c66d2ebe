/*
 * ls - list directory contents.
 *
 *     ls [-aAdFgHhiLlnopRrSst1] [--color[=WHEN]] [FILE...]
 *
 * For each FILE that is a directory, lists the names in it, sorted (by bytes, as in the C
 * locale); for each other FILE, its own name. Without FILE, lists ".". The files that are not
 * directories come first, then each directory under a "DIR:" heading (when there are several
 * FILEs, or with -R), separated by blank lines. One name per line (-1 is accepted for that
 * reason).
 *     -a, --all          also the names that start with '.', "." and ".." included
 *     -A, --almost-all   also the names that start with '.', but not "." and ".."
 *     -d  a directory FILE is listed as itself, not what is in it
 *     -R, --recursive    each directory's subdirectories are listed after it, and theirs
 *                        ("." and ".." and symbolic links to directories are not entered)
 *     -l  the long format: type and permissions, links, owner and group (their names in
 *         /etc/passwd and /etc/group, or numbers if they have none), size, modification time,
 *         name (and "-> TARGET" for a symbolic link);
 *         a directory's listing starts with "total N", its size in 1 KiB blocks
 *     -n  -l with the owner's and group's numbers;  -g  -l without the owner;  -o  without
 *         the group
 *     -h, --human-readable   sizes (-l, -s) as 1.0K, 12M, ... (powers of 1024, rounded up)
 *     -i  each name's inode number first
 *     -s  each name's size in 1 KiB blocks first (and "total N" before a directory's names)
 *     -t  sorted by modification time, newest first;  -S  by size, biggest first (names
 *         break ties);  -r, --reverse  in the reverse order
 *     -F  classify: a '/' after a directory's name, '@' a symbolic link's, '*' an executable
 *         file's, '|' a FIFO's, '=' a socket's (and -l marks a link's TARGET as what it names)
 *     -p  a '/' after a directory's name
 *     --color[=WHEN]     WHEN "never", "auto" (what ls does: ufos's ls prints no colors to a
 *                        terminal either) or "always" (the default for --color): GNU's default
 *                        colors (for directories, links, executables, FIFOs, sockets, devices,
 *                        set-user-ID and set-group-ID files, sticky and world-writable
 *                        directories), if TERM names a terminal (set, and not "dumb")
 * Symbolic links are listed as themselves, except a FILE that is a link to a directory: that
 * directory is listed, as GNU's ls does, unless -d, -F or -l asks for the FILEs themselves.
 *     -H  every FILE that is a symbolic link stands for what it names
 *     -L  every symbolic link does, in directories too (one that names nothing is an error)
 * ufos keeps only a file's modification time (its access and change times are the same), so
 * GNU's -c and -u, which sort by those, are not offered.
 * Exit status: 0; 1 if a directory (or with -L a link's target) could not be read; 2 if a FILE
 * does not exist.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <grp.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct entry {
    char *name;                 /* as shown */
    char *path;                 /* to stat it */
    struct stat st;
    char owner[32], group[32];  /* -l: names, or numbers */
};

/* The columns of -i, -s and -l, each as wide as its widest value among the names listed
   together (a directory's, or the FILEs that are not directories) */
struct widths {
    int inode, blocks, links, owner, group, size;
};

enum { HIDE_DOTS, ALMOST_ALL, ALL };            /* which names starting with '.' are shown */
enum { BY_NAME, BY_TIME, BY_SIZE };
enum { COLOR_OPTION = 256 };                    /* --color's getopt_long value */

static int dots = HIDE_DOTS, sort_key = BY_NAME, reverse, recursive;
static int long_format, show_owner = 1, show_group = 1, numeric_ids, human, show_inode, show_blocks;
static int directories_as_files, status;
static int classify, slash;                     /* -F, -p */
static int follow_operands, follow_all;         /* -H (or -L), -L */
static int colors, colored_yet;                 /* --color=always; a color was printed */

/* Whether the entries of a directory need their stat: only a plain list of names does not. */
static int need_stat(void)
{
    return long_format || classify || slash || sort_key != BY_NAME || recursive || show_inode ||
           show_blocks || colors;
}

/* The order of the listing: by name (bytes), or -t's or -S's with names breaking ties; -r
   reverses it all. */
static int compare_entries(const void *pa, const void *pb)
{
    const struct entry *a = pa, *b = pb;
    int order = 0;

    if (sort_key == BY_TIME) {
        if (a->st.st_mtim.tv_sec != b->st.st_mtim.tv_sec)
            order = a->st.st_mtim.tv_sec > b->st.st_mtim.tv_sec ? -1 : 1;
        else if (a->st.st_mtim.tv_nsec != b->st.st_mtim.tv_nsec)
            order = a->st.st_mtim.tv_nsec > b->st.st_mtim.tv_nsec ? -1 : 1;
    } else if (sort_key == BY_SIZE && a->st.st_size != b->st.st_size) {
        order = a->st.st_size > b->st.st_size ? -1 : 1;
    }
    if (order == 0)
        order = strcmp(a->name, b->name);
    return reverse ? -order : order;
}

static void *xmalloc(size_t n)
{
    void *p = malloc(n);

    if (p == NULL) {
        fprintf(stderr, "ls: out of memory\n");
        exit(2);
    }
    return p;
}

static int max(int a, int b)
{
    return a > b ? a : b;
}

/* n bytes as -h shows them: "1023", "1.0K", "12M" (powers of 1024), rounded up as GNU's are */
static void human_size(unsigned long long n, char *buf, size_t size)
{
    static const char units[] = "KMGTPE";
    unsigned long long unit = 1024, tenths, whole;
    int i;

    if (n < 1024) {
        snprintf(buf, size, "%llu", n);
        return;
    }
    for (i = 0;; i++, unit *= 1024) {
        tenths = n / unit * 10 + ((n % unit) * 10 + unit - 1) / unit;
        if (tenths < 100) {             /* below 10: one decimal */
            snprintf(buf, size, "%llu.%llu%c", tenths / 10, tenths % 10, units[i]);
            return;
        }
        whole = n / unit + (n % unit != 0);
        if (whole < 1024 || units[i + 1] == '\0') {
            snprintf(buf, size, "%llu%c", whole, units[i]);
            return;
        }
    }
}

/* A size as -l shows it: bytes, or with -h as human_size */
static void size_text(unsigned long long bytes, char *buf, size_t size)
{
    if (human)
        human_size(bytes, buf, size);
    else
        snprintf(buf, size, "%llu", bytes);
}

/* The space of st_blocks blocks (of 512 bytes) as -s and "total" show it: in 1 KiB blocks, or
   with -h as human_size */
static void blocks_text(long blocks, char *buf, size_t size)
{
    if (human)
        human_size((unsigned long long)blocks * 512, buf, size);
    else
        snprintf(buf, size, "%ld", (blocks + 1) / 2);
}

/* "drwxr-xr-x" */
static void mode_string(mode_t m, char *s)
{
    static const char rwx[] = "rwxrwxrwx";
    int i;

    s[0] = S_ISDIR(m) ? 'd' : S_ISLNK(m) ? 'l' : S_ISCHR(m) ? 'c' : S_ISBLK(m) ? 'b' :
           S_ISFIFO(m) ? 'p' : S_ISSOCK(m) ? 's' : '-';
    for (i = 0; i < 9; i++)
        s[i + 1] = (m & (0400 >> i)) ? rwx[i] : '-';
    s[10] = '\0';
}

/* The mark -F (or -p) puts after a name of a file of mode m: "" for none. */
static const char *indicator(mode_t m)
{
    if (S_ISDIR(m))
        return classify || slash ? "/" : "";
    if (!classify)
        return "";
    return S_ISLNK(m) ? "@" : S_ISFIFO(m) ? "|" : S_ISSOCK(m) ? "=" :
           S_ISREG(m) && (m & 0111) ? "*" : "";
}

/* GNU's default color (as LS_COLORS writes it) for a file of mode m: NULL for none. */
static const char *color_of(mode_t m)
{
    if (S_ISDIR(m)) {
        if ((m & S_ISVTX) && (m & S_IWOTH))
            return "30;42";             /* sticky and writable by all, as /tmp */
        return m & S_IWOTH ? "34;42" : m & S_ISVTX ? "37;44" : "01;34";
    }
    if (S_ISLNK(m))
        return "01;36";
    if (S_ISFIFO(m))
        return "33";
    if (S_ISSOCK(m))
        return "01;35";
    if (S_ISCHR(m) || S_ISBLK(m))
        return "01;33";
    if (!S_ISREG(m))
        return NULL;
    return m & S_ISUID ? "37;41" : m & S_ISGID ? "30;43" : m & 0111 ? "01;32" : NULL;
}

/* Print name, in the color of mode m with --color=always. GNU's ls resets the terminal's
   colors ("\033[0m") before the first color it prints. */
static void print_name(const char *name, mode_t m)
{
    const char *color = colors ? color_of(m) : NULL;

    if (color == NULL) {
        fputs(name, stdout);
        return;
    }
    if (!colored_yet)
        fputs("\033[0m", stdout);
    colored_yet = 1;
    printf("\033[%sm%s\033[0m", color, name);
}

/* e's owner and group as -l shows them: their names (their numbers with -n, or if they have
   none). */
static void name_owners(struct entry *e)
{
    struct passwd *pw = numeric_ids ? NULL : getpwuid(e->st.st_uid);
    struct group *gr = numeric_ids ? NULL : getgrgid(e->st.st_gid);

    if (pw != NULL)
        snprintf(e->owner, sizeof e->owner, "%s", pw->pw_name);
    else
        snprintf(e->owner, sizeof e->owner, "%lu", (unsigned long)e->st.st_uid);
    if (gr != NULL)
        snprintf(e->group, sizeof e->group, "%s", gr->gr_name);
    else
        snprintf(e->group, sizeof e->group, "%lu", (unsigned long)e->st.st_gid);
}

/* The widths of the columns of entries e[0..n) (and their owners named, for -l). */
static struct widths column_widths(struct entry *e, size_t n)
{
    struct widths w = {1, 1, 1, 1, 1, 1};
    char buf[32];
    size_t i;

    for (i = 0; i < n; i++) {
        const struct stat *st = &e[i].st;
        w.inode = max(w.inode, snprintf(buf, sizeof buf, "%lu", (unsigned long)st->st_ino));
        blocks_text((long)st->st_blocks, buf, sizeof buf);
        w.blocks = max(w.blocks, (int)strlen(buf));
        if (!long_format)
            continue;
        name_owners(&e[i]);
        w.links = max(w.links, snprintf(buf, sizeof buf, "%lu", (unsigned long)st->st_nlink));
        w.owner = max(w.owner, (int)strlen(e[i].owner));
        w.group = max(w.group, (int)strlen(e[i].group));
        size_text((unsigned long long)st->st_size, buf, sizeof buf);
        w.size = max(w.size, (int)strlen(buf));
    }
    return w;
}

/* -l's columns of e, before its name: mode, links, owner, group, size, modification time */
static void print_long_columns(const struct entry *e, const struct widths *w, time_t now)
{
    const struct stat *st = &e->st;
    char mode[11], date[32], size[32];
    struct tm tm;
    time_t t = st->st_mtim.tv_sec;
    /* within half a year: the time of day; otherwise the year, as ls does */
    int recent = t <= now && now - t < 183L * 24 * 3600;

    mode_string(st->st_mode, mode);
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
    size_text((unsigned long long)st->st_size, size, sizeof size);
    printf("%s %*lu ", mode, w->links, (unsigned long)st->st_nlink);
    if (show_owner)
        printf("%-*s ", w->owner, e->owner);
    if (show_group)
        printf("%-*s ", w->group, e->group);
    printf("%*s %s ", w->size, size, date);
}

/* Print entries e[0..n), one a line, with the columns the options ask for, w wide. */
static void print_entries(struct entry *e, size_t n, const struct widths *w)
{
    time_t now = time(NULL);
    size_t i;

    for (i = 0; i < n; i++) {
        const struct stat *st = &e[i].st;
        char blocks[32], target[256];
        ssize_t len;

        if (show_inode)
            printf("%*lu ", w->inode, (unsigned long)st->st_ino);
        if (show_blocks) {
            blocks_text((long)st->st_blocks, blocks, sizeof blocks);
            printf("%*s ", w->blocks, blocks);
        }
        if (long_format)
            print_long_columns(&e[i], w, now);
        print_name(e[i].name, st->st_mode);
        if (long_format && S_ISLNK(st->st_mode) &&
            (len = readlink(e[i].path, target, sizeof target - 1)) >= 0) {
            struct stat named;
            int exists = stat(e[i].path, &named) == 0;
            target[len] = '\0';
            fputs(" -> ", stdout);
            print_name(target, exists ? named.st_mode : 0);
            /* -F marks the target as what it is; -p does not (GNU's) */
            fputs(classify && exists ? indicator(named.st_mode) : "", stdout);
        } else {
            fputs(indicator(st->st_mode), stdout);
        }
        putchar('\n');
    }
}

/* path/name, as GNU's ls names a subdirectory to list: "./sub" in ".", "x/sub" in "x/" */
static char *subdirectory(const char *path, const char *name)
{
    size_t len = strlen(path);
    char *sub;

    if (asprintf(&sub, "%s%s%s", path, len > 0 && path[len - 1] == '/' ? "" : "/", name) < 0) {
        fprintf(stderr, "ls: out of memory\n");
        exit(2);
    }
    return sub;
}

static int is_dot_or_dot_dot(const char *name)
{
    return strcmp(name, ".") == 0 || strcmp(name, "..") == 0;
}

/* Read the names of directory path into *entries (their stat too when needed); their number,
   or -1 if the directory could not be opened. *blocks: their st_blocks, summed. */
static long read_directory(const char *path, struct entry **entries, long *blocks)
{
    struct entry *e = NULL;
    size_t n = 0, cap = 0;
    struct dirent *d;
    DIR *dir = opendir(path);
    /* GNU's: in ".", a file's path (which messages show) is just its name */
    const char *prefix = strcmp(path, ".") == 0 ? "" : path, *slash_after = *prefix ? "/" : "";

    if (dir == NULL) {
        fprintf(stderr, "ls: cannot open directory '%s': %s\n", path, strerror(errno));
        status = status > 1 ? status : 1;
        return -1;
    }
    *blocks = 0;
    while ((d = readdir(dir)) != NULL) {
        if (d->d_name[0] == '.' && (dots == HIDE_DOTS || (dots == ALMOST_ALL && is_dot_or_dot_dot(d->d_name))))
            continue;
        if (n == cap) {
            struct entry *bigger;
            cap = cap ? 2 * cap : 32;
            bigger = xmalloc(cap * sizeof *e);
            if (n > 0)
                memcpy(bigger, e, n * sizeof *e);
            free(e);
            e = bigger;
        }
        memset(&e[n].st, 0, sizeof e[n].st);       /* not stat'ed if nothing needs it */
        e[n].name = strdup(d->d_name);
        if (e[n].name == NULL || asprintf(&e[n].path, "%s%s%s", prefix, slash_after, d->d_name) < 0) {
            fprintf(stderr, "ls: out of memory\n");
            exit(2);
        }
        if (need_stat() && lstat(e[n].path, &e[n].st) < 0) {
            fprintf(stderr, "ls: cannot access '%s': %s\n", e[n].path, strerror(errno));
            status = status > 1 ? status : 1;
            free(e[n].name);
            free(e[n].path);
            continue;
        }
        /* -L: a link is shown as what it names; one that names nothing stays a link, with an error */
        if (need_stat() && follow_all && S_ISLNK(e[n].st.st_mode) && stat(e[n].path, &e[n].st) < 0) {
            fprintf(stderr, "ls: cannot access '%s': %s\n", e[n].path, strerror(errno));
            status = status > 1 ? status : 1;
        }
        *blocks += need_stat() ? (long)e[n].st.st_blocks : 0;
        n++;
    }
    closedir(dir);
    *entries = e;
    return (long)n;
}

/* List the directory path; with -R, then its subdirectories. */
static void list_directory(const char *path)
{
    struct entry *e;
    long n, i, blocks;
    char total[32];
    struct widths widths;

    if ((n = read_directory(path, &e, &blocks)) < 0)
        return;
    qsort(e, (size_t)n, sizeof *e, compare_entries);
    if (long_format || show_blocks) {
        blocks_text(blocks, total, sizeof total);
        printf("total %s\n", total);
    }
    widths = column_widths(e, (size_t)n);
    print_entries(e, (size_t)n, &widths);
    for (i = 0; i < n; i++) {
        if (recursive && S_ISDIR(e[i].st.st_mode) && !is_dot_or_dot_dot(e[i].name)) {
            char *sub = subdirectory(path, e[i].name);
            printf("\n%s:\n", sub);
            list_directory(sub);
            free(sub);
        }
    }
    for (i = 0; i < n; i++) {
        free(e[i].name);
        free(e[i].path);
    }
    free(e);
}

/* --color's WHEN: 1 to color, 0 not to, -1 for a word it does not know. As GNU's ls, colors
   only a terminal that has some (TERM set, and not "dumb"). */
static int color_when(const char *when)
{
    const char *term = getenv("TERM");

    if (when == NULL || strcmp(when, "always") == 0 || strcmp(when, "yes") == 0 ||
        strcmp(when, "force") == 0)
        return term != NULL && *term != '\0' && strcmp(term, "dumb") != 0;
    if (strcmp(when, "never") == 0 || strcmp(when, "no") == 0 || strcmp(when, "none") == 0 ||
        strcmp(when, "auto") == 0 || strcmp(when, "tty") == 0 || strcmp(when, "if-tty") == 0)
        return 0;
    return -1;
}

/* Read the options; returns 0, or after a message for a wrong one the exit status (GNU's:
   1 for a wrong --color, 2 for the others). */
static int read_options(int argc, char **argv)
{
    static const struct option longs[] = {
        {"all", no_argument, NULL, 'a'},
        {"almost-all", no_argument, NULL, 'A'},
        {"reverse", no_argument, NULL, 'r'},
        {"recursive", no_argument, NULL, 'R'},
        {"human-readable", no_argument, NULL, 'h'},
        {"color", optional_argument, NULL, COLOR_OPTION},
        {NULL, 0, NULL, 0},
    };
    int c;

    while ((c = getopt_long(argc, argv, "aAdFgHhiLlnopRrSst1", longs, NULL)) != -1) {
        switch (c) {
        case 'a': dots = ALL; break;
        case 'A': dots = ALMOST_ALL; break;
        case 'd': directories_as_files = 1; break;
        case 'F': classify = 1; break;
        case 'g': long_format = 1; show_owner = 0; break;
        case 'H': follow_operands = 1; break;
        case 'h': human = 1; break;
        case 'i': show_inode = 1; break;
        case 'L': follow_operands = follow_all = 1; break;
        case 'l': long_format = 1; break;
        case 'n': long_format = numeric_ids = 1; break;
        case 'o': long_format = 1; show_group = 0; break;
        case 'p': slash = 1; break;
        case 'R': recursive = 1; break;
        case 'r': reverse = 1; break;
        case 'S': sort_key = BY_SIZE; break;
        case 's': show_blocks = 1; break;
        case 't': sort_key = BY_TIME; break;
        case '1': break;
        case COLOR_OPTION:
            if ((colors = color_when(optarg)) < 0) {
                fprintf(stderr, "ls: invalid argument '%s' for '--color'\n", optarg);
                return 1;
            }
            break;
        default:
            fprintf(stderr, "usage: ls [-aAdFgHhiLlnopRrSst1] [--color[=WHEN]] [FILE...]\n");
            return 2;
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct entry *operands, *files, *dirs;
    size_t noperands = 0, nfiles = 0, ndirs = 0, i;
    struct widths widths;
    int nargs, wrong;

    if ((wrong = read_options(argc, argv)) != 0)
        return wrong;
    if (optind == argc)
        argv[--optind] = ".";
    nargs = argc - optind;
    operands = xmalloc((size_t)nargs * sizeof *operands);
    files = xmalloc((size_t)nargs * sizeof *files);
    dirs = xmalloc((size_t)nargs * sizeof *dirs);
    for (i = 0; i < (size_t)nargs; i++) {
        struct entry e;
        e.name = e.path = argv[optind + i];
        if ((follow_operands ? stat(e.path, &e.st) : lstat(e.path, &e.st)) < 0) {
            fprintf(stderr, "ls: cannot access '%s': %s\n", e.path, strerror(errno));
            status = 2;
            continue;
        }
        /* GNU's default: a link to a directory is that directory, unless the FILEs themselves
           were asked for */
        if (S_ISLNK(e.st.st_mode) && !directories_as_files && !classify && !long_format) {
            struct stat target;
            if (stat(e.path, &target) == 0) {
                if (S_ISDIR(target.st_mode))
                    e.st = target;
            } else if (errno != ENOENT) {       /* a loop is an error, a dangling link is not */
                fprintf(stderr, "ls: cannot access '%s': %s\n", e.path, strerror(errno));
                status = 2;
                continue;
            }
        }
        operands[noperands++] = e;
    }
    /* GNU's: the columns of the files are as wide as those of all the FILEs, directories too */
    widths = column_widths(operands, noperands);
    /* Sort the FILEs out: files are listed first, then directories */
    for (i = 0; i < noperands; i++) {
        if (S_ISDIR(operands[i].st.st_mode) && !directories_as_files)
            dirs[ndirs++] = operands[i];
        else
            files[nfiles++] = operands[i];
    }
    qsort(files, nfiles, sizeof *files, compare_entries);
    qsort(dirs, ndirs, sizeof *dirs, compare_entries);
    print_entries(files, nfiles, &widths);
    for (i = 0; i < ndirs; i++) {
        if (nfiles > 0 || i > 0)
            putchar('\n');
        if (nargs > 1 || recursive)
            printf("%s:\n", dirs[i].name);
        list_directory(dirs[i].path);
    }
    return status;
}
