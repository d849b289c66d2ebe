/*
 * mv - move (rename) files.
 *
 *     mv [-finuvT] SOURCE DEST
 *     mv [-finuv] SOURCE... DIRECTORY
 *     mv [-finuv] -t DIRECTORY SOURCE...
 *
 * Renames SOURCE to DEST (replacing DEST if it is a file), or moves each SOURCE into
 * DIRECTORY under its own name. Works for files and directories, with the rename system
 * call. Across file systems (/tmp and /host, say) rename fails with EXDEV; mv then does what
 * GNU mv does, in the plainest way: it runs `cp -r SOURCE DEST` and, if that worked,
 * `rm -r SOURCE` (/bin/cp and /bin/rm: the copying is written once, in cp).
 *   -f  --force                 replace an existing DEST without asking
 *   -i  --interactive           ask first ("mv: overwrite 'DEST'? " on stderr; a line from stdin
 *                               that starts with y or Y is a yes)
 *   -n  --no-clobber            never replace an existing DEST
 *                               (of -f, -i and -n the last one counts, as in GNU mv)
 *   -u  --update                replace an existing DEST only if SOURCE is newer
 *   -v  --verbose               print each move: renamed 'SOURCE' -> 'DEST'
 *   -t  --target-directory=DIR  move every SOURCE into DIR
 *   -T  --no-target-directory   DEST is always the new name, never a DIRECTORY
 *   --  ends the options (a SOURCE may then start with '-')
 * Errors in GNU mv's words. Exit status: 0, or 1 if something could not be moved.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define PROGRAM "mv"
#include "fileutil.h"

static int verbose;

static const struct option long_options[] = {
    {"force", no_argument, NULL, 'f'},
    {"interactive", no_argument, NULL, 'i'},
    {"no-clobber", no_argument, NULL, 'n'},
    {"update", no_argument, NULL, 'u'},
    {"verbose", no_argument, NULL, 'v'},
    {"target-directory", required_argument, NULL, 't'},
    {"no-target-directory", no_argument, NULL, 'T'},
    {NULL, 0, NULL, 0},
};

/* Run /bin/PROGRAM -r from [to]; 0 if it exited with 0. */
static int run(const char *program, const char *from, const char *to)
{
    char path[32];
    char *argv[] = {(char *)program, "-r", "--", (char *)from, (char *)to, NULL};
    int status;
    pid_t pid;

    snprintf(path, sizeof path, "/bin/%s", program);
    if ((pid = fork()) < 0) {
        fprintf(stderr, "mv: fork: %s\n", strerror(errno));
        return 1;
    }
    if (pid == 0) {
        execv(path, argv);
        fprintf(stderr, "mv: %s: %s\n", path, strerror(errno));
        _exit(1);
    }
    return waitpid(pid, &status, 0) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0;
}

/* GNU's refusals that rename would give in its own words: 0, or 1 after saying why. */
static int wrong_kinds(const struct stat *st, const struct stat *dst, const char *from, const char *to)
{
    if (st->st_dev == dst->st_dev && st->st_ino == dst->st_ino) {
        fprintf(stderr, "mv: '%s' and '%s' are the same file\n", from, to);
        return 1;
    }
    if (S_ISDIR(dst->st_mode) && !S_ISDIR(st->st_mode)) {
        fprintf(stderr, "mv: cannot overwrite directory '%s' with non-directory\n", to);
        return 1;
    }
    if (!S_ISDIR(dst->st_mode) && S_ISDIR(st->st_mode)) {
        fprintf(stderr, "mv: cannot overwrite non-directory '%s' with directory '%s'\n", to, from);
        return 1;
    }
    return 0;
}

/* Move from to to: rename, or copy and remove across file systems. 0, or 1 after an error. */
static int move(const char *from, const char *to)
{
    struct stat st, dst;

    if (lstat(from, &st) < 0) {
        fprintf(stderr, "mv: cannot stat '%s': %s\n", from, strerror(errno));
        return 1;
    }
    if (lstat(to, &dst) == 0) {
        if (wrong_kinds(&st, &dst, from, to))
            return 1;
        if (keep_target(&st, &dst, to))
            return 0;
    }
    if (rename(from, to) < 0) {
        if (errno == EINVAL) {          /* a directory into itself */
            fprintf(stderr, "mv: cannot move '%s' to a subdirectory of itself, '%s'\n", from, to);
            return 1;
        }
        if (errno != EXDEV) {
            fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", from, to, strerror(errno));
            return 1;
        }
        if (run("cp", from, to) || run("rm", from, NULL))
            return 1;
    }
    if (verbose)
        printf("renamed '%s' -> '%s'\n", from, to);
    return 0;
}

int main(int argc, char **argv)
{
    const char *target_dir = NULL;
    int c, no_target_dir = 0;

    while ((c = getopt_long(argc, argv, "finuvt:T", long_options, NULL)) != -1) {
        switch (c) {
        case 'f': replace = REPLACE; break;
        case 'i': replace = ASK; break;
        case 'n': replace = NO_CLOBBER; break;
        case 'u': update = 1; break;
        case 'v': verbose = 1; break;
        case 't': target_dir = optarg; break;
        case 'T': no_target_dir = 1; break;
        default: return usage();
        }
    }
    return each_source(argc - optind, argv + optind, target_dir, no_target_dir, move);
}
