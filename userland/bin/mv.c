/*
 * mv - move (rename) files.
 *
 *     mv SOURCE DEST
 *     mv SOURCE... DIRECTORY
 *
 * Renames SOURCE to DEST (replacing DEST if it is a file), or moves each SOURCE into
 * DIRECTORY under its own name. Works for files and directories, with the rename system
 * call. Across file systems (/tmp and /host, say) rename fails with EXDEV; mv then does what
 * GNU mv does, in the plainest way: it runs `cp -r SOURCE DEST` and, if that worked,
 * `rm -r SOURCE` (/bin/cp and /bin/rm: the copying is written once, in cp).
 * Exit status: 0, or 1 if something could not be moved.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* DIR/the last component of path (malloc'd). */
static char *path_in(const char *dir, const char *path)
{
    const char *end = path + strlen(path), *base;
    char *result;

    while (end > path + 1 && end[-1] == '/')
        end--;
    for (base = end; base > path && base[-1] != '/'; base--)
        ;
    if (asprintf(&result, "%s/%.*s", dir, (int)(end - base), base) < 0) {
        fprintf(stderr, "mv: out of memory\n");
        exit(1);
    }
    return result;
}

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

/* Move from to to: rename, or copy and remove across file systems. 0, or 1 after an error. */
static int move(const char *from, const char *to)
{
    if (rename(from, to) == 0)
        return 0;
    if (errno == EXDEV)
        return run("cp", from, to) || run("rm", from, NULL);
    fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", from, to, strerror(errno));
    return 1;
}

int main(int argc, char **argv)
{
    struct stat st;
    const char *target;
    int i, status = 0, target_is_dir;

    if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
        fprintf(stderr, "mv: invalid option -- '%c'\n", argv[1][1]);
        argc = 0;
    }
    if (argc < 3) {
        if (argc == 2)
            fprintf(stderr, "mv: missing destination file operand after '%s'\n", argv[1]);
        else if (argc == 1)
            fprintf(stderr, "mv: missing file operand\n");
        fprintf(stderr, "usage: mv SOURCE DEST\n       mv SOURCE... DIRECTORY\n");
        return 1;
    }
    target = argv[argc - 1];
    target_is_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 3 && !target_is_dir) {
        fprintf(stderr, "mv: target '%s' is not a directory\n", target);
        return 1;
    }
    for (i = 1; i < argc - 1; i++) {
        char *to = target_is_dir ? path_in(target, argv[i]) : (char *)target;
        status |= move(argv[i], to);
        if (target_is_dir)
            free(to);
    }
    return status;
}
