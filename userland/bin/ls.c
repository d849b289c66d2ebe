/*
 * ls - list directory contents.
 *
 *     ls [-adlpFHL1] [FILE...]
 *
 * For each FILE that is a directory, lists the names in it, sorted (by bytes, as in the C
 * locale); for each other FILE, its own name. Without FILE, lists ".". The files that are not
 * directories come first, then each directory under a "DIR:" heading (when there are several
 * FILEs), separated by blank lines. One name per line (-1 is accepted for that reason).
 *     -a  also the names that start with '.', "." and ".." included
 *     -d  a directory FILE is listed as itself, not what is in it
 *     -l  the long format: type and permissions, links, owner and group (their names in
 *         /etc/passwd and /etc/group, or numbers if they have none), size, modification time,
 *         name (and "-> TARGET" for a symbolic link);
 *         a directory's listing starts with "total N", its size in 1 KiB blocks
 *     -F  classify: a '/' after a directory's name, '@' a symbolic link's, '*' an executable
 *         file's, '|' a FIFO's, '=' a socket's (and -l marks a link's TARGET as what it names)
 *     -p  a '/' after a directory's name
 * Symbolic links are listed as themselves, except a FILE that is a link to a directory: that
 * directory is listed, as GNU's ls does, unless -d, -F or -l asks for the FILEs themselves.
 *     -H  every FILE that is a symbolic link stands for what it names
 *     -L  every symbolic link does, in directories too (one that names nothing is an error)
 * Exit status: 0; 1 if a directory (or with -L a link's target) could not be read; 2 if a FILE
 * does not exist.
 */
#include <dirent.h>
#include <errno.h>
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

static int show_all, long_format, directories_as_files, status;
static int classify, slash;                     /* -F, -p */
static int follow_operands, follow_all;         /* -H (or -L), -L */

static int by_name(const void *a, const void *b)
{
    return strcmp(((const struct entry *)a)->name, ((const struct entry *)b)->name);
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

static int digits(long n)
{
    int d = 1;

    for (; n >= 10; n /= 10)
        d++;
    return d;
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

/* e's owner and group as -l shows them: their names, or their numbers if they have none. */
static void name_owners(struct entry *e)
{
    struct passwd *pw = getpwuid(e->st.st_uid);
    struct group *gr = getgrgid(e->st.st_gid);

    if (pw != NULL)
        snprintf(e->owner, sizeof e->owner, "%s", pw->pw_name);
    else
        snprintf(e->owner, sizeof e->owner, "%lu", (unsigned long)e->st.st_uid);
    if (gr != NULL)
        snprintf(e->group, sizeof e->group, "%s", gr->gr_name);
    else
        snprintf(e->group, sizeof e->group, "%lu", (unsigned long)e->st.st_gid);
}

/* Print entries e[0..n); for -l with columns as wide as the widest value. */
static void print_entries(struct entry *e, size_t n)
{
    int wlinks = 1, wuid = 1, wgid = 1, wsize = 1;
    time_t now = time(NULL);
    size_t i;

    if (!long_format) {
        for (i = 0; i < n; i++)
            printf("%s%s\n", e[i].name, indicator(e[i].st.st_mode));
        return;
    }
    for (i = 0; i < n; i++) {
        int w;
        if ((w = digits((long)e[i].st.st_nlink)) > wlinks) wlinks = w;
        name_owners(&e[i]);
        if ((w = (int)strlen(e[i].owner)) > wuid) wuid = w;
        if ((w = (int)strlen(e[i].group)) > wgid) wgid = w;
        if ((w = digits((long)e[i].st.st_size)) > wsize) wsize = w;
    }
    for (i = 0; i < n; i++) {
        const struct stat *st = &e[i].st;
        char mode[11], date[32], target[256];
        struct tm tm;
        ssize_t len;
        time_t t = st->st_mtim.tv_sec;
        /* within half a year: the time of day; otherwise the year, as ls does */
        int recent = t <= now && now - t < 183L * 24 * 3600;

        mode_string(st->st_mode, mode);
        gmtime_r(&t, &tm);
        strftime(date, sizeof date, recent ? "%b %e %H:%M" : "%b %e  %Y", &tm);
        printf("%s %*ld %-*s %-*s %*ld %s %s", mode, wlinks, (long)st->st_nlink, wuid, e[i].owner,
               wgid, e[i].group, wsize, (long)st->st_size, date, e[i].name);
        if (S_ISLNK(st->st_mode) && (len = readlink(e[i].path, target, sizeof target - 1)) >= 0) {
            struct stat named;
            target[len] = '\0';
            /* -F marks the target as what it is; -p does not (GNU's) */
            printf(" -> %s%s", target, classify && stat(e[i].path, &named) == 0 ? indicator(named.st_mode) : "");
        } else {
            fputs(indicator(st->st_mode), stdout);
        }
        putchar('\n');
    }
}

/* List the directory path. */
static void list_directory(const char *path)
{
    struct entry *e = NULL;
    size_t n = 0, cap = 0, i;
    long blocks = 0;
    struct dirent *d;
    DIR *dir = opendir(path);
    /* GNU's: in ".", a file's path (which messages show) is just its name */
    const char *prefix = strcmp(path, ".") == 0 ? "" : path, *slash_after = *prefix ? "/" : "";

    if (dir == NULL) {
        fprintf(stderr, "ls: cannot open directory '%s': %s\n", path, strerror(errno));
        status = status > 1 ? status : 1;
        return;
    }
    while ((d = readdir(dir)) != NULL) {
        if (d->d_name[0] == '.' && !show_all)
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
        e[n].name = strdup(d->d_name);
        if (e[n].name == NULL || asprintf(&e[n].path, "%s%s%s", prefix, slash_after, d->d_name) < 0) {
            fprintf(stderr, "ls: out of memory\n");
            exit(2);
        }
        if ((long_format || classify || slash) && lstat(e[n].path, &e[n].st) < 0) {
            fprintf(stderr, "ls: cannot access '%s': %s\n", e[n].path, strerror(errno));
            status = status > 1 ? status : 1;
            free(e[n].name);
            free(e[n].path);
            continue;
        }
        /* -L: a link is shown as what it names; one that names nothing stays a link, with an error */
        if ((long_format || classify || slash) && follow_all && S_ISLNK(e[n].st.st_mode) &&
            stat(e[n].path, &e[n].st) < 0) {
            fprintf(stderr, "ls: cannot access '%s': %s\n", e[n].path, strerror(errno));
            status = status > 1 ? status : 1;
        }
        blocks += long_format ? (long)e[n].st.st_blocks : 0;
        n++;
    }
    closedir(dir);
    qsort(e, n, sizeof *e, by_name);
    if (long_format)
        printf("total %ld\n", (blocks + 1) / 2);     /* st_blocks are 512 bytes; ls counts KiB */
    print_entries(e, n);
    for (i = 0; i < n; i++) {
        free(e[i].name);
        free(e[i].path);
    }
    free(e);
}

int main(int argc, char **argv)
{
    struct entry *files, *dirs;
    size_t nfiles = 0, ndirs = 0, i;
    int c, nargs;

    while ((c = getopt(argc, argv, "adlpFHL1")) != -1) {
        switch (c) {
        case 'a': show_all = 1; break;
        case 'd': directories_as_files = 1; break;
        case 'l': long_format = 1; break;
        case 'p': slash = 1; break;
        case 'F': classify = 1; break;
        case 'H': follow_operands = 1; break;
        case 'L': follow_operands = follow_all = 1; break;
        case '1': break;
        default:
            fprintf(stderr, "usage: ls [-adlpFHL1] [FILE...]\n");
            return 2;
        }
    }
    if (optind == argc)
        argv[--optind] = ".";
    nargs = argc - optind;
    files = xmalloc((size_t)nargs * sizeof *files);
    dirs = xmalloc((size_t)nargs * sizeof *dirs);
    /* Sort the arguments out: files are listed first, then directories */
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
        if (S_ISDIR(e.st.st_mode) && !directories_as_files)
            dirs[ndirs++] = e;
        else
            files[nfiles++] = e;
    }
    qsort(files, nfiles, sizeof *files, by_name);
    qsort(dirs, ndirs, sizeof *dirs, by_name);
    print_entries(files, nfiles);
    for (i = 0; i < ndirs; i++) {
        if (nfiles > 0 || i > 0)
            putchar('\n');
        if (nargs > 1)
            printf("%s:\n", dirs[i].name);
        list_directory(dirs[i].path);
    }
    return status;
}
