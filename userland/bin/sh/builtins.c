/*
 * builtins.c - the commands the shell runs itself: those that change the shell (cd, exit, set,
 * export, read, shift, break, return, eval, . ...) must, and echo, true, false are here because
 * forking a process to print a line would be a waste. test/[ is in test.c, printf in printf.c
 * (the same code is /bin/test and /bin/printf: tools.h), the job builtins in jobs.c.
 *
 * A builtin is a function like main: (argc, argv) -> exit status. It writes with out_str/out_fmt
 * to descriptor 1, which a redirection may have pointed elsewhere.
 *
 * "Special" builtins (POSIX's term) differ in two ways: a function cannot hide them, and variable
 * assignments before them stay after (x=1 : sets x; x=1 echo does not).
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "sh.h"
#include "tools.h"

/* ---- signals by name (kill, jobs) ---- */

static const char *signames[] = {
    NULL, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "BUS", "FPE", "KILL", "USR1", "SEGV",
    "USR2", "PIPE", "ALRM", "TERM", "STKFLT", "CHLD", "CONT", "STOP", "TSTP", "TTIN", "TTOU",
    "URG", "XCPU", "XFSZ", "VTALRM", "PROF", "WINCH", "IO", "PWR", "SYS", NULL, NULL, "PROT"
};
#define NSIGNAMES ((int)(sizeof signames / sizeof signames[0]))

int signal_number(const char *name)
{
    long n;
    int i;

    if (parse_int(name, &n))
        return n >= 0 && n < NSIG ? (int)n : -1;
    if (strncmp(name, "SIG", 3) == 0)
        name += 3;
    for (i = 1; i < NSIGNAMES; i++)
        if (signames[i] != NULL && strcmp(signames[i], name) == 0)
            return i;
    return -1;
}

const char *signal_name(int sig)
{
    if (sig > 0 && sig < NSIGNAMES && signames[sig] != NULL)
        return signames[sig];
    return "?";
}

/* ---- the shell's own state ---- */

static int builtin_exit(int argc, char **argv)
{
    long n = sh.status;

    if (argc > 1 && !parse_int(argv[1], &n)) {
        sh_warn("exit: Illegal number: %s", argv[1]);
        n = 2;
    }
    sh_exit((int)n);
}

/* break [n] and continue [n]: leave (or go round again) the n innermost loops */
static int loop_count(int argc, char **argv, const char *name)
{
    long n = 1;

    if (argc > 1 && (!parse_int(argv[1], &n) || n < 1)) {
        sh_warn("%s: Illegal number: %s", name, argv[1]);
        return 0;
    }
    return n > sh.loop_depth ? sh.loop_depth : (int)n;
}

static int builtin_break(int argc, char **argv)
{
    sh.breaking = loop_count(argc, argv, "break");
    return 0;
}

static int builtin_continue(int argc, char **argv)
{
    sh.continuing = loop_count(argc, argv, "continue");
    return 0;
}

static int builtin_return(int argc, char **argv)
{
    long n = sh.status;

    if (argc > 1 && !parse_int(argv[1], &n)) {
        sh_warn("return: Illegal number: %s", argv[1]);
        n = 2;
    }
    sh.status = (int)(n & 0xff);
    sh.returning = 1;
    return sh.status;
}

static int builtin_true(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

static int builtin_false(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    return 1;
}

static int builtin_shift(int argc, char **argv)
{
    long n = 1;

    if (argc > 1 && (!parse_int(argv[1], &n) || n < 0)) {
        sh_warn("shift: Illegal number: %s", argv[1]);
        return 2;
    }
    if (n > params_count()) {
        sh_warn("shift: can't shift that many");
        return 1;
    }
    params_shift((int)n);
    return 0;
}

/* set [-efux] [+efux] [--] [arg...] */
static int builtin_set(int argc, char **argv)
{
    int i, j;

    if (argc == 1) {
        vars_print(0);
        return 0;
    }
    for (i = 1; i < argc; i++) {
        const char *a = argv[i];
        int on = a[0] == '-';

        if (strcmp(a, "--") == 0) {
            i++;
            params_set(argc - i, argv + i);
            return 0;
        }
        if ((a[0] != '-' && a[0] != '+') || a[1] == '\0')
            break;
        for (j = 1; a[j]; j++) {
            switch (a[j]) {
            case 'e': sh.opt_e = on; break;
            case 'x': sh.opt_x = on; break;
            case 'u': sh.opt_u = on; break;
            case 'f': sh.opt_f = on; break;
            default:
                sh_warn("set: Illegal option %c%c", a[0], a[j]);
                return 2;
            }
        }
    }
    if (i < argc)
        params_set(argc - i, argv + i);
    return 0;
}

static int builtin_export(int argc, char **argv)
{
    int i;

    if (argc == 1 || (argc == 2 && strcmp(argv[1], "-p") == 0)) {
        vars_print(1);
        return 0;
    }
    for (i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');

        if (!is_name_n(argv[i], eq ? (size_t)(eq - argv[i]) : strlen(argv[i]))) {
            sh_warn("export: %s: bad variable name", argv[i]);
            return 2;
        }
        if (eq)
            var_set_assignment(argv[i], V_EXPORT);
        else
            var_export(argv[i]);
    }
    return 0;
}

static int builtin_unset(int argc, char **argv)
{
    int i = 1, funcs = 0;

    if (argc > 1 && (strcmp(argv[1], "-f") == 0 || strcmp(argv[1], "-v") == 0)) {
        funcs = argv[1][1] == 'f';
        i = 2;
    }
    for (; i < argc; i++) {
        if (funcs)
            func_unset(argv[i]);
        else
            var_unset(argv[i]);
    }
    return 0;
}

static int builtin_local(int argc, char **argv)
{
    int i;

    for (i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);

        local_var(name);
        if (eq)
            var_set(name, eq + 1, 0);
        free(name);
    }
    return 0;
}

/* eval args: join them with spaces and run the result as commands */
static int builtin_eval(int argc, char **argv)
{
    struct strbuf sb;
    int i, status;

    sb_init(&sb);
    for (i = 1; i < argc; i++) {
        if (i > 1)
            sb_addc(&sb, ' ');
        sb_adds(&sb, argv[i]);
    }
    sh.status = 0;
    status = run_string(sb.s, "eval");
    sb_free(&sb);
    return status;
}

/* Read a whole file into memory; NULL (and errno) on failure. */
static char *read_file(const char *path)
{
    int fd = open(path, O_RDONLY);
    struct strbuf sb;
    char buf[1024];
    ssize_t n;

    if (fd < 0)
        return NULL;
    sb_init(&sb);
    while ((n = read(fd, buf, sizeof buf)) > 0)
        sb_addn(&sb, buf, (size_t)n);
    close(fd);
    return sb_take(&sb);
}

/* . file: run the file's commands in this shell. A name without / is looked for in $PATH first. */
static int builtin_source(int argc, char **argv)
{
    char *text = NULL;
    int status;

    if (argc < 2) {
        sh_warn("%s: filename argument required", argv[0]);
        return 2;
    }
    if (strchr(argv[1], '/') == NULL) {
        const char *path = var_get("PATH"), *dir, *end;

        for (dir = path; dir != NULL && text == NULL; dir = *end ? end + 1 : NULL) {
            struct strbuf full;

            end = strchr(dir, ':');
            if (end == NULL)
                end = dir + strlen(dir);
            sb_init(&full);
            sb_addn(&full, dir, (size_t)(end - dir));
            sb_addc(&full, '/');
            sb_adds(&full, argv[1]);
            text = read_file(full.s);
            sb_free(&full);
        }
    }
    if (text == NULL)
        text = read_file(argv[1]);
    if (text == NULL) {
        sh_warn("%s: cannot open %s: %s", argv[0], argv[1], strerror(errno));
        return 2;
    }
    status = run_string(text, argv[1]);
    free(text);
    if (sh.returning && sh.func_depth == 0) {   /* return in the file ends the file */
        sh.returning = 0;
        status = sh.status;
    }
    return status;
}

/* ---- directories ---- */

static void set_pwd(void)
{
    char *cwd = getcwd(NULL, 0);

    if (cwd != NULL) {
        var_set("PWD", cwd, V_EXPORT);
        free(cwd);
    }
}

static int builtin_cd(int argc, char **argv)
{
    const char *dir = argc > 1 ? argv[1] : var_get("HOME");
    char *old = getcwd(NULL, 0);
    int print = 0;

    if (dir == NULL || dir[0] == '\0')
        dir = "/";
    if (strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        if (dir == NULL) {
            sh_warn("cd: OLDPWD not set");
            free(old);
            return 1;
        }
        print = 1;
    }
    if (chdir(dir) < 0) {
        sh_warn("cd: can't cd to %s", dir);
        free(old);
        return 2;
    }
    if (old != NULL) {
        var_set("OLDPWD", old, V_EXPORT);
        free(old);
    }
    set_pwd();
    if (print)
        out_fmt(1, "%s\n", var_get("PWD") ? var_get("PWD") : dir);
    return 0;
}

static int builtin_pwd(int argc, char **argv)
{
    char *cwd = getcwd(NULL, 0);

    (void)argc;
    (void)argv;
    if (cwd == NULL) {
        const char *pwd = var_get("PWD");

        if (pwd == NULL) {
            sh_warn("pwd: %s", strerror(errno));
            return 1;
        }
        out_fmt(1, "%s\n", pwd);
        return 0;
    }
    out_fmt(1, "%s\n", cwd);
    free(cwd);
    return 0;
}

/* ---- echo ---- */

/* \0NNN: up to three octal digits */
static int octal_escape(const char **p)
{
    int v = 0, i;

    for (i = 0; i < 3 && **p >= '0' && **p <= '7'; i++)
        v = v * 8 + (*(*p)++ - '0');
    return v;
}

/* echo's escapes, as dash (and XSI) have them. Returns 0 after \c: stop printing. */
static int echo_escapes(struct strbuf *sb, const char *s)
{
    while (*s) {
        char c = *s++;

        if (c != '\\' || *s == '\0') {
            sb_addc(sb, c);
            continue;
        }
        c = *s++;
        switch (c) {
        case 'a': sb_addc(sb, '\a'); break;
        case 'b': sb_addc(sb, '\b'); break;
        case 'c': return 0;
        case 'f': sb_addc(sb, '\f'); break;
        case 'n': sb_addc(sb, '\n'); break;
        case 'r': sb_addc(sb, '\r'); break;
        case 't': sb_addc(sb, '\t'); break;
        case 'v': sb_addc(sb, '\v'); break;
        case '\\': sb_addc(sb, '\\'); break;
        case '0': sb_addc(sb, octal_escape(&s)); break;
        default:
            sb_addc(sb, '\\');
            sb_addc(sb, c);
            break;
        }
    }
    return 1;
}

static int builtin_echo(int argc, char **argv)
{
    struct strbuf sb;
    int i = 1, newline = 1;

    if (argc > 1 && strcmp(argv[1], "-n") == 0) {
        newline = 0;
        i = 2;
    }
    sb_init(&sb);
    for (; i < argc; i++) {
        if (!echo_escapes(&sb, argv[i])) {
            newline = 0;
            break;
        }
        if (i + 1 < argc)
            sb_addc(&sb, ' ');
    }
    if (newline)
        sb_addc(&sb, '\n');
    if (sb.len > 0 && write(1, sb.s, sb.len) < 0) {
        sb_free(&sb);
        return 1;
    }
    sb_free(&sb);
    return 0;
}

/* ---- read ---- */

/* One line from stdin, a byte at a time (what follows is not ours to take). Without -r a
 * backslash quotes the next character (flag 1 in quoted) and backslash-newline joins lines.
 * Returns 0 at end of input before a newline. */
static int read_line(int raw, struct strbuf *line, struct strbuf *quoted)
{
    char c;

    for (;;) {
        ssize_t n = read(0, &c, 1);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        if (c == '\n')
            return 1;
        if (c == '\\' && !raw) {
            if (read(0, &c, 1) <= 0)
                return 0;
            if (c == '\n')
                continue;
            sb_addc(line, c);
            sb_addc(quoted, 1);
            continue;
        }
        sb_addc(line, c);
        sb_addc(quoted, 0);
    }
}

static int is_ifs(const char *ifs, struct strbuf *line, struct strbuf *quoted, size_t i)
{
    return !quoted->s[i] && line->s[i] != '\0' && strchr(ifs, line->s[i]) != NULL;
}

static int is_white(int c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Split the line among the names: each takes a field, the last one the rest of the line. */
static void read_assign(char **names, int count, struct strbuf *line, struct strbuf *quoted)
{
    const char *ifs = var_get("IFS");
    size_t i = 0, n = line->len;
    int k;

    if (ifs == NULL)
        ifs = " \t\n";
    while (i < n && is_ifs(ifs, line, quoted, i) && is_white(line->s[i]))
        i++;
    for (k = 0; k < count; k++) {
        struct strbuf value;

        sb_init(&value);
        if (k == count - 1) {           /* the last name: everything left, less trailing blanks */
            size_t end = n;

            while (end > i && is_ifs(ifs, line, quoted, end - 1) && is_white(line->s[end - 1]))
                end--;
            sb_addn(&value, line->s + i, end - i);
            i = n;
        } else {
            while (i < n && !is_ifs(ifs, line, quoted, i))
                sb_addc(&value, line->s[i++]);
            while (i < n && is_ifs(ifs, line, quoted, i) && is_white(line->s[i]))
                i++;
            if (i < n && is_ifs(ifs, line, quoted, i)) {     /* one non-blank separator */
                i++;
                while (i < n && is_ifs(ifs, line, quoted, i) && is_white(line->s[i]))
                    i++;
            }
        }
        var_set(names[k], value.s, 0);
        sb_free(&value);
    }
}

static int builtin_read(int argc, char **argv)
{
    struct strbuf line, quoted;
    char *reply[2] = { "REPLY", NULL };
    char **names;
    int i = 1, raw = 0, got, count;

    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "-r") == 0) {
            raw = 1;
        } else if (strcmp(argv[i], "-p") == 0 && i + 1 < argc) {
            out_str(2, argv[++i]);
        } else if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        } else {
            sh_warn("read: Illegal option %s", argv[i]);
            return 2;
        }
    }
    names = i < argc ? argv + i : reply;
    count = i < argc ? argc - i : 1;
    for (i = 0; i < count; i++) {
        if (!is_name(names[i])) {
            sh_warn("read: %s: bad variable name", names[i]);
            return 2;
        }
    }
    sb_init(&line);
    sb_init(&quoted);
    got = read_line(raw, &line, &quoted);
    read_assign(names, count, &line, &quoted);
    sb_free(&line);
    sb_free(&quoted);
    return got ? 0 : 1;
}

/* ---- test, [ and printf: test.c and printf.c, whose mistakes read like the shell's ---- */

static int builtin_test(int argc, char **argv)
{
    return test_main(argc, argv, sh_warn);
}

static int builtin_printf(int argc, char **argv)
{
    return printf_main(argc, argv, sh_warn);
}

/* ---- the table ---- */

struct builtin {
    const char *name;
    builtin_fn fn;
    int special;
};

static const struct builtin table[] = {
    { ".", builtin_source, 1 },
    { ":", builtin_true, 1 },
    { "[", builtin_test, 0 },
    { "bg", builtin_bg, 0 },
    { "break", builtin_break, 1 },
    { "cd", builtin_cd, 0 },
    { "continue", builtin_continue, 1 },
    { "echo", builtin_echo, 0 },
    { "eval", builtin_eval, 1 },
    { "exit", builtin_exit, 1 },
    { "export", builtin_export, 1 },
    { "false", builtin_false, 0 },
    { "fg", builtin_fg, 0 },
    { "jobs", builtin_jobs, 0 },
    { "kill", builtin_kill, 0 },
    { "local", builtin_local, 0 },
    { "printf", builtin_printf, 0 },
    { "pwd", builtin_pwd, 0 },
    { "read", builtin_read, 0 },
    { "return", builtin_return, 1 },
    { "set", builtin_set, 1 },
    { "shift", builtin_shift, 1 },
    { "source", builtin_source, 1 },
    { "test", builtin_test, 0 },
    { "true", builtin_true, 0 },
    { "unset", builtin_unset, 1 },
    { "wait", builtin_wait, 0 },
    { NULL, NULL, 0 }
};

builtin_fn builtin_find(const char *name, int *special)
{
    int i;

    for (i = 0; table[i].name != NULL; i++) {
        if (strcmp(table[i].name, name) == 0) {
            *special = table[i].special;
            return table[i].fn;
        }
    }
    *special = 0;
    return NULL;
}
