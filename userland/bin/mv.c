/*
 * mv - move (rename) files.
 *
 *     mv SOURCE DEST
 *     mv SOURCE... DIRECTORY
 *
 * Renames SOURCE to DEST (replacing DEST if it is a file), or moves each SOURCE into
 * DIRECTORY under its own name. Works for files and directories, with the rename system
 * call: both names must be on the same file system (no copying across, unlike GNU mv).
 * Exit status: 0, or 1 if something could not be moved.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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
        if (rename(argv[i], to) < 0) {
            fprintf(stderr, "mv: cannot move '%s' to '%s': %s\n", argv[i], to, strerror(errno));
            status = 1;
        }
        if (target_is_dir)
            free(to);
    }
    return status;
}
