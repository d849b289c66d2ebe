/*
 * ln - give files more names: hard links, or symbolic links (-s).
 *
 *     ln [-fnsTvLP] SOURCE TARGET
 *     ln [-fnsvLP] SOURCE... DIRECTORY
 *     ln [-fnsvLP] SOURCE          (GNU's: a name in the current directory)
 *
 * Makes TARGET a new name of SOURCE, or gives each SOURCE a name in DIRECTORY under its own name
 * (TARGET is taken as a DIRECTORY when it is one, or a symbolic link to one).
 * A hard link (the default) is a second name of the same file, which lives until its last name
 * is removed: made with link, so only within one file system (/tmp and /host are two: EXDEV) and
 * not for directories. A symbolic link (-s) is a small file that holds the path SOURCE, as it is
 * written: SOURCE need not exist, and a relative SOURCE is found from the link's directory, not
 * from where ln ran. ufos makes them in its RAM file systems (/, /tmp), not in /host (EPERM).
 *   -s  --symbolic            make symbolic links
 *   -f  --force               remove an existing TARGET first (never a directory)
 *   -n  --no-dereference      a TARGET that is a symbolic link to a directory is taken as a file,
 *                             so -f replaces the link instead of making a name in the directory
 *   -T  --no-target-directory TARGET is always the new name, never a DIRECTORY
 *   -v  --verbose             print each link made: 'TARGET' -> 'SOURCE' ('=>' for a hard link)
 *   -L  --logical             a hard link to what a SOURCE symbolic link names
 *   -P  --physical            a hard link to a SOURCE symbolic link itself (the default, as on Linux)
 * Errors in GNU ln's words. Exit status: 0, or 1 if a link could not be made.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int force, symbolic, no_dereference, no_target_directory, verbose, logical;

static const struct option long_options[] = {
    {"symbolic", no_argument, NULL, 's'},
    {"force", no_argument, NULL, 'f'},
    {"no-dereference", no_argument, NULL, 'n'},
    {"no-target-directory", no_argument, NULL, 'T'},
    {"verbose", no_argument, NULL, 'v'},
    {"logical", no_argument, NULL, 'L'},
    {"physical", no_argument, NULL, 'P'},
    {NULL, 0, NULL, 0},
};

static void *out_of_memory(void)
{
    fprintf(stderr, "ln: out of memory\n");
    exit(1);
}

/* DIR/the last component of path (malloc'd; basename may change what it is given). */
static char *path_in(const char *dir, const char *path)
{
    char *copy = strdup(path), *result;
    size_t n = strlen(dir);

    if (copy == NULL || asprintf(&result, "%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/",
                                 basename(copy)) < 0)
        out_of_memory();
    free(copy);
    return result;
}

/* Whether a and b are one name: the same last component in the same directory (GNU's test: then
   -f must not remove b, or the file would be gone). */
static int same_name(const char *a, const char *b)
{
    char *a_dir = strdup(a), *b_dir = strdup(b), *a_base = strdup(a), *b_base = strdup(b);
    struct stat da, db;
    int same;

    if (!a_dir || !b_dir || !a_base || !b_base)
        out_of_memory();
    same = strcmp(basename(a_base), basename(b_base)) == 0 && stat(dirname(a_dir), &da) == 0 &&
           stat(dirname(b_dir), &db) == 0 && da.st_ino == db.st_ino && da.st_dev == db.st_dev;
    free(a_dir);
    free(b_dir);
    free(a_base);
    free(b_base);
    return same;
}

/* Whether path is a directory ln makes names in: a symbolic link to one counts, unless -n. */
static int is_directory(const char *path)
{
    struct stat st;

    if (no_dereference && lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
        return 0;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* With -f: remove target if it exists, unless it is a directory or the very name of source
   (whose file -f would destroy). 0, or 1 after saying why not. */
static int remove_existing(const char *source, const struct stat *source_st, const char *target)
{
    struct stat old;

    if (lstat(target, &old) != 0)
        return 0;
    if (S_ISDIR(old.st_mode)) {
        fprintf(stderr, "ln: %s: cannot overwrite directory\n", target);
        return 1;
    }
    /* GNU's test, for -s too: the file SOURCE names (from here, not from the link) is TARGET */
    if (source_st != NULL && old.st_ino == source_st->st_ino && old.st_dev == source_st->st_dev &&
        (source_st->st_nlink == 1 || same_name(source, target))) {
        fprintf(stderr, "ln: '%s' and '%s' are the same file\n", source, target);
        return 1;
    }
    if (unlink(target) != 0) {
        fprintf(stderr, "ln: cannot remove '%s': %s\n", target, strerror(errno));
        return 1;
    }
    return 0;
}

/* A symbolic link target holding source. 0, or 1 after saying why not. */
static int make_symlink(const char *source, const char *target)
{
    struct stat st;

    if (force && remove_existing(source, stat(source, &st) == 0 ? &st : NULL, target))
        return 1;
    if (symlink(source, target) != 0) {
        fprintf(stderr, "ln: failed to create symbolic link '%s': %s\n", target, strerror(errno));
        return 1;
    }
    if (verbose)
        printf("'%s' -> '%s'\n", target, source);
    return 0;
}

/* A hard link: target becomes a name of source (of what it names, if a link, with -L). 0, or 1
   after saying why not. */
static int make_hard_link(const char *source, const char *target)
{
    struct stat st;

    if ((logical ? stat(source, &st) : lstat(source, &st)) != 0) {
        fprintf(stderr, "ln: failed to access '%s': %s\n", source, strerror(errno));
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "ln: %s: hard link not allowed for directory\n", source);
        return 1;
    }
    if (force && remove_existing(source, &st, target))
        return 1;
    if (linkat(AT_FDCWD, source, AT_FDCWD, target, logical ? AT_SYMLINK_FOLLOW : 0) != 0) {
        if (errno == EEXIST)
            fprintf(stderr, "ln: failed to create hard link '%s': %s\n", target, strerror(errno));
        else
            fprintf(stderr, "ln: failed to create hard link '%s' => '%s': %s\n", target, source,
                    strerror(errno));
        return 1;
    }
    if (verbose)
        printf("'%s' => '%s'\n", target, source);
    return 0;
}

static int make_link(const char *source, const char *target)
{
    return symbolic ? make_symlink(source, target) : make_hard_link(source, target);
}

static int usage(void)
{
    fprintf(stderr, "Try 'ln --help' for more information.\n");
    return 1;
}

int main(int argc, char **argv)
{
    int opt, i, status = 0;
    const char *dir = ".";

    while ((opt = getopt_long(argc, argv, "fnsTvLP", long_options, NULL)) != -1) {
        switch (opt) {
        case 'f': force = 1; break;
        case 'n': no_dereference = 1; break;
        case 's': symbolic = 1; break;
        case 'T': no_target_directory = 1; break;
        case 'v': verbose = 1; break;
        case 'L': logical = 1; break;
        case 'P': logical = 0; break;
        default: return usage();
        }
    }
    argc -= optind;
    argv += optind;
    if (argc == 0) {
        fprintf(stderr, "ln: missing file operand\n");
        return usage();
    }
    if (no_target_directory) {
        if (argc == 2)
            return make_link(argv[0], argv[1]);
        if (argc < 2)
            fprintf(stderr, "ln: missing destination file operand after '%s'\n", argv[0]);
        else
            fprintf(stderr, "ln: extra operand '%s'\n", argv[2]);
        return usage();
    }
    if (argc > 1) {                 /* the last operand: a directory, or (of two) the new name */
        dir = argv[--argc];
        if (!is_directory(dir) && argc == 1)
            return make_link(argv[0], dir);
        if (!is_directory(dir)) {
            struct stat st;
            fprintf(stderr, "ln: target '%s': %s\n", dir,
                    strerror(stat(dir, &st) != 0 ? errno : ENOTDIR));
            return 1;
        }
    }
    for (i = 0; i < argc; i++) {    /* GNU's: a single SOURCE gets its name in "." */
        char *target = path_in(dir, argv[i]);
        status |= make_link(argv[i], target);
        free(target);
    }
    return status;
}
