/*
 * nohup - runs a command that goes on when the terminal hangs up: GNU's nohup.
 *
 *     nohup COMMAND [ARG...]
 *
 * The command runs with SIGHUP ignored. If standard input is a terminal, it reads from /dev/null
 * instead; if standard output is a terminal, its output is appended to nohup.out (made 0600),
 * or to $HOME/nohup.out if that cannot be opened; if standard error is a terminal, it goes where
 * standard output goes. nohup says on standard error what it did ("nohup: ignoring input and
 * appending output to 'nohup.out'").
 * Exit status: the command's; 125 if nohup itself failed, 126 if COMMAND could not be run, 127 if
 * it was not found.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>

#define PROGRAM "nohup"
#include "run.h"

/* opens nohup.out, or $HOME/nohup.out, for appending; its name in *name; -1 if neither opens */
static int open_nohup_out(const char **name)
{
    static char path[4096];
    const char *home = getenv("HOME");
    int fd;

    *name = "nohup.out";
    if ((fd = open(*name, O_WRONLY | O_CREAT | O_APPEND, 0600)) >= 0 || home == NULL)
        return fd;
    snprintf(path, sizeof path, "%s/nohup.out", home);
    *name = path;
    return open(path, O_WRONLY | O_CREAT | O_APPEND, 0600);
}

int main(int argc, char **argv)
{
    int ignoring_input = isatty(0), redirecting_output = isatty(1), redirecting_error = isatty(2);
    const char *out_name = NULL;

    if (argc > 1 && strcmp(argv[1], "--") == 0)     /* the only option GNU's takes, but --help */
        argv++, argc--;
    if (argc < 2) {
        fprintf(stderr, "nohup: missing operand\nTry 'nohup --help' for more information.\n");
        return EXIT_CANCELED;
    }
    if (ignoring_input) {
        int fd = open("/dev/null", O_RDONLY);

        if (fd >= 0 && fd != 0) {
            dup2(fd, 0);
            close(fd);
        }
    }
    if (redirecting_output) {
        int fd = open_nohup_out(&out_name);

        if (fd < 0) {
            fprintf(stderr, "nohup: failed to open 'nohup.out': %s\n", strerror(errno));
            return EXIT_CANCELED;
        }
        dup2(fd, 1);
        close(fd);
    }
    if (ignoring_input && out_name != NULL)
        fprintf(stderr, "nohup: ignoring input and appending output to '%s'\n", out_name);
    else if (out_name != NULL)
        fprintf(stderr, "nohup: appending output to '%s'\n", out_name);
    else if (ignoring_input)
        fprintf(stderr, "nohup: ignoring input%s\n", redirecting_error ? " and redirecting stderr to stdout" : "");
    else if (redirecting_error)
        fprintf(stderr, "nohup: redirecting stderr to stdout\n");
    if (redirecting_error)
        dup2(1, 2);
    signal(SIGHUP, SIG_IGN);
    exec_command(argv + 1, "failed to run command ");
}
