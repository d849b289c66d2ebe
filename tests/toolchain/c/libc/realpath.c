// expected: host
// realpath: the absolute, canonical name of an existing file, "." and ".." and repeated slashes
// gone, relative names taken from the current directory; NULL with ENOENT or ENOTDIR otherwise.
#define _XOPEN_SOURCE 700
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *path) {
    char buf[PATH_MAX];
    errno = 0;
    char *r = realpath(path, buf);
    printf("%-28s -> %s", path, r ? r : "NULL");
    if (!r)
        printf(" (%s)", errno == ENOENT ? "ENOENT" : errno == ENOTDIR ? "ENOTDIR" : "other");
    printf("\n");
}

int main(void) {
    mkdir("/tmp/rp_dir", 0755);
    mkdir("/tmp/rp_dir/sub", 0755);
    FILE *f = fopen("/tmp/rp_dir/sub/file.txt", "w");
    if (f)
        fclose(f);
    show("/");
    show("//tmp///rp_dir//");
    show("/tmp/rp_dir/./sub/../sub/file.txt");
    show("/tmp/rp_dir/sub/../../../../tmp");
    show("/tmp/rp_dir/missing");
    show("/tmp/rp_dir/missing/..");
    show("/tmp/rp_dir/sub/file.txt/");
    show("/tmp/rp_dir/sub/file.txt/x");
    chdir("/tmp/rp_dir/sub");
    show("file.txt");
    show("./../sub/.");
    show("..");
    char *copy = realpath("../sub/file.txt", NULL);          /* a malloc'd result */
    printf("malloc'd: %s\n", copy ? copy : "NULL");
    free(copy);
    unlink("/tmp/rp_dir/sub/file.txt");
    rmdir("/tmp/rp_dir/sub");
    rmdir("/tmp/rp_dir");
    return 0;
}
