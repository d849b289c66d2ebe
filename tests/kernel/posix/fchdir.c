/* fchdir: the working directory becomes the one a descriptor was opened on; a descriptor of a file
   is ENOTDIR, a closed one EBADF. argv[1]: where. fchdir.out is Linux's output. */
#define _POSIX_C_SOURCE 200809L
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char here[512], there[512];
    int dir, file, r;

    if (argc < 2 || chdir(argv[1]) != 0 || getcwd(here, sizeof here) == NULL)
        return 2;
    mkdir("fchdir-sub", 0755);
    dir = open("fchdir-sub", O_RDONLY | O_DIRECTORY);
    file = open("fchdir-file", O_CREAT | O_WRONLY, 0644);
    r = fchdir(dir);
    getcwd(there, sizeof there);
    printf("fchdir to the directory: %d, now in %s\n", r,
           strncmp(there, here, strlen(here)) == 0 ? there + strlen(here) : "(elsewhere)");
    r = fchdir(file);
    printf("fchdir to a file: %d %s\n", r, strerror(errno));
    close(dir);
    r = fchdir(dir);
    printf("fchdir to a closed descriptor: %d %s\n", r, strerror(errno));
    chdir(here);
    close(file);
    unlink("fchdir-file");
    rmdir("fchdir-sub");
    return 0;
}
