/*
 * start.c - from _start (crt0.s) to main and back out through exit.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"

const char *__progname = "";

int main(int argc, char **argv, char **envp);

_Noreturn void __libc_start_main(int argc, char **argv, char **envp, void *auxv)
{
    const char *slash;

    (void)auxv;
    environ = envp;
    if (argc > 0 && argv[0] != NULL) {
        slash = strrchr(argv[0], '/');
        __progname = slash != NULL ? slash + 1 : argv[0];
    }
    exit(main(argc, argv, envp));
}
