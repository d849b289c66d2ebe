/*
 * mkdir - make directories.
 *
 *     mkdir [-pv] [-m MODE] DIR...
 *
 * Creates each DIR (with permissions 0777, less the umask). Without -p the parent must exist
 * and DIR must not.
 *   -p  --parents       make the missing parents too (0777 less the umask, and always writable
 *                       and searchable by their owner), and a DIR that already exists is not an
 *                       error
 *   -m  --mode=MODE     give each DIR the permissions MODE, whatever the umask: octal (755) or
 *                       symbolic as chmod's (modes.h), from a=rwx: "go-w" is 755, "u=rwx,g=rx"
 *                       757 (a clause with no who still spares the umask's bits: "-w" is 577)
 *   -v  --verbose       print each directory made: mkdir: created directory 'DIR'
 * Errors in GNU mkdir's words. Exit status: 0, or 1 if a directory could not be made.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "modes.h"

static int parents, verbose, mode_given;
static mode_t mode = 0777;

static const struct option long_options[] = {
    {"parents", no_argument, NULL, 'p'},
    {"mode", required_argument, NULL, 'm'},
    {"verbose", no_argument, NULL, 'v'},
    {NULL, 0, NULL, 0},
};

/* mkdir path with permissions, said with -v: 0, or -1 (errno set). */
static int make(const char *path, mode_t permissions)
{
    if (mkdir(path, permissions) < 0)
        return -1;
    if (verbose)
        printf("mkdir: created directory '%s'\n", path);
    return 0;
}

static int fail(const char *path)
{
    fprintf(stderr, "mkdir: cannot create directory '%s': %s\n", path, strerror(errno));
    return 1;
}

/* mkdir -p: make each missing prefix of path that ends before a '/' (u+wx). 0, or 1 after
   reporting the one that failed. */
static int make_parents(char *path)
{
    struct stat st;
    char *p = path;
    int error;
    mode_t mask = current_umask();

    for (;;) {
        while (*p == '/')
            p++;
        if ((p = strchr(p, '/')) == NULL)
            return 0;
        *p = '\0';              /* path is now the prefix */
        /* It may exist already (EEXIST; a mount point like /host may say EBUSY): fine if it
         * is a directory */
        error = make(path, (0777 & ~mask) | 0300) < 0 ? errno : 0;
        if (error != 0 && (stat(path, &st) < 0 || !S_ISDIR(st.st_mode))) {
            errno = error == EEXIST ? ENOTDIR : error;
            fail(path);
        } else {
            error = 0;
        }
        *p = '/';
        if (error != 0)
            return 1;
    }
}

/* Make the DIR of the command line. 0, or 1 after an error. */
static int make_directory(char *path)
{
    struct stat st;

    if (parents && make_parents(path))
        return 1;
    if (make(path, mode) < 0) {
        if (!parents || errno != EEXIST || stat(path, &st) < 0 || !S_ISDIR(st.st_mode))
            return fail(path);
        return 0;
    }
    if (mode_given && chmod(path, mode) < 0)
        return fail(path);
    return 0;
}

/* -m MODE: octal or symbolic, made of a=rwx, as POSIX says. */
static void set_mode(const char *spec)
{
    long value = apply_mode(spec, 0777, 1, current_umask());

    if (value < 0) {
        fprintf(stderr, "mkdir: invalid mode '%s'\n", spec);
        exit(1);
    }
    mode = (mode_t)value;
    mode_given = 1;
}

int main(int argc, char **argv)
{
    int c, i, status = 0;

    while ((c = getopt_long(argc, argv, "pm:v", long_options, NULL)) != -1) {
        switch (c) {
        case 'p': parents = 1; break;
        case 'm': set_mode(optarg); break;
        case 'v': verbose = 1; break;
        default:
            fprintf(stderr, "Try 'mkdir --help' for more information.\n");
            return 1;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "mkdir: missing operand\nTry 'mkdir --help' for more information.\n");
        return 1;
    }
    for (i = optind; i < argc; i++)
        status |= make_directory(argv[i]);
    return status;
}
