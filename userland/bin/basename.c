/*
 * basename - the last part of a path name.
 *
 *     basename PATH [SUFFIX]
 *
 * Prints PATH without its trailing slashes and without everything up to its last slash
 * ("/usr/lib/" -> "lib", "/" -> "/"; libc's basename, libgen.h), and without SUFFIX if the name
 * ends with it (and is not just SUFFIX): "basename src/ls.c .c" prints "ls". Only the string is
 * looked at: PATH need not exist. An empty PATH prints an empty line, as coreutils does (libc's
 * basename would say ".": POSIX allows either).
 * Exit status: 0, or 1 for a wrong number of arguments.
 */
#include <libgen.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    char *name;
    size_t len;

    if (argc < 2 || argc > 3) {
        fprintf(stderr, argc < 2 ? "basename: missing operand\n" : "basename: extra operand '%s'\n",
                argv[argc > 3 ? 3 : 0]);
        fprintf(stderr, "usage: basename PATH [SUFFIX]\n");
        return 1;
    }
    name = argv[1][0] == '\0' ? argv[1] : basename(argv[1]);
    len = strlen(name);
    if (argc == 3) {
        size_t slen = strlen(argv[2]);
        if (slen < len && strcmp(name + len - slen, argv[2]) == 0)
            name[len - slen] = '\0';
    }
    puts(name);
    return 0;
}
