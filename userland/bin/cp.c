/*
 * cp - copy files and directories.
 *
 *     cp [-adrRHLP] SOURCE DEST
 *     cp [-adrRHLP] SOURCE... DIRECTORY
 *
 * Copies the file SOURCE to DEST (created, or overwritten), or each SOURCE into DIRECTORY
 * under its own name. A new file gets SOURCE's permissions.
 *     -r, -R  copy directories too, with everything in them: DEST is made a directory (with
 *             SOURCE's permissions) and each entry of SOURCE is copied into it, depth first.
 *             A directory is never copied into itself (cp -r d d/sub stops at d/sub).
 * Without -r a SOURCE that is a directory is an error. mv uses cp -r to move across file systems.
 * A symbolic link is copied as what it names, except with -r, which copies links as links (a
 * new link holding the same path), as GNU's cp does: so a tree's links stay links, and a link to
 * a directory above does not make the copy endless. Which links are followed, as GNU's:
 *     -L      every one
 *     -H      the SOURCEs, not the links met in directories
 *     -P      none (without -r too): a SOURCE that is a link is copied as a link
 *     -d      as -P
 *     -a      as -R -P (GNU's -a keeps owners and times as well: ufos's cp keeps permissions only)
 * Exit status: 0, or 1 if something could not be copied.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int recursive;
static enum { FOLLOW_UNSET, FOLLOW_NEVER, FOLLOW_OPERANDS, FOLLOW_ALWAYS } follow;
static struct stat made;        /* the first directory cp -r made: never copied into itself */
static int made_any;

static int copy(const char *from, const char *to, int operand);

/* Copy the bytes of the open file in (described by st) to the file to. 0, or 1 after an error. */
static int copy_file(int in, const struct stat *st, const char *from, const char *to)
{
    struct stat dst;
    char buf[4096];
    ssize_t n, w, done;
    int out;

    if (stat(to, &dst) == 0 && dst.st_dev == st->st_dev && dst.st_ino == st->st_ino) {
        fprintf(stderr, "cp: '%s' and '%s' are the same file\n", from, to);
        return 1;
    }
    if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st->st_mode & 0777)) < 0) {
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

/* DIR/NAME (malloc'd). */
static char *join(const char *dir, const char *name, int name_length)
{
    char *result;

    if (asprintf(&result, "%s/%.*s", dir, name_length, name) < 0) {
        fprintf(stderr, "cp: out of memory\n");
        exit(1);
    }
    return result;
}

/* DIR/the last component of path (malloc'd). */
static char *path_in(const char *dir, const char *path)
{
    const char *end = path + strlen(path), *base;

    while (end > path + 1 && end[-1] == '/')
        end--;
    for (base = end; base > path && base[-1] != '/'; base--)
        ;
    return join(dir, base, (int)(end - base));
}

/* cp -r of the directory from (described by st): make to, copy every entry into it. */
static int copy_directory(const struct stat *st, const char *from, const char *to)
{
    struct stat dst;
    struct dirent *d;
    DIR *dir;
    int status = 0;

    if (made_any && st->st_dev == made.st_dev && st->st_ino == made.st_ino) {
        fprintf(stderr, "cp: cannot copy a directory, '%s', into itself\n", from);
        return 1;
    }
    if (mkdir(to, st->st_mode & 0777) < 0 && !(errno == EEXIST && stat(to, &dst) == 0 && S_ISDIR(dst.st_mode))) {
        fprintf(stderr, "cp: cannot create directory '%s': %s\n", to, strerror(errno));
        return 1;
    }
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
        f = join(from, d->d_name, (int)strlen(d->d_name));
        t = join(to, d->d_name, (int)strlen(d->d_name));
        status |= copy(f, t, 0);
        free(f);
        free(t);
    }
    closedir(dir);
    return status;
}

/* Make to a symbolic link holding what the link from (described by st) holds, in place of a file
   to (not a directory). 0, or 1 after an error. */
static int copy_symlink(const struct stat *st, const char *from, const char *to)
{
    char target[PATH_MAX];
    struct stat dst;
    ssize_t len;

    if ((len = readlink(from, target, sizeof target - 1)) < 0) {
        fprintf(stderr, "cp: cannot read symbolic link '%s': %s\n", from, strerror(errno));
        return 1;
    }
    target[len] = '\0';
    if (lstat(to, &dst) == 0) {
        if (dst.st_dev == st->st_dev && dst.st_ino == st->st_ino) {
            fprintf(stderr, "cp: '%s' and '%s' are the same file\n", from, to);
            return 1;
        }
        if (S_ISDIR(dst.st_mode)) {
            fprintf(stderr, "cp: cannot overwrite directory '%s' with non-directory\n", to);
            return 1;
        }
        unlink(to);                 /* a link cannot be written through: the old file goes */
    }
    if (symlink(target, to) < 0) {
        fprintf(stderr, "cp: cannot create symbolic link '%s': %s\n", to, strerror(errno));
        return 1;
    }
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
        status = copy_file(in, &st, from, to);
    else if (recursive)
        status = copy_directory(&st, from, to);
    else {
        fprintf(stderr, "cp: -r not specified; omitting directory '%s'\n", from);
        status = 1;
    }
    close(in);
    return status;
}

static void usage(void)
{
    fprintf(stderr, "usage: cp [-adrRHLP] SOURCE DEST\n       cp [-adrRHLP] SOURCE... DIRECTORY\n");
    exit(1);
}

int main(int argc, char **argv)
{
    struct stat st;
    const char *target;
    int c, i, status = 0, target_is_dir;

    while ((c = getopt(argc, argv, "adrRHLP")) != -1) {
        switch (c) {
        case 'a': recursive = 1; follow = FOLLOW_NEVER; break;
        case 'd': case 'P': follow = FOLLOW_NEVER; break;
        case 'H': follow = FOLLOW_OPERANDS; break;
        case 'L': follow = FOLLOW_ALWAYS; break;
        case 'r': case 'R': recursive = 1; break;
        default: usage();
        }
    }
    if (follow == FOLLOW_UNSET)     /* GNU's (and FreeBSD's) default */
        follow = recursive ? FOLLOW_NEVER : FOLLOW_ALWAYS;
    argc -= optind;
    argv += optind;
    if (argc < 2) {
        if (argc == 1)
            fprintf(stderr, "cp: missing destination file operand after '%s'\n", argv[0]);
        else
            fprintf(stderr, "cp: missing file operand\n");
        usage();
    }
    target = argv[argc - 1];
    target_is_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 2 && !target_is_dir) {
        fprintf(stderr, "cp: target '%s' is not a directory\n", target);
        return 1;
    }
    for (i = 0; i < argc - 1; i++) {
        if (target_is_dir) {
            char *to = path_in(target, argv[i]);
            status |= copy(argv[i], to, 1);
            free(to);
        } else {
            status |= copy(argv[i], target, 1);
        }
    }
    return status;
}
