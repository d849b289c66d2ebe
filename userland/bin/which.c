/*
 * which - find the programs a command name runs.
 *
 *     which [-a] NAME...
 *
 * For each NAME prints the path of the file the shell would run: the first directory of PATH
 * (default "/bin") that holds an executable regular file NAME. -a prints every match, not
 * only the first. A NAME with a '/' in it is checked as it is.
 * Exit status: 0 if every NAME was found, 1 otherwise.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_executable(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* Print where name is found; returns how many were printed. */
static int search(const char *name, const char *path_var, int all)
{
    const char *dir = path_var, *end;
    char path[4096];
    int found = 0;

    if (strchr(name, '/') != NULL) {
        if (!is_executable(name))
            return 0;
        puts(name);
        return 1;
    }
    for (;;) {
        size_t len;
        end = strchr(dir, ':');
        len = end != NULL ? (size_t)(end - dir) : strlen(dir);
        /* an empty entry in PATH means the current directory */
        snprintf(path, sizeof path, "%.*s%s%s", (int)len, len ? dir : ".", "/", name);
        if (is_executable(path)) {
            puts(path);
            found++;
            if (!all)
                return found;
        }
        if (end == NULL)
            return found;
        dir = end + 1;
    }
}

int main(int argc, char **argv)
{
    const char *path_var = getenv("PATH");
    int c, i, all = 0, status = 0;

    while ((c = getopt(argc, argv, "a")) != -1) {
        if (c != 'a') {
            fprintf(stderr, "usage: which [-a] NAME...\n");
            return 2;
        }
        all = 1;
    }
    if (optind == argc) {
        fprintf(stderr, "usage: which [-a] NAME...\n");
        return 1;
    }
    if (path_var == NULL)
        path_var = "/bin";
    for (i = optind; i < argc; i++)
        if (search(argv[i], path_var, all) == 0)
            status = 1;
    return status;
}
