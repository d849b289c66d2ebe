/*
 * pwd.c - the test a logical path must pass, shared by the shell's cd and pwd and by /bin/pwd -L
 * (see tools.h): a path the shell went by (through symbolic links, say) stands for the current
 * directory only while it is absolute, has no "." or ".." in it, and names that directory still.
 */
#include <stddef.h>
#include <sys/stat.h>
#include "tools.h"

/* Whether path is absolute and has no "." or ".." component, as a logical path must. */
static int is_logical_path(const char *path)
{
    if (path[0] != '/')
        return 0;
    for (const char *p = path; *p; p++)
        if (p[0] == '/' && p[1] == '.' && (p[2] == '/' || p[2] == '\0' ||
                                           (p[2] == '.' && (p[3] == '/' || p[3] == '\0'))))
            return 0;
    return 1;
}

const char *names_cwd(const char *path)
{
    struct stat there, here;

    if (path == NULL || !is_logical_path(path) || stat(path, &there) != 0 || stat(".", &here) != 0)
        return NULL;
    return there.st_dev == here.st_dev && there.st_ino == here.st_ino ? path : NULL;
}
