/*
 * mktemp - make a file or directory with a new, unpredictable name, and print that name.
 *
 *     mktemp [-d] [-q] [-u] [-t] [-p DIR] [TEMPLATE]
 *
 * TEMPLATE ends in at least three X's (default "tmp.XXXXXXXXXX"); each X is replaced by a random
 * letter or digit (from /dev/urandom) until the name is new. The file is made with mode 0600
 * (a directory with -d, mode 0700), so that no other user can have made or read it first.
 *
 *   -d       make a directory, not a file
 *   -q       say nothing on failure (the status still tells)
 *   -u       make nothing, only print a name that was free (unsafe, as in GNU's)
 *   -t       TEMPLATE is a name in $TMPDIR (or in DIR of -p, or in /tmp)
 *   -p DIR   TEMPLATE is a name in DIR (an empty DIR: $TMPDIR or /tmp)
 * Without a TEMPLATE the name is made in DIR of -p, or else in $TMPDIR, or else in /tmp.
 * Exit status: 0, or 1 if nothing could be made (-q only silences that message).
 * Not supported: GNU's long options (--suffix, --tmpdir, --dry-run).
 */
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define TRIES 100               /* names tried before giving up (each one taken already) */

static const char name_chars[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

static void usage(void)
{
    fprintf(stderr, "usage: mktemp [-d] [-q] [-u] [-t] [-p DIR] [TEMPLATE]\n");
    exit(1);
}

static _Noreturn void fail(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "mktemp: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    exit(1);
}

/* The template's X's: where the run of X's at its end begins, and how many there are. */
static size_t trailing_xs(const char *template, size_t *count)
{
    size_t end = strlen(template), start = end;

    while (start > 0 && template[start - 1] == 'X')
        start--;
    *count = end - start;
    return start;
}

/* Replace the n characters at name with random letters and digits. */
static void randomize(int random_fd, char *name, size_t n)
{
    unsigned char bytes[64];
    size_t i, chunk;

    for (; n > 0; n -= chunk, name += chunk) {
        chunk = n < sizeof bytes ? n : sizeof bytes;
        if (read(random_fd, bytes, chunk) != (ssize_t)chunk)
            fail("cannot read /dev/urandom");
        for (i = 0; i < chunk; i++)
            name[i] = name_chars[bytes[i] % (sizeof name_chars - 1)];
    }
}

/* Make (or with dry_run only look for) path: 0 if it is new and now ours, -1 with errno. */
static int make(const char *path, int directory, int dry_run)
{
    struct stat st;
    int fd;

    if (dry_run) {
        if (lstat(path, &st) == 0) {
            errno = EEXIST;
            return -1;
        }
        return errno == ENOENT ? 0 : -1;
    }
    if (directory)
        return mkdir(path, 0700);
    fd = open(path, O_RDWR | O_CREAT | O_EXCL, 0600);
    if (fd < 0)
        return -1;
    close(fd);
    return 0;
}

/* The full path: the template alone, or DIR/TEMPLATE when it goes in a directory. */
static char *full_path(const char *dir, const char *template)
{
    char *path;

    if (dir == NULL)
        return strdup(template);
    path = malloc(strlen(dir) + strlen(template) + 2);
    if (path == NULL)
        fail("out of memory");
    strcpy(path, dir);
    if (path[0] != '\0' && path[strlen(path) - 1] != '/')
        strcat(path, "/");
    strcat(path, template);
    return path;
}

int main(int argc, char **argv)
{
    const char *template = "tmp.XXXXXXXXXX", *dir = NULL, *tmpdir = getenv("TMPDIR");
    int directory = 0, dry_run = 0, in_tmpdir = 0, quiet = 0, random_fd, c, i;
    size_t start, count;
    char *wanted, *path;

    while ((c = getopt(argc, argv, "dqutp:")) != -1) {
        switch (c) {
        case 'd': directory = 1; break;
        case 'q': quiet = 1; break;
        case 'u': dry_run = 1; break;
        case 't': in_tmpdir = 1; break;
        case 'p': dir = optarg; break;
        default: usage();
        }
    }
    if (argc - optind > 1)
        fail("too many templates");
    if (tmpdir != NULL && tmpdir[0] == '\0')
        tmpdir = NULL;
    if (optind < argc)
        template = argv[optind];
    else if (dir == NULL)
        dir = "";                   /* no TEMPLATE: as -p with no DIR */
    if (in_tmpdir)
        dir = tmpdir != NULL ? tmpdir : dir != NULL ? dir : "";   /* -t: $TMPDIR comes first */
    if (dir != NULL && dir[0] == '\0')
        dir = tmpdir != NULL ? tmpdir : "/tmp";
    if (dir != NULL && strchr(template, '/') != NULL)
        fail("invalid template, '%s', contains directory separator", template);
    start = trailing_xs(template, &count);
    if (count < 3)
        fail("too few X's in template '%s'", template);

    wanted = full_path(dir, template);
    path = strdup(wanted);
    start += strlen(path) - strlen(template);
    random_fd = open("/dev/urandom", O_RDONLY);
    if (random_fd < 0)
        fail("cannot open /dev/urandom");
    for (i = 0; i < TRIES; i++) {
        randomize(random_fd, path + start, count);
        if (make(path, directory, dry_run) == 0) {
            printf("%s\n", path);
            return 0;
        }
        if (errno != EEXIST)
            break;
    }
    if (!quiet)
        fprintf(stderr, "mktemp: failed to create %s via template '%s': %s\n",
                directory ? "directory" : "file", wanted, strerror(errno));
    return 1;
}
