/*
 * main.c - the shell's start: options, then where the commands come from.
 *
 *   sh -c 'commands' [arg0 [arg...]]     run the string; arg0 becomes $0, the rest $1...
 *   sh script [arg...]                   run the file
 *   sh [-s] [arg...]                     read commands from standard input: interactive (with a
 *                                        prompt, and Ctrl-C for the foreground job only) when it
 *                                        is a terminal
 *
 * A login shell (argv[0] starts with '-', as init starts it) powers the machine off when the
 * user ends its input (Ctrl-D at the prompt).
 *
 * The options of set (-e -u -x -f -n -v -C -a, -o name: options.c) and -i (interactive) may come
 * before.
 * $PPID is the pid of the shell's parent, set once at the start (POSIX).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"

struct shell sh;

/* A mistake in sh's own arguments, in dash's words ("sh: 0: Illegal option -z"): status 2. */
static _Noreturn void bad_invocation(const char *fmt, const char *what)
{
    out_str(2, "sh: 0: ");
    out_fmt(2, fmt, what);
    out_str(2, "\n");
    sh_exit(2);
}

/* Options: returns the index of the first argument that is not one. -s (*from_stdin) makes the
 * arguments after them $1..., with the commands on standard input even if there are some. A lone
 * "-" after the options ends them and is skipped, as POSIX says ("sh - script", "#!/bin/sh -",
 * the old way to keep a script's name from being read as options). */
static int parse_options(int argc, char **argv, int *command, int *force_interactive,
                         int *from_stdin)
{
    int i, j;

    for (i = 1; i < argc && (argv[i][0] == '-' || argv[i][0] == '+') && argv[i][1] != '\0'; i++) {
        int on = argv[i][0] == '-', names = 0;

        if (strcmp(argv[i], "--") == 0)
            return i + 1;
        for (j = 1; argv[i][j]; j++) {
            switch (argv[i][j]) {
            case 'c': *command = 1; break;
            case 'i': *force_interactive = 1; break;
            case 's': *from_stdin = 1; break;
            case 'o':           /* -o name, as set takes it: the name is the next argument */
                names++;
                if (i + names >= argc || option_set_name(argv[i + names], on) < 0)
                    bad_invocation("Illegal option -o %s", i + names < argc ? argv[i + names] : "");
                break;
            default:
                if (option_set_letter(argv[i][j], on) < 0) {
                    char letter[2] = { argv[i][j], '\0' };

                    bad_invocation("Illegal option -%s", letter);
                }
            }
        }
        i += names;
    }
    return i < argc && strcmp(argv[i], "-") == 0 ? i + 1 : i;
}

static void set_ppid(void)
{
    char buf[16];

    snprintf(buf, sizeof buf, "%d", (int)getppid());
    var_set("PPID", buf, 0);
}

int main(int argc, char **argv)
{
    struct input in;
    int command = 0, force_interactive = 0, from_stdin = 0, i;
    char stack_top;

    stack_init(&stack_top);
    sh.arg0 = argc > 0 ? argv[0] : "sh";
    sh.source_name = "sh";
    sh.pid = getpid();
    sh.line = 1;
    vars_init(environ);
    set_ppid();
    set_pwd(NULL);                  /* the inherited $PWD if it still names where we are */
    i = parse_options(argc, argv, &command, &force_interactive, &from_stdin);
    if (command) {
        if (i >= argc)
            bad_invocation("-c requires an argument", NULL);
        /* Not exit_after: dash runs even the last command of -c in a child, so that when a
         * signal kills it, this shell says so ("Hangup") and exits 128 + its number. */
        input_from_string(&in, argv[i++]);
        if (i < argc)
            sh.arg0 = argv[i++];
    } else if (i < argc && !from_stdin) {
        int fd = open(argv[i], O_RDONLY);

        if (fd < 0) {
            out_fmt(2, "sh: 0: cannot open %s: %s\n", argv[i], open_error(errno, 0));
            sh_exit(2);                 /* dash's status (POSIX would say 127 or 126) */
        }
        fcntl(fd, F_SETFD, FD_CLOEXEC);         /* the commands it runs need not see it */
        input_from_fd(&in, fd);
        in.bytewise = 0;
        sh.arg0 = argv[i++];
        sh.source_name = sh.arg0;
    } else {
        input_from_fd(&in, 0);
        option_set_letter('s', 1);
        sh.interactive = force_interactive || isatty(0);
    }
    params_set(argc - i, argv + i);
    jobs_init();
    run_input(&in, 1);
    if (sh.interactive)
        out_str(2, "\n");
    if (sh.interactive && in.eof && argc > 0 && argv[0][0] == '-')
        reboot(RB_POWER_OFF);
    sh_exit(sh.status);
}
