// expected: host
// basename and dirname (libgen.h) on the corner cases POSIX names: "/", "//", "///", "",
// NULL, trailing and repeated slashes, "." and "..", names with no slash.
#include <libgen.h>
#include <stdio.h>
#include <string.h>

static const char *const paths[] = {
    "/usr/lib", "/usr/lib/", "/usr//lib//", "usr", "usr/", "/", "//", "///", "", ".", "..",
    "../x", "a/b/c", "//a", "//a//", "///a", "/a", "a//b", "///a///b///", "a/", " /b ",
};

int main(void) {
    for (size_t i = 0; i < sizeof paths / sizeof paths[0]; i++) {
        char b[32], d[32];
        strcpy(b, paths[i]);
        strcpy(d, paths[i]);
        printf("'%s': basename '%s' dirname '%s'\n", paths[i], basename(b), dirname(d));
    }
    printf("NULL: basename '%s' dirname '%s'\n", basename(NULL), dirname(NULL));

    char path[] = "/home/user/file.txt";      /* each result points into the argument */
    char *base = basename(path);
    printf("base at offset %d\n", (int)(base - path));
    char *dir = dirname(path);
    printf("dir '%s' is the argument: %d\n", dir, dir == path);
    char twice[] = "a/b/c/";
    printf("dirname of dirname: '%s'\n", dirname(dirname(twice)));
    return 0;
}
