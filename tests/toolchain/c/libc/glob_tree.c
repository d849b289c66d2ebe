// expected: host
/* glob.h: glob over a small tree made in a temporary directory - *, ?, [...] in every part of a
   path, hidden names, a trailing '/', and the flags GLOB_MARK, GLOB_NOSORT, GLOB_NOCHECK,
   GLOB_NOESCAPE, GLOB_APPEND, GLOB_ERR and an error function; GLOB_NOMATCH and
   GLOB_ABORTED. Results are printed sorted (GLOB_NOSORT's order is the directory's). */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *files[] = {"a.c", "b.c", "c.h", ".hidden", "dir1/x.c", "dir1/y.txt", "dir2/z.c",
                              "dir2/sub/w.c", "lit[1]", "back\\slash", "dir2/.dot.c"};
static const char *dirs[] = {"dir1", "dir2", "dir2/sub", "empty"};

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void show(const char *pattern, int flags, int err, glob_t *g)
{
    printf("%-14s flags=%#5x: ", pattern, (unsigned)flags);
    if (err == GLOB_NOMATCH)
        printf("GLOB_NOMATCH");
    else if (err == GLOB_ABORTED)
        printf("GLOB_ABORTED");
    else if (err != 0)
        printf("error %d", err);
    else
        for (size_t i = 0; i < g->gl_pathc; i++)
            printf("%s ", g->gl_pathv[g->gl_offs + i]);
    printf("\n");
}

static void try(const char *pattern, int flags)
{
    glob_t g;
    int err = glob(pattern, flags, NULL, &g);
    if (err == 0 && (flags & GLOB_NOSORT))
        qsort(g.gl_pathv, g.gl_pathc, sizeof g.gl_pathv[0], by_name);
    show(pattern, flags, err, &g);
    if (err == 0)
        globfree(&g);
}

static int complaints;

static int complain(const char *path, int error)
{
    printf("errfunc: %s: %s\n", path, error == ENOENT ? "ENOENT" : "other");
    complaints++;
    return 0;
}

int main(void)
{
    char top[] = "/tmp/globXXXXXX";
    glob_t g;
    int err;
    size_t i;

    if (mkdtemp(top) == NULL || chdir(top) != 0)
        return 1;
    for (i = 0; i < sizeof dirs / sizeof dirs[0]; i++)
        mkdir(dirs[i], 0755);
    for (i = 0; i < sizeof files / sizeof files[0]; i++)
        close(open(files[i], O_WRONLY | O_CREAT, 0644));

    try("*.c", 0);
    try("*", 0);
    try("*", GLOB_MARK);
    try("*", GLOB_NOSORT);
    try(".*", 0);
    try(".h*", 0);
    try("*/", 0);
    try("*/*.c", 0);
    try("*/*/*", 0);
    try("dir?/*", GLOB_MARK);
    try("dir[12]/[xz].c", 0);
    try("[!ab]*", 0);
    try("dir2/sub", 0);
    try("dir2//sub/../*.c", 0);
    try("dir2/missing", 0);
    try("empty/*", 0);
    try("*.java", 0);
    try("*.java", GLOB_NOCHECK);
    try("a\\.c", 0);
    try("lit\\[1]", 0);
    try("lit[1]", 0);
    try("back\\slash", 0);
    try("back\\slash", GLOB_NOESCAPE);
    try("back\\\\slash", 0);
    try("./a.?", 0);

    /* GLOB_APPEND adds to the names of the previous call, sorting only its own. (GLOB_DOOFFS
       is in libc/glob_dooffs: ASan's glob interceptor cannot run it.) */
    err = glob("*.h", 0, NULL, &g);
    err |= glob("*.c", GLOB_APPEND, NULL, &g);
    printf("APPEND: %d, gl_pathc=%zu:", err, g.gl_pathc);
    for (i = 0; i < g.gl_pathc + 1; i++)
        printf(" %s", g.gl_pathv[i] ? g.gl_pathv[i] : "(null)");
    printf("\n");
    err = glob("*.none", GLOB_APPEND, NULL, &g);
    printf("APPEND of no match: %d, still %zu\n", err, g.gl_pathc);
    globfree(&g);

    /* A directory that cannot be read: errfunc hears of it; GLOB_ERR stops. */
    err = glob("missing/*", 0, complain, &g);
    printf("missing/*: %s, errfunc called %d\n", err == GLOB_NOMATCH ? "GLOB_NOMATCH" : "other", complaints);
    err = glob("missing/*", GLOB_ERR, NULL, &g);
    printf("missing/* GLOB_ERR: %s\n", err == GLOB_ABORTED ? "GLOB_ABORTED" : "other");
    err = glob("a.c/*", GLOB_ERR, NULL, &g);
    printf("a.c/* GLOB_ERR (not a directory): %s\n", err == GLOB_NOMATCH ? "GLOB_NOMATCH" : "other");

    for (i = sizeof files / sizeof files[0]; i-- > 0;)
        unlink(files[i]);
    for (i = sizeof dirs / sizeof dirs[0]; i-- > 0;)
        rmdir(dirs[i]);
    chdir("/");
    printf("cleaned up: %d\n", rmdir(top) == 0);
    return 0;
}
