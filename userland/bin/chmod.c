/*
 * chmod - change the permission bits of files.
 *
 *     chmod [-Rcfv] MODE FILE...
 *
 *     chmod 755 FILE...          octal: the bits themselves
 *     chmod u+x,go-w FILE...     symbolic: who (u g o a; none means all but the umask's bits),
 *                                + - or =, and r w x X s t (modes.h has the whole grammar)
 *
 *   -R  recursively: each directory's files and directories too (a symbolic link met on the
 *       way is neither changed nor followed)
 *   -v  say what was done to each file: "mode of 'f' changed from 0644 (rw-r--r--) to 0755
 *       (rwxr-xr-x)", or "retained as"
 *   -c  the same, only for the files whose mode changed
 *   -f  no message about files that cannot be changed
 *
 * A mode that starts with '-' ("chmod -w f") is a mode, not an option, as in GNU's chmod.
 * `chmod +x script.sh` is what lets `./script.sh` run (its first line, #!/bin/sh, names the
 * program the kernel starts to read it).
 * Exit status: 0, or 1 if a file could not be changed.
 */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "modes.h"

static int recursive, quiet;
static enum { SILENT, CHANGES, VERBOSE } report;
static const char *mode_spec;
static mode_t mask;                     /* the umask, for clauses with no who */

static _Noreturn void usage(void)
{
    fprintf(stderr, "Try 'chmod --help' for more information.\n");
    exit(1);
}

/* "0755 (rwxr-xr-x)": a mode as -v shows it, s and t over x (S and T where x is not set). */
static const char *describe(mode_t mode)
{
    static char text[32];
    char letters[10];
    int i;

    for (i = 0; i < 9; i++)
        letters[i] = mode & (0400 >> i) ? "rwxrwxrwx"[i] : '-';
    letters[9] = '\0';
    if (mode & S_ISUID)
        letters[2] = mode & S_IXUSR ? 's' : 'S';
    if (mode & S_ISGID)
        letters[5] = mode & S_IXGRP ? 's' : 'S';
    if (mode & S_ISVTX)
        letters[8] = mode & S_IXOTH ? 't' : 'T';
    snprintf(text, sizeof text, "%04o (%s)", (unsigned)mode, letters);
    return text;
}

/* Change one file whose status is st. 0, or 1 after an error. */
static int change(const char *path, const struct stat *st)
{
    mode_t old = st->st_mode & 07777;
    long mode = apply_mode(mode_spec, old, S_ISDIR(st->st_mode), mask);

    if (chmod(path, (mode_t)mode) < 0) {
        if (!quiet)
            fprintf(stderr, "chmod: changing permissions of '%s': %s\n", path, strerror(errno));
        return 1;
    }
    if (report == VERBOSE || (report == CHANGES && (mode_t)mode != old)) {
        if ((mode_t)mode == old)
            printf("mode of '%s' retained as %s\n", path, describe(old));
        else {
            printf("mode of '%s' changed from %s", path, describe(old));
            printf(" to %s\n", describe((mode_t)mode));
        }
    }
    return 0;
}

static int change_tree(const char *path, int operand);

/* -R: what is in directory path, after path itself. */
static int change_entries(const char *path)
{
    DIR *dir = opendir(path);
    struct dirent *e;
    int status = 0;

    if (dir == NULL) {
        if (!quiet)
            fprintf(stderr, "chmod: cannot read directory '%s': %s\n", path, strerror(errno));
        return 1;
    }
    while ((e = readdir(dir)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        size_t n = strlen(path) + strlen(e->d_name) + 2;
        char *child = malloc(n);
        snprintf(child, n, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", e->d_name);
        status |= change_tree(child, 0);
        free(child);
    }
    closedir(dir);
    return status;
}

/* A file named on the command line (operand: its links are followed) or met by -R (not). */
static int change_tree(const char *path, int operand)
{
    struct stat st;
    int status;

    if ((operand ? stat(path, &st) : lstat(path, &st)) < 0) {
        if (!quiet)
            fprintf(stderr, "chmod: cannot access '%s': %s\n", path, strerror(errno));
        return 1;
    }
    if (S_ISLNK(st.st_mode))
        return 0;
    status = change(path, &st);
    if (recursive && S_ISDIR(st.st_mode))
        status |= change_entries(path);
    return status;
}

int main(int argc, char **argv)
{
    static const struct option long_options[] = {
        {"recursive", no_argument, NULL, 'R'}, {"changes", no_argument, NULL, 'c'},
        {"silent", no_argument, NULL, 'f'}, {"quiet", no_argument, NULL, 'f'},
        {"verbose", no_argument, NULL, 'v'}, {NULL, 0, NULL, 0},
    };
    /* the letters a mode can start "-w" or "-rwx" with: each takes the rest of its argument,
       which is then the mode, as GNU's chmod reads them */
    const char *optstring = "Rcfvr::w::x::X::s::t::u::g::o::a::,::+::=::0::1::2::3::4::5::6::7::";
    int c, i, status = 0;

    while ((c = getopt_long(argc, argv, optstring, long_options, NULL)) != -1) {
        switch (c) {
        case 'R': recursive = 1; break;
        case 'c': report = CHANGES; break;
        case 'f': quiet = 1; break;
        case 'v': report = VERBOSE; break;
        case '?': usage();
        default:  mode_spec = argv[optind - 1]; break;         /* "-w": a mode, all of it */
        }
    }
    if (mode_spec == NULL && optind < argc)
        mode_spec = argv[optind++];
    if (mode_spec == NULL) {
        fprintf(stderr, "chmod: missing operand\n");
        usage();
    }
    if (optind == argc) {
        fprintf(stderr, "chmod: missing operand after '%s'\n", mode_spec);
        usage();
    }
    mask = current_umask();
    if (apply_mode(mode_spec, 0, 0, mask) < 0) {
        fprintf(stderr, "chmod: invalid mode: '%s'\n", mode_spec);
        usage();
    }
    for (i = optind; i < argc; i++)
        status |= change_tree(argv[i], 1);
    return status;
}
