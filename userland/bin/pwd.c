/*
 * pwd - print the current working directory.
 *
 *     pwd [-L | -P]
 *
 * Prints the absolute path of the current directory, as the kernel knows it (getcwd). -L and
 * -P are accepted; ufos has no symbolic links to tell them apart.
 * Exit status: 0, or 1 on an error.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char buf[4096];
    int c;

    while ((c = getopt(argc, argv, "LP")) != -1) {
        if (c == '?') {
            fprintf(stderr, "usage: pwd [-L | -P]\n");
            return 1;
        }
    }
    if (getcwd(buf, sizeof buf) == NULL) {
        fprintf(stderr, "pwd: %s\n", strerror(errno));
        return 1;
    }
    puts(buf);
    return 0;
}
