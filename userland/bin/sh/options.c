/*
 * options.c - the shell's options: `set -e`, `set -o errexit`, `sh -x`, and $- which lists them.
 *
 * The table below is dash's list, in dash's order (`set -o` prints it so). An option with a
 * field in struct shell does something; the others (vi, emacs, ...) are accepted and remembered
 * but change nothing: ufos's sh has no line editor.
 *
 *   -e errexit    exit when a command fails (outside conditions)
 *   -f noglob     no pathname expansion
 *   -n noexec     read commands but do not run them (a syntax check)
 *   -u nounset    expanding an unset variable is an error
 *   -v verbose    print input lines as they are read
 *   -x xtrace     print each command before running it
 *   -C noclobber  > does not overwrite an existing file (>| does)
 *   -a allexport  every variable assigned is exported
 */
#include <string.h>
#include "sh.h"

struct option {
    const char *name;
    char letter;        /* 0: only a -o name */
    int *flag;
};

static int opt_ignoreeof, opt_monitor, opt_stdin, opt_vi, opt_emacs, opt_notify, opt_privileged,
           opt_nolog, opt_debug;

static const struct option options[] = {
    { "errexit", 'e', &sh.opt_e },
    { "noglob", 'f', &sh.opt_f },
    { "ignoreeof", 'I', &opt_ignoreeof },
    { "interactive", 'i', &sh.interactive },
    { "monitor", 'm', &opt_monitor },
    { "noexec", 'n', &sh.opt_n },
    { "stdin", 's', &opt_stdin },
    { "xtrace", 'x', &sh.opt_x },
    { "verbose", 'v', &sh.opt_v },
    { "vi", 'V', &opt_vi },
    { "emacs", 'E', &opt_emacs },
    { "noclobber", 'C', &sh.opt_C },
    { "allexport", 'a', &sh.opt_a },
    { "notify", 'b', &opt_notify },
    { "nounset", 'u', &sh.opt_u },
    { "privileged", 'p', &opt_privileged },
    { "nolog", 0, &opt_nolog },
    { "debug", 0, &opt_debug },
};
#define NOPTIONS ((int)(sizeof options / sizeof options[0]))

/* -X or +X: 0, or -1 if there is no such option. */
int option_set_letter(int letter, int on)
{
    int i;

    for (i = 0; i < NOPTIONS; i++) {
        if (options[i].letter == letter && letter != 0) {
            *options[i].flag = on;
            return 0;
        }
    }
    return -1;
}

int option_set_name(const char *name, int on)
{
    int i;

    for (i = 0; i < NOPTIONS; i++) {
        if (strcmp(options[i].name, name) == 0) {
            *options[i].flag = on;
            return 0;
        }
    }
    return -1;
}

/* $-: the letters of the options that are on, in dash's order (the table's, reversed) */
char *option_string(void)
{
    struct strbuf sb;
    int i;

    sb_init(&sb);
    for (i = NOPTIONS - 1; i >= 0; i--)
        if (options[i].letter && *options[i].flag)
            sb_addc(&sb, options[i].letter);
    return sb_take(&sb);
}

/* local - in a function: the options as they are, one '0' or '1' each, for options_restore
 * when the function returns (dash) */
char *options_save(void)
{
    struct strbuf sb;
    int i;

    sb_init(&sb);
    for (i = 0; i < NOPTIONS; i++)
        sb_addc(&sb, *options[i].flag ? '1' : '0');
    return sb_take(&sb);
}

void options_restore(const char *saved)
{
    int i;

    for (i = 0; i < NOPTIONS; i++)
        *options[i].flag = saved[i] == '1';
}

/* set -o (a table) and set +o (commands that would restore the options) */
static void options_print(int as_commands)
{
    int i;

    if (!as_commands)
        out_str(1, "Current option settings\n");
    for (i = 0; i < NOPTIONS; i++) {
        if (as_commands)
            out_fmt(1, "set %co %s\n", *options[i].flag ? '-' : '+', options[i].name);
        else
            out_fmt(1, "%-16s%s\n", options[i].name, *options[i].flag ? "on" : "off");
    }
}

/* One argument of set that starts with - or +: letters, or o and a name (the next argument).
 * Returns how many arguments it used. A bad option is an error (a special builtin's: the script
 * ends). */
static int set_flags(char **argv, int i)
{
    const char *a = argv[i];
    int on = a[0] == '-', used = 1, j;

    for (j = 1; a[j]; j++) {
        if (a[j] == 'o') {
            if (argv[i + used] == NULL) {
                options_print(!on);
                continue;
            }
            if (option_set_name(argv[i + used], on) < 0)     /* dash says -, even for +o */
                sh_error("set: Illegal option -o %s", argv[i + used]);
            used++;
        } else if (a[j] == 'i' || option_set_letter(a[j], on) < 0) {
            sh_error("set: Illegal option -%c", a[j]);
        }
    }
    return used;
}

/* set [-+options] [-o name] [--] [arg...]: options, then the positional parameters if any
 * argument is left (or after --, even none). set alone lists the variables. */
int builtin_set(int argc, char **argv)
{
    int i = 1, used;

    if (argc == 1) {
        vars_print(0);
        return 0;
    }
    while (i < argc && (argv[i][0] == '-' || argv[i][0] == '+')) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            params_set(argc - i, argv + i);
            return 0;
        }
        if (strcmp(argv[i], "-") == 0) {        /* historical: -x and -v off, parameters kept */
            sh.opt_x = sh.opt_v = 0;
            i++;
            break;
        }
        if (argv[i][1] == '\0')
            break;
        used = set_flags(argv, i);
        i += used;
    }
    if (i < argc)
        params_set(argc - i, argv + i);
    return 0;
}
