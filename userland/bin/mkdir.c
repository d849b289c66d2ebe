/*
 * mkdir - make directories.
 *
 *     mkdir [-p] DIR...
 *
 * Creates each DIR (with permissions 0777, less the umask). Without -p the parent must exist
 * and DIR must not. With -p the missing parents are made too, and a DIR that already exists
 * is not an error.
 * Exit status: 0, or 1 if a directory could not be made.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* mkdir -p: make each prefix of path that ends before a '/', then path itself. */
static int make_parents(char *path)
{
    struct stat st;
    char *p = path;

    for (;;) {
        while (*p == '/')
            p++;
        p = strchr(p, '/');
        if (p != NULL)
            *p = '\0';          /* path is now the prefix */
        /* It may exist already (EEXIST; a mount point like /host may say EBUSY): fine if it
         * is a directory */
        if (mkdir(path, 0777) < 0) {
            int e = errno;
            if (stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
                errno = e == EEXIST ? ENOTDIR : e;
                if (p != NULL)
                    *p = '/';
                return -1;
            }
        }
        if (p == NULL)
            return 0;
        *p = '/';
    }
}

int main(int argc, char **argv)
{
    int c, i, parents = 0, status = 0;

    while ((c = getopt(argc, argv, "p")) != -1) {
        if (c != 'p') {
            fprintf(stderr, "usage: mkdir [-p] DIR...\n");
            return 1;
        }
        parents = 1;
    }
    if (optind == argc) {
        fprintf(stderr, "mkdir: missing operand\nusage: mkdir [-p] DIR...\n");
        return 1;
    }
    for (i = optind; i < argc; i++) {
        if ((parents ? make_parents(argv[i]) : mkdir(argv[i], 0777)) < 0) {
            fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", argv[i], strerror(errno));
            status = 1;
        }
    }
    return status;
}
