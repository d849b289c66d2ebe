/*
 * fileutil.h - what cp, mv and rm share (GNU keeps it in its lib/ and copy.c): asking the user
 * before a file goes (-i), GNU's hint after a bad command line, the name a SOURCE takes in a
 * DIRECTORY, and (cp and mv) when an existing DEST is replaced (-i, -n, -u) and GNU's reading of
 * their operands: SOURCE DEST, SOURCE... DIRECTORY, -t DIRECTORY SOURCE..., -T SOURCE DEST.
 * Each includes it after defining PROGRAM, the name its messages start with.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Write "PROGRAM: " and the question to stderr, read a line from stdin: is it a yes (y or Y
   first, as GNU's yesno in the C locale)? End of input is a no. */
static int ask(const char *format, ...)
{
    va_list ap;
    int c, first;

    fprintf(stderr, "%s: ", PROGRAM);
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fflush(stderr);
    first = c = getchar();
    while (c != EOF && c != '\n')
        c = getchar();
    return first == 'y' || first == 'Y';
}

/* After a bad option or operand: GNU's pointer to the help, and the status 1. */
static int usage(void)
{
    fprintf(stderr, "Try '%s --help' for more information.\n", PROGRAM);
    return 1;
}

/* DIR/the last component of path (malloc'd). */
static char *path_in(const char *dir, const char *path)
{
    const char *end = path + strlen(path), *base;
    char *result;

    while (end > path + 1 && end[-1] == '/')
        end--;
    for (base = end; base > path && base[-1] != '/'; base--)
        ;
    if (asprintf(&result, "%s/%.*s", dir, (int)(end - base), base) < 0) {
        fprintf(stderr, "%s: out of memory\n", PROGRAM);
        exit(1);
    }
    return result;
}

static int is_directory(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* A target that is not a directory, in GNU's words: "target 'x': Not a directory", or why it
 * cannot be stat'ed ("No such file or directory"). what: "target", or -t's "target directory". */
static int bad_target(const char *what, const char *dir)
{
    struct stat st;

    fprintf(stderr, "%s: %s '%s': %s\n", PROGRAM, what, dir, strerror(stat(dir, &st) < 0 ? errno : ENOTDIR));
    return 1;
}

/* --- replacing an existing DEST (cp and mv) ------------------------------------------------ */
static enum { REPLACE, ASK, NO_CLOBBER } replace;     /* the last of -i, -n (and mv's -f) */
static int update;                                     /* -u */

/* Is a modified after b? */
static int newer(const struct stat *a, const struct stat *b)
{
    return a->st_mtim.tv_sec > b->st_mtim.tv_sec ||
           (a->st_mtim.tv_sec == b->st_mtim.tv_sec && a->st_mtim.tv_nsec > b->st_mtim.tv_nsec);
}

/* Whether the existing DEST to (dst) stays as it is: -n; -u when the SOURCE (st) is not newer;
   -i answered no. */
static int keep_target(const struct stat *st, const struct stat *dst, const char *to)
{
    if (replace == NO_CLOBBER || (update && !newer(st, dst)))
        return 1;
    return replace == ASK && !ask("overwrite '%s'? ", to);
}

/* --- the operands (cp and mv) ---------------------------------------------------------------- */
/* Each SOURCE of the n operands and its new name, given to act (which returns 0, or 1 after an
   error): with -t DIRECTORY (target_dir) every operand goes into it; with -T (no_target_dir)
   there are exactly SOURCE DEST; else the last operand is a DIRECTORY if it is one, or (of two)
   the DEST. Returns 1 if act or the command line failed. */
static int each_source(int n, char **operands, const char *target_dir, int no_target_dir,
                       int (*act)(const char *from, const char *to))
{
    int i, status = 0;

    if (target_dir != NULL && no_target_dir) {
        fprintf(stderr, "%s: cannot combine --target-directory (-t) and --no-target-directory (-T)\n", PROGRAM);
        return 1;
    }
    if (n == 0 || (n == 1 && target_dir == NULL)) {
        if (n == 0)
            fprintf(stderr, "%s: missing file operand\n", PROGRAM);
        else
            fprintf(stderr, "%s: missing destination file operand after '%s'\n", PROGRAM, operands[0]);
        return usage();
    }
    if (no_target_dir) {
        if (n > 2) {
            fprintf(stderr, "%s: extra operand '%s'\n", PROGRAM, operands[2]);
            return usage();
        }
        return act(operands[0], operands[1]);
    }
    if (target_dir == NULL) {
        target_dir = operands[--n];
        if (n == 1 && !is_directory(target_dir))
            return act(operands[0], target_dir);
        if (!is_directory(target_dir))
            return bad_target("target", target_dir);
    } else if (!is_directory(target_dir)) {
        return bad_target("target directory", target_dir);
    }
    for (i = 0; i < n; i++) {
        char *to = path_in(target_dir, operands[i]);
        status |= act(operands[i], to);
        free(to);
    }
    return status;
}
