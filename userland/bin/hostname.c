/*
 * hostname - prints the name of the machine: GNU's hostname.
 *
 *     hostname
 *
 * Prints the kernel's node name (uname -n; "ufos"). GNU's hostname NAME sets it, but ufos's
 * kernel has no sethostname system call: asking is an error.
 * Exit status: 0, or 1 if the name could not be read or was asked to change.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char name[256];

    if (argc > 2) {
        fprintf(stderr, "hostname: extra operand '%s'\nTry 'hostname --help' for more information.\n",
                argv[2]);
        return 1;
    }
    if (argc == 2) {
        fprintf(stderr, "hostname: cannot set name to '%s': %s\n", argv[1], strerror(ENOSYS));
        return 1;
    }
    if (gethostname(name, sizeof name) < 0) {
        fprintf(stderr, "hostname: cannot determine hostname: %s\n", strerror(errno));
        return 1;
    }
    printf("%s\n", name);
    return 0;
}
