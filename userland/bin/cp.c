/*
 * cp - copy files.
 *
 *     cp SOURCE DEST
 *     cp SOURCE... DIRECTORY
 *
 * Copies the file SOURCE to DEST (created, or overwritten), or each SOURCE into DIRECTORY
 * under its own name. A new file gets SOURCE's permissions. Directories are not copied (there
 * is no -r).
 * Exit status: 0, or 1 if something could not be copied.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* Copy the file from to the file to. Returns 0, or 1 after reporting an error. */
static int copy_file(const char *from, const char *to)
{
    struct stat st, dst;
    char buf[4096];
    ssize_t n, w, done;
    int in, out;

    if ((in = open(from, O_RDONLY)) < 0 || fstat(in, &st) < 0) {
        fprintf(stderr, "cp: cannot stat '%s': %s\n", from, strerror(errno));
        if (in >= 0)
            close(in);
        return 1;
    }
    if (S_ISDIR(st.st_mode)) {
        fprintf(stderr, "cp: -r not specified; omitting directory '%s'\n", from);
        close(in);
        return 1;
    }
    if (stat(to, &dst) == 0 && dst.st_dev == st.st_dev && dst.st_ino == st.st_ino) {
        fprintf(stderr, "cp: '%s' and '%s' are the same file\n", from, to);
        close(in);
        return 1;
    }
    if ((out = open(to, O_WRONLY | O_CREAT | O_TRUNC, st.st_mode & 0777)) < 0) {
        fprintf(stderr, "cp: cannot create regular file '%s': %s\n", to, strerror(errno));
        close(in);
        return 1;
    }
    while ((n = read(in, buf, sizeof buf)) > 0) {
        for (done = 0; done < n; done += w) {
            if ((w = write(out, buf + done, (size_t)(n - done))) < 0) {
                fprintf(stderr, "cp: error writing '%s': %s\n", to, strerror(errno));
                close(in);
                close(out);
                return 1;
            }
        }
    }
    if (n < 0)
        fprintf(stderr, "cp: error reading '%s': %s\n", from, strerror(errno));
    close(in);
    if (close(out) < 0) {
        fprintf(stderr, "cp: error writing '%s': %s\n", to, strerror(errno));
        return 1;
    }
    return n < 0;
}

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
        fprintf(stderr, "cp: out of memory\n");
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
        fprintf(stderr, "cp: invalid option -- '%c'\n", argv[1][1]);
        argc = 0;
    }
    if (argc < 3) {
        if (argc == 2)
            fprintf(stderr, "cp: missing destination file operand after '%s'\n", argv[1]);
        else if (argc == 1)
            fprintf(stderr, "cp: missing file operand\n");
        fprintf(stderr, "usage: cp SOURCE DEST\n       cp SOURCE... DIRECTORY\n");
        return 1;
    }
    target = argv[argc - 1];
    target_is_dir = stat(target, &st) == 0 && S_ISDIR(st.st_mode);
    if (argc > 3 && !target_is_dir) {
        fprintf(stderr, "cp: target '%s' is not a directory\n", target);
        return 1;
    }
    for (i = 1; i < argc - 1; i++) {
        if (target_is_dir) {
            char *to = path_in(target, argv[i]);
            status |= copy_file(argv[i], to);
            free(to);
        } else {
            status |= copy_file(argv[i], target);
        }
    }
    return status;
}
