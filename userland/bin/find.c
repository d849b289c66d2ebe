/*
 * find - xv6's find: every file under a directory tree that has a given name.
 *
 *     find DIR NAME
 *
 * Prints the path (DIR/.../NAME) of every file or directory named NAME in the tree under DIR,
 * in the order the directories list them; it does not follow symbolic links, nor go into
 * "." and "..". Exit status: 0, or 1 on bad arguments or a directory that cannot be read.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

// BEGIN SOLUTION util
static int status;

/* Look for name in the tree under path (a directory): print each match, go into each directory. */
static void walk(const char *path, const char *name)
{
    DIR *dir = opendir(path);
    struct dirent *entry;
    struct stat st;
    char *child;

    if (dir == NULL) {
        fprintf(stderr, "find: %s: %s\n", path, strerror(errno));
        status = 1;
        return;
    }
    while ((entry = readdir(dir)) != NULL) {
        if (strcmp(entry->d_name, ".") == 0 || strcmp(entry->d_name, "..") == 0)
            continue;
        child = malloc(strlen(path) + strlen(entry->d_name) + 2);
        sprintf(child, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", entry->d_name);
        if (strcmp(entry->d_name, name) == 0)
            printf("%s\n", child);
        if (lstat(child, &st) == 0 && S_ISDIR(st.st_mode))
            walk(child, name);
        free(child);
    }
    closedir(dir);
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: find DIR NAME\n");
        return 1;
    }
    walk(argv[1], argv[2]);
    return status;
}
// STUB
// int main(int argc, char **argv)
// {
//     /* Lab util: your find goes here (labs/util/README.md says what it does). */
//     fprintf(stderr, "find: not written yet\n");
//     return 1;
// }
// END SOLUTION
