/*
 * dirname - the directory part of path names.
 *
 *     dirname PATH...
 *
 * Prints each PATH without its last component: "/usr/lib/" -> "/usr", "ls.c" -> ".",
 * "/" -> "/" (libc's dirname, libgen.h). Only the string is looked at: PATH need not exist.
 * A leading "//" stays as it is ("//a" -> "//", as glibc's dirname; coreutils prints "/":
 * POSIX allows either).
 * Exit status: 0, or 1 without an argument.
 */
#include <libgen.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "dirname: missing operand\nusage: dirname PATH...\n");
        return 1;
    }
    for (int i = 1; i < argc; i++)
        puts(dirname(argv[i]));
    return 0;
}
