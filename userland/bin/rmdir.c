/*
 * rmdir - remove empty directories.
 *
 *     rmdir DIR...
 *
 * Removes each DIR, which must be empty (rm -r removes a directory with what is in it).
 * Exit status: 0, or 1 if a directory could not be removed.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int i, status = 0;

    if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0' && strcmp(argv[1], "--") != 0) {
        fprintf(stderr, "rmdir: invalid option -- '%c'\nusage: rmdir DIR...\n", argv[1][1]);
        return 1;
    }
    i = argc > 1 && strcmp(argv[1], "--") == 0 ? 2 : 1;
    if (i == argc) {
        fprintf(stderr, "rmdir: missing operand\nusage: rmdir DIR...\n");
        return 1;
    }
    for (; i < argc; i++) {
        if (rmdir(argv[i]) < 0) {
            fprintf(stderr, "rmdir: failed to remove '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
