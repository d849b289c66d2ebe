/*
 * start.c - from _start (crt0.s) to main and back out through exit.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "libc.h"

const char *__progname = "";          /* program_invocation_short_name (errno.h) */
const char *__progname_full = "";     /* program_invocation_name: argv[0] itself */

/* The kernel's system call gate: a sealed code capability and a sealed data capability, handed to
 * the program at start. __syscall (syscall.s) branches through the pair; nothing else can use it. */
void * __capability __syscall_gate[2];     /* capabilities in hybrid C too */

int main(int argc, char **argv, char **envp);

_Noreturn void __libc_start_main(int argc, char **argv, char **envp, void *auxv,
                                 void * __capability gate_code, void * __capability gate_data)
{
    const char *slash;

    (void)auxv;
    __syscall_gate[0] = gate_code;
    __syscall_gate[1] = gate_data;
    environ = envp;
    if (argc > 0 && argv[0] != NULL) {
        slash = strrchr(argv[0], '/');
        __progname = slash != NULL ? slash + 1 : argv[0];
        __progname_full = argv[0];
    }
    exit(main(argc, argv, envp));
}
