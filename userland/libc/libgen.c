/*
 * libgen.c - basename and dirname (libgen.h): the last component of a path name and the
 * directory that holds it, from the string alone (the path need not exist).
 *
 * As POSIX allows, both may write into the path: a '\0' cuts off what is not part of the
 * answer (never written where a '\0' already is, so a string literal without trailing slashes
 * survives). A null or empty path gives ".". POSIX leaves it to the implementation whether a
 * leading "//" is a root of its own; as glibc, dirname keeps exactly two leading slashes
 * ("//a" -> "//") and basename does not ("//" -> "/").
 */
#include <libgen.h>
#include <string.h>

static char dot[] = ".";

/* path ended after its first len bytes. */
static char *cut(char *path, size_t len)
{
    if (path[len] != '\0')
        path[len] = '\0';
    return path;
}

/* The length of the first len bytes of path without the slashes at their end (but "/" stays). */
static size_t without_slashes(const char *path, size_t len)
{
    while (len > 1 && path[len - 1] == '/')
        len--;
    return len;
}

char *basename(char *path)
{
    if (path == NULL || path[0] == '\0')
        return dot;
    size_t len = without_slashes(path, strlen(path));
    char *slash = strrchr(cut(path, len), '/');
    return slash == NULL || len == 1 ? path : slash + 1;
}

char *dirname(char *path)
{
    if (path == NULL)
        return dot;
    size_t len = without_slashes(path, strlen(path));
    while (len > 0 && path[len - 1] != '/')         /* the last component */
        len--;
    if (len == 0)                                   /* no slash: the current directory */
        return dot;
    len = without_slashes(path, len);
    if (len == 1 && path[0] == '/' && path[1] == '/' && path[2] != '/')   /* exactly "//" first */
        len = 2;
    return cut(path, len);
}
