/*
 * touch - make files exist, and mark them as changed now.
 *
 *     touch [-c] FILE...
 *
 * Sets the access and modification times of each FILE to the current time; a FILE that does
 * not exist is created, empty (-c: left alone).
 * Exit status: 0, or 1 if a file could not be touched.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int c, i, fd, no_create = 0, status = 0;

    while ((c = getopt(argc, argv, "c")) != -1) {
        if (c != 'c') {
            fprintf(stderr, "usage: touch [-c] FILE...\n");
            return 1;
        }
        no_create = 1;
    }
    if (optind == argc) {
        fprintf(stderr, "touch: missing file operand\nusage: touch [-c] FILE...\n");
        return 1;
    }
    for (i = optind; i < argc; i++) {
        if (utimensat(AT_FDCWD, argv[i], NULL, 0) == 0)     /* both times: now */
            continue;
        if (errno == ENOENT) {
            if (no_create)
                continue;
            fd = open(argv[i], O_WRONLY | O_CREAT, 0666);   /* a new file: its times are now */
            if (fd >= 0) {
                close(fd);
                continue;
            }
        }
        fprintf(stderr, "touch: cannot touch '%s': %s\n", argv[i], strerror(errno));
        status = 1;
    }
    return status;
}
