/*
 * pwd - print the current working directory.
 *
 *     pwd [-L | -P]
 *
 *   -P   the physical path, through real directories only: what the kernel keeps (getcwd). The
 *        default, as in GNU's pwd (the shell's own pwd builtin defaults to -L).
 *   -L   the logical path: $PWD, the path the shell went by (through symbolic links, say), if
 *        it is absolute, has no "." or ".." in it and still names this directory; else as -P.
 * The last of -L and -P counts. Exit status: 0, or 1 on an error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Whether path is absolute and none of its components is "." or "..". */
static int is_clean(const char *path)
{
    if (path[0] != '/')
        return 0;
    for (const char *p = path; *p; p++)
        if (p[0] == '/' && p[1] == '.' && (p[2] == '/' || p[2] == 0 || (p[2] == '.' && (p[3] == '/' || p[3] == 0))))
            return 0;
    return 1;
}

/* $PWD, if it can stand for the current directory (-L); NULL if not. */
static const char *logical_path(void)
{
    const char *pwd = getenv("PWD");
    struct stat there, here;

    if (pwd == NULL || !is_clean(pwd) || stat(pwd, &there) != 0 || stat(".", &here) != 0)
        return NULL;
    return there.st_dev == here.st_dev && there.st_ino == here.st_ino ? pwd : NULL;
}

int main(int argc, char **argv)
{
    char buf[4096];
    const char *path;
    int c, logical = 0;

    while ((c = getopt(argc, argv, "LP")) != -1) {
        if (c == '?') {
            fprintf(stderr, "usage: pwd [-L | -P]\n");
            return 1;
        }
        logical = c == 'L';
    }
    path = logical ? logical_path() : NULL;
    if (path == NULL && (path = getcwd(buf, sizeof buf)) == NULL) {
        fprintf(stderr, "pwd: %s\n", strerror(errno));
        return 1;
    }
    puts(path);
    return 0;
}
