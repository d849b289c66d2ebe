// expected: host
// popen runs a command through the shell with a pipe to its standard output ("r") or input
// ("w"); pclose closes the stream and gives the command's exit status, as system() does.
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>

int main(void) {
    char line[64];
    FILE *in = popen("echo one; echo two", "r");
    while (in && fgets(line, sizeof line, in))
        printf("read: %s", line);
    int status = in ? pclose(in) : -1;
    printf("status: exited %d, code %d\n", WIFEXITED(status), WEXITSTATUS(status));

    FILE *out = popen("read a b; echo \"got $b $a\"; exit 3", "w");
    fflush(stdout);                     /* our output first, then the command's */
    if (out) {
        fprintf(out, "left right\n");
        status = pclose(out);
        printf("status: exited %d, code %d\n", WIFEXITED(status), WEXITSTATUS(status));
    }

    FILE *missing = popen("exit 42", "r");
    status = missing ? pclose(missing) : -1;
    printf("exit 42: code %d\n", WEXITSTATUS(status));
    printf("bad mode: %s\n", popen("true", "x") == NULL ? "NULL" : "a stream");
    return 0;
}
