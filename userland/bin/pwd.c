/*
 * pwd - print the current working directory.
 *
 *     pwd [-L | -P]
 *
 *   -P   the physical path, through real directories only: what the kernel keeps (getcwd). The
 *        default, as in GNU's pwd (the shell's own pwd builtin defaults to -L).
 *   -L   the logical path: $PWD, the path the shell went by (through symbolic links, say), if
 *        it is absolute, has no "." or ".." in it and still names this directory; else as -P.
 * The last of -L and -P counts. The test of $PWD is the shell's own (sh/pwd.c, see sh/tools.h).
 * Exit status: 0, or 1 on an error.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh/pwd.c"

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
    path = logical ? names_cwd(getenv("PWD")) : NULL;
    if (path == NULL && (path = getcwd(buf, sizeof buf)) == NULL) {
        fprintf(stderr, "pwd: %s\n", strerror(errno));
        return 1;
    }
    puts(path);
    return 0;
}
