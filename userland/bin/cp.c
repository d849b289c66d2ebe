/*
 * cp - copy files and directories.
 *
 *     cp [OPTION]... SOURCE DEST
 *     cp [OPTION]... SOURCE... DIRECTORY
 *     cp [OPTION]... -t DIRECTORY SOURCE...
 *
 * Copies the file SOURCE to DEST (created, or overwritten), or each SOURCE into DIRECTORY
 * under its own name. A new file gets SOURCE's permissions (less the umask); a file overwritten
 * keeps its own.
 *   -r, -R  --recursive         copy directories too, with everything in them: DEST is made a
 *                               directory (with SOURCE's permissions) and each entry of SOURCE is
 *                               copied into it, depth first. A directory is never copied into
 *                               itself (cp -r d d/sub stops at d/sub).
 *   -f  --force                 a DEST that cannot be opened is removed, and made again
 *   -i  --interactive           ask before overwriting ("cp: overwrite 'DEST'? " on stderr; a
 *                               line from stdin that starts with y or Y is a yes)
 *   -n  --no-clobber            never overwrite an existing file (of -i and -n the last counts)
 *   -u  --update                overwrite a file only if SOURCE is newer
 *   -p  --preserve              keep SOURCE's permissions and times (ufos has no owners to keep)
 *   -v  --verbose               print each copy: 'SOURCE' -> 'DEST'
 *   -t  --target-directory=DIR  copy every SOURCE into DIR
 *   -T  --no-target-directory   DEST is always the copy, never a DIRECTORY
 * Without -r a SOURCE that is a directory is an error. mv uses cp -r to move across file systems.
 * A symbolic link is copied as what it names, except with -r, which copies links as links (a
 * new link holding the same path), as GNU's cp does: so a tree's links stay links, and a link to
 * a directory above does not make the copy endless. Which links are followed, as GNU's:
 *     -L      every one
 *     -H      the SOURCEs, not the links met in directories
 *     -P      none (without -r too): a SOURCE that is a link is copied as a link
 *     -d      as -P
 *     -a      as -R -P -p (GNU's -a keeps owners as well)
 * Errors in GNU cp's words. Exit status: 0, or 1 if something could not be copied.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PROGRAM "cp"
#include "fileutil.h"

static int recursive, force, preserve, verbose;
static enum { FOLLOW_UNSET, FOLLOW_NEVER, FOLLOW_OPERANDS, FOLLOW_ALWAYS } follow;
static struct stat made;        /* the first directory cp -r made: never copied into itself */
static int made_any;

static int copy(const char *from, const char *to, int operand);

/* Open the file to for writing, made with mode if it is new; -f: removed and made again if it
   cannot be opened. */
static int open_target(const char *to, mode_t mode)
{
    int out = open(to, O_WRONLY | O_CREAT | O_TRUNC, mode);

    if (out < 0 && force && unlink(to) == 0)
        out = open(to, O_WRONLY | O_CREAT | O_TRUNC, mode);
    return out;
}

/* -p: give to the permissions and times of st. 0, or 1 after an error. */
static int preserve_attributes(const struct stat *st, const char *to)
{
    struct timespec times[2];

    times[0] = st->st_atim;
    times[1] = st->st_mtim;
    if (utimensat(AT_FDCWD, to, times, 0) < 0 || chmod(to, st->st_mode & 07777) < 0) {
        fprintf(stderr, "cp: preserving attributes of '%s': %s\n", to, strerror(errno));
        return 1;
    }
    return 0;
}

/* The same file as st? */
static int same_file(const struct stat *st, const struct stat *dst)
{
    return dst->st_dev == st->st_dev && dst->st_ino == st->st_ino;
}

/* Copy the bytes of the open file in (described by st) to the file to. 0, or 1 after an error. */
static int copy_file(int in, const struct stat *st, const char *from, const char *to)
{
    char buf[4096];
    ssize_t n, w, done;
    int out;

    if ((out = open_target(to, st->st_mode & 0777)) < 0) {
        fprintf(stderr, "cp: cannot create regular file '%s': %s\n", to, strerror(errno));
        return 1;
    }
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (done = 0; done < n; done += w) {
            if ((w = write(out, buf + done, (size_t)(n - done))) < 0) {
                fprintf(stderr, "cp: error writing '%s': %s\n", to, strerror(errno));
                close(out);
                return 1;
            }
        }
    }
    if (n < 0)
        fprintf(stderr, "cp: error reading '%s': %s\n", from, strerror(errno));
    if (close(out) < 0) {
        fprintf(stderr, "cp: error writing '%s': %s\n", to, strerror(errno));
        return 1;
    }
    return n < 0;
}

/* What to do about an existing to (dst), for a copy of from (st): GO_OVER it; or not, having
   said why (FAILED: the same file, or a directory), or because it stays (KEPT: -i, -n, -u). */
enum { GO_OVER, FAILED, KEPT };

static int over_existing(const struct stat *st, const struct stat *dst, const char *from, const char *to)
{
    if (same_file(st, dst)) {
        fprintf(stderr, "cp: '%s' and '%s' are the same file\n", from, to);
        return FAILED;
    }
    if (S_ISDIR(dst->st_mode)) {
        fprintf(stderr, "cp: cannot overwrite directory '%s' with non-directory\n", to);
        return FAILED;
    }
    return keep_target(st, dst, to) ? KEPT : GO_OVER;
}

/* Copy the regular file from, open as in (described by st), to to unless an existing to stays
   (-i, -n, -u). 0, or 1 after an error. */
static int copy_regular(int in, const struct stat *st, const char *from, const char *to)
{
    struct stat dst;

    int over;

    if (stat(to, &dst) == 0 && (over = over_existing(st, &dst, from, to)) != GO_OVER)
        return over == FAILED;
    if (copy_file(in, st, from, to) || (preserve && preserve_attributes(st, to)))
        return 1;
    if (verbose)
        printf("'%s' -> '%s'\n", from, to);
    return 0;
}

/* DIR/NAME (malloc'd). */
static char *join(const char *dir, const char *name)
{
    char *result;

    if (asprintf(&result, "%s/%s", dir, name) < 0) {
        fprintf(stderr, "cp: out of memory\n");
        exit(1);
    }
    return result;
}

/* cp -r: make the directory to (with the permissions of st), or use it if it is one. 0, or 1
   after an error. */
static int make_directory(const struct stat *st, const char *from, const char *to)
{
    struct stat dst;

    if (mkdir(to, st->st_mode & 0777) == 0) {
        if (verbose)
            printf("'%s' -> '%s'\n", from, to);
        return 0;
    }
    if (errno == EEXIST && stat(to, &dst) == 0) {
        if (S_ISDIR(dst.st_mode))
            return 0;
        fprintf(stderr, "cp: cannot overwrite non-directory '%s' with directory '%s'\n", to, from);
        return 1;
    }
    fprintf(stderr, "cp: cannot create directory '%s': %s\n", to, strerror(errno));
    return 1;
}

/* cp -r of the directory from (described by st): make to, copy every entry into it. */
static int copy_directory(const struct stat *st, const char *from, const char *to)
{
    struct dirent *d;
    DIR *dir;
    int status = 0;

    if (made_any && st->st_dev == made.st_dev && st->st_ino == made.st_ino) {
        fprintf(stderr, "cp: cannot copy a directory, '%s', into itself\n", from);
        return 1;
    }
    if (make_directory(st, from, to))
        return 1;
    if (!made_any && stat(to, &made) == 0)
        made_any = 1;
    if ((dir = opendir(from)) == NULL) {
        fprintf(stderr, "cp: cannot open directory '%s': %s\n", from, strerror(errno));
        return 1;
    }
    while ((d = readdir(dir)) != NULL) {
        char *f, *t;
        if (strcmp(d->d_name, ".") == 0 || strcmp(d->d_name, "..") == 0)
            continue;
        f = join(from, d->d_name);
        t = join(to, d->d_name);
        status |= copy(f, t, 0);
        free(f);
        free(t);
    }
    closedir(dir);
    if (preserve)                   /* the times after the entries were made */
        status |= preserve_attributes(st, to);
    return status;
}

/* Make to a symbolic link holding what the link from (described by st) holds, in place of a file
   to (not a directory). 0, or 1 after an error. */
static int copy_symlink(const struct stat *st, const char *from, const char *to)
{
    char target[PATH_MAX];
    struct stat dst;
    ssize_t len;
    int over;

    if ((len = readlink(from, target, sizeof target - 1)) < 0) {
        fprintf(stderr, "cp: cannot read symbolic link '%s': %s\n", from, strerror(errno));
        return 1;
    }
    target[len] = '\0';
    if (lstat(to, &dst) == 0) {
        if ((over = over_existing(st, &dst, from, to)) != GO_OVER)
            return over == FAILED;
        unlink(to);                 /* a link cannot be written through: the old file goes */
    }
    if (symlink(target, to) < 0) {
        fprintf(stderr, "cp: cannot create symbolic link '%s': %s\n", to, strerror(errno));
        return 1;
    }
    if (verbose)
        printf("'%s' -> '%s'\n", from, to);
    return 0;
}

/* Copy from to to: a file, a symbolic link (unless it is followed) or with -r a directory; operand:
   from is a SOURCE of the command line. Returns 0, or 1 after reporting an error. */
static int copy(const char *from, const char *to, int operand)
{
    struct stat st;
    int in, status;

    if (follow == FOLLOW_NEVER || (follow == FOLLOW_OPERANDS && !operand)) {
        if (lstat(from, &st) < 0) {
            fprintf(stderr, "cp: cannot stat '%s': %s\n", from, strerror(errno));
            return 1;
        }
        if (S_ISLNK(st.st_mode))
            return copy_symlink(&st, from, to);
    }
    if ((in = open(from, O_RDONLY)) < 0 || fstat(in, &st) < 0) {
        fprintf(stderr, "cp: cannot stat '%s': %s\n", from, strerror(errno));
        if (in >= 0)
            close(in);
        return 1;
    }
    if (!S_ISDIR(st.st_mode))
        status = copy_regular(in, &st, from, to);
    else if (recursive)
        status = copy_directory(&st, from, to);
    else {
        fprintf(stderr, "cp: -r not specified; omitting directory '%s'\n", from);
        status = 1;
    }
    close(in);
    return status;
}

static const struct option long_options[] = {
    {"archive", no_argument, NULL, 'a'},
    {"force", no_argument, NULL, 'f'},
    {"interactive", no_argument, NULL, 'i'},
    {"no-clobber", no_argument, NULL, 'n'},
    {"preserve", no_argument, NULL, 'p'},
    {"recursive", no_argument, NULL, 'r'},
    {"update", no_argument, NULL, 'u'},
    {"verbose", no_argument, NULL, 'v'},
    {"target-directory", required_argument, NULL, 't'},
    {"no-target-directory", no_argument, NULL, 'T'},
    {"dereference", no_argument, NULL, 'L'},
    {"no-dereference", no_argument, NULL, 'P'},
    {NULL, 0, NULL, 0},
};

/* Copy from to to, from a SOURCE operand. */
static int copy_operand(const char *from, const char *to)
{
    return copy(from, to, 1);
}

int main(int argc, char **argv)
{
    const char *target_dir = NULL;
    int c, no_target_dir = 0;

    while ((c = getopt_long(argc, argv, "adfinprRuvHLPt:T", long_options, NULL)) != -1) {
        switch (c) {
        case 'a': recursive = preserve = 1; follow = FOLLOW_NEVER; break;
        case 'd': case 'P': follow = FOLLOW_NEVER; break;
        case 'H': follow = FOLLOW_OPERANDS; break;
        case 'L': follow = FOLLOW_ALWAYS; break;
        case 'r': case 'R': recursive = 1; break;
        case 'f': force = 1; break;
        case 'i': replace = ASK; break;
        case 'n': replace = NO_CLOBBER; break;
        case 'p': preserve = 1; break;
        case 'u': update = 1; break;
        case 'v': verbose = 1; break;
        case 't': target_dir = optarg; break;
        case 'T': no_target_dir = 1; break;
        default: return usage();
        }
    }
    if (follow == FOLLOW_UNSET)     /* GNU's (and FreeBSD's) default */
        follow = recursive ? FOLLOW_NEVER : FOLLOW_ALWAYS;
    return each_source(argc - optind, argv + optind, target_dir, no_target_dir, copy_operand);
}
