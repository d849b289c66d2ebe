/*
 * main.c - awk's command line:
 *     awk [-F fs] [-v var=value]... 'program' [file | var=value]...
 *     awk [-F fs] [-v var=value]... -f progfile [-f progfile]... [file | var=value]...
 * It sets up the special variables, ARGV and ENVIRON, parses the program and runs it. Errors end
 * awk with status 2.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "awk.h"

Var *v_NR, *v_NF, *v_FNR, *v_FS, *v_OFS, *v_ORS, *v_RS, *v_FILENAME, *v_SUBSEP, *v_RSTART,
    *v_RLENGTH, *v_CONVFMT, *v_OFMT, *v_ENVIRON, *v_ARGC, *v_ARGV;

_Noreturn void fatal(int line, const char *fmt, ...)
{
    va_list ap;
    fflush(stdout);
    fputs("awk: ", stderr);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    if (line > 0)
        fprintf(stderr, " at source line %d", line);
    fputc('\n', stderr);
    exit(2);
}

void *xmalloc(size_t n)
{
    void *p = malloc(n ? n : 1);
    if (!p)
        fatal(0, "out of memory");
    return p;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

static _Noreturn void usage(void)
{
    fputs("usage: awk [-F fs][-v var=value][prog | -f progfile][file ...]\n", stderr);
    exit(2);
}

/* NAME=VALUE: VALUE's escapes are processed, and it is a strnum if it looks like a number. */
int command_line_assignment(const char *arg)
{
    const char *eq = strchr(arg, '=');
    if (!eq || eq == arg || isdigit((unsigned char)arg[0]))
        return 0;
    for (const char *p = arg; p < eq; p++)
        if (!isalnum((unsigned char)*p) && *p != '_')
            return 0;
    char *name = xmalloc((size_t)(eq - arg) + 1);
    memcpy(name, arg, (size_t)(eq - arg));
    name[eq - arg] = '\0';
    Var *v = lookup_global(name);
    free(name);
    if (v->kind == V_ARRAY)
        fatal(0, "can't assign to %s; it's an array name.", v->name);
    char *value = unescape_string(eq + 1, strlen(eq + 1));
    free_value(&v->val);
    v->val = input_value(value);
    v->kind = V_SCALAR;
    free(value);
    return 1;
}

static Var *special(const char *name, const char *value)
{
    Var *v = lookup_global(name);
    set_var_str(v, value);
    return v;
}

static void set_up_variables(void)
{
    v_FS = special("FS", " ");
    v_OFS = special("OFS", " ");
    v_ORS = special("ORS", "\n");
    v_RS = special("RS", "\n");
    v_SUBSEP = special("SUBSEP", "\034");
    v_CONVFMT = special("CONVFMT", "%.6g");
    v_OFMT = special("OFMT", "%.6g");
    v_FILENAME = special("FILENAME", "");
    v_NR = lookup_global("NR");
    v_NF = lookup_global("NF");
    v_FNR = lookup_global("FNR");
    v_RSTART = lookup_global("RSTART");
    v_RLENGTH = lookup_global("RLENGTH");
    set_var_num(v_NR, 0);
    set_var_num(v_NF, 0);
    set_var_num(v_FNR, 0);
    set_var_num(v_RSTART, 0);
    set_var_num(v_RLENGTH, -1);
    v_ENVIRON = lookup_global("ENVIRON");
    Array *env = var_array(v_ENVIRON, 0);
    for (char **e = environ; e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (!eq)
            continue;
        char *name = xmalloc((size_t)(eq - *e) + 1);
        memcpy(name, *e, (size_t)(eq - *e));
        name[eq - *e] = '\0';
        array_get(env, name)->val = input_value(eq + 1);
        free(name);
    }
    v_ARGC = lookup_global("ARGC");
    v_ARGV = lookup_global("ARGV");
}

static void set_up_argv(int argc, char **argv)
{
    Array *a = var_array(v_ARGV, 0);
    array_get(a, "0")->val = str_copy("awk");
    for (int i = 0; i < argc; i++) {
        char key[32];
        snprintf(key, sizeof key, "%d", i + 1);
        array_get(a, key)->val = input_value(argv[i]);
    }
    set_var_num(v_ARGC, argc + 1);
}

/* The text of a -f file, added to *program. */
static void read_program_file(const char *name, char **program)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");
    if (!f)
        fatal(0, "can't open file %s", name);
    size_t len = strlen(*program), cap = len + 1024;
    char *text = xmalloc(cap);
    memcpy(text, *program, len);
    int c;
    while ((c = getc(f)) != EOF) {
        if (len + 2 >= cap)
            text = realloc(text, cap *= 2);
        text[len++] = (char)c;
    }
    text[len++] = '\n';
    text[len] = '\0';
    if (f != stdin)
        fclose(f);
    free(*program);
    *program = text;
}

/* An option's argument: the rest of this word (-Ffs) or the next word (-F fs). */
static const char *option_arg(int argc, char **argv, int *i, const char *rest)
{
    if (*rest)
        return rest;
    if (++*i >= argc)
        usage();
    return argv[*i];
}

int main(int argc, char **argv)
{
    char *program = NULL;
    if (!isatty(1))                 /* to a file or a pipe: written in blocks, as other awks do */
        setvbuf(stdout, NULL, _IOFBF, BUFSIZ);
    set_up_variables();
    int i;
    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1]; i++) {
        const char *arg = argv[i];
        if (strcmp(arg, "--") == 0) {
            i++;
            break;
        }
        if (arg[1] == 'F') {
            const char *fs = option_arg(argc, argv, &i, arg + 2);
            char *value = unescape_string(fs, strlen(fs));
            set_var_str(v_FS, value);
            free(value);
        } else if (arg[1] == 'v') {
            if (!command_line_assignment(option_arg(argc, argv, &i, arg + 2)))
                usage();
        } else if (arg[1] == 'f') {
            if (!program)
                program = xstrdup("");
            read_program_file(option_arg(argc, argv, &i, arg + 2), &program);
        } else
            usage();
    }
    if (!program) {
        if (i >= argc)
            usage();
        program = xstrdup(argv[i++]);
    }
    set_up_argv(argc - i, argv + i);
    set_record("", 0);
    run_program(parse_program(program));
}
