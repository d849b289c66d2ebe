/*
 * run.h - what timeout.c, nohup.c and nice.c share: their last step, running COMMAND ARG..., with
 * GNU's statuses for a command that cannot be run. Each includes it after defining PROGRAM, the
 * name its messages start with.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

enum { EXIT_CANCELED = 125, EXIT_CANNOT_INVOKE = 126, EXIT_ENOENT = 127 };

/* execvp(argv), or exit 127 if the command was not found, 126 if it could not be run; the message
 * is "PROGRAM: WHY'COMMAND': ERROR" (GNU's nice says no WHY, timeout and nohup "failed to run
 * command ") */
static void exec_command(char **argv, const char *why)
{
    execvp(argv[0], argv);
    int status = errno == ENOENT ? EXIT_ENOENT : EXIT_CANNOT_INVOKE;

    fprintf(stderr, "%s: %s'%s': %s\n", PROGRAM, why, argv[0], strerror(errno));
    _exit(status);      /* not exit: timeout's child must not flush what its parent buffered */
}
