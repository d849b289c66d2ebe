/*
 * egrep - grep -E: the old name for grep with extended regular expressions, which many scripts
 * still call (shunit2 finds its test functions with it).
 *
 *     egrep [grep's options] PATTERN [FILE...]
 *
 * It runs /bin/grep -E with the same arguments, so it has grep's options and exit status.
 */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    char **args = malloc(sizeof *args * (size_t)(argc + 2));
    int i;

    if (args == NULL)
        return 2;
    args[0] = "grep";
    args[1] = "-E";
    for (i = 1; i <= argc; i++)         /* argv[argc], the NULL, too */
        args[i + 1] = argv[i];
    execv("/bin/grep", args);
    perror("egrep: /bin/grep");
    return 2;
}
