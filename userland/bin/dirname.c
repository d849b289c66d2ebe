/*
 * dirname - the directory part of path names.
 *
 *     dirname PATH...
 *
 * Prints each PATH without its last component: "/usr/lib/" -> "/usr", "ls.c" -> ".",
 * "/" -> "/". Only the string is looked at: PATH need not exist.
 * Exit status: 0, or 1 without an argument.
 */
#include <stdio.h>
#include <string.h>

static void dirname(char *path)
{
    size_t len = strlen(path);

    while (len > 1 && path[len - 1] == '/')         /* trailing slashes */
        len--;
    while (len > 0 && path[len - 1] != '/')         /* the last component */
        len--;
    if (len == 0) {                                 /* no slash: the current directory */
        puts(".");
        return;
    }
    while (len > 1 && path[len - 1] == '/')         /* the slashes before it */
        len--;
    path[len] = '\0';
    puts(path);
}

int main(int argc, char **argv)
{
    int i;

    if (argc < 2) {
        fprintf(stderr, "dirname: missing operand\nusage: dirname PATH...\n");
        return 1;
    }
    for (i = 1; i < argc; i++)
        dirname(argv[i]);
    return 0;
}
