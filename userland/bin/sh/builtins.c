/*
 * builtins.c - the commands the shell runs itself: those that change the shell (cd, exit, set,
 * export, read, shift, break, return, eval, . ...) must, and echo, true, false are here because
 * forking a process to print a line would be a waste. test/[ is in test.c, printf in printf.c
 * (the same code is /bin/test and /bin/printf: tools.h), the job builtins in jobs.c.
 *
 * A builtin is a function like main: (argc, argv) -> exit status. It writes with out_str/out_fmt
 * to descriptor 1, which a redirection may have pointed elsewhere. set is in options.c, trap in
 * trap.c, command/type/hash in lookup.c, alias/unalias in alias.c.
 *
 * "Special" builtins (POSIX's term) differ in three ways: a function cannot hide them, variable
 * assignments before them stay after (x=1 : sets x; x=1 echo does not), and a mistake in their
 * use (sh_error) ends a script; a mistake in another builtin only makes its status 2.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/times.h>
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

/* A signal's number from its number or name, as dash reads them: in any case (int is INT), and
 * without SIG in front (trap x SIGINT is "bad trap" in dash, where bash would take it). */
int signal_number(const char *name)
{
    long n;
    int i;

    if (parse_int(name, &n))
        return n >= 0 && n < NSIG ? (int)n : -1;
    for (i = 1; i < NSIGNAMES; i++)
        if (signames[i] != NULL && strcasecmp(signames[i], name) == 0)
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
    int n = sh.in_trap ? sh.trap_status : sh.status;    /* in a trap: $? from before it */

    if (argc > 1)
        n = number_arg("exit", argv[1], 0);
    sh_exit(n);
}

/* break [n] and continue [n]: leave (or go round again) the n innermost loops */
static int loop_count(int argc, char **argv, const char *name)
{
    int n = argc > 1 ? number_arg(name, argv[1], 1) : 1;

    return n > sh.loop_depth ? sh.loop_depth : n;
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
    if (argc > 1)           /* not cut to 8 bits: dash's $? shows return 300 as 300 */
        sh.status = number_arg("return", argv[1], 0);
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
    int n = argc > 1 ? number_arg("shift", argv[1], 0) : 1;

    if (n > params_count())
        sh_error("shift: can't shift that many");
    params_shift(n);
    return 0;
}

/* A builtin's options, each a letter of allowed (grouped as in -LP, "--" ending them): the
 * index of the first operand. Another letter is dash's "Illegal option -x" (status 2). */
int skip_options(int argc, char **argv, const char *allowed)
{
    int i;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        size_t ok = strspn(argv[i] + 1, allowed);

        if (strcmp(argv[i], "--") == 0)
            return i + 1;
        if (argv[i][1 + ok] != '\0')
            sh_error("%s: Illegal option -%c", argv[0], argv[i][1 + ok]);
    }
    return i;
}

/* export and readonly: [-p] | name[=value]...: give the variables the flag (V_EXPORT,
 * V_READONLY), or list those that have it. */
static int mark_variables(int argc, char **argv, int flag)
{
    int i = skip_options(argc, argv, "p");
    int p_given = i > 1 && strcmp(argv[1], "--") != 0;     /* the only option there is */

    if (i == argc || p_given) {         /* export -p x lists them all, as in dash */
        vars_print(flag);
        return 0;
    }
    for (; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        char *name = eq ? xstrndup(argv[i], (size_t)(eq - argv[i])) : xstrdup(argv[i]);

        if (!is_name(name))
            sh_error("%s: %s: bad variable name", argv[0], name);
        if (eq && var_readonly(name))
            sh_error("%s: %s: is read only", argv[0], name);
        if (eq)
            var_set(name, eq + 1, 0);
        var_set(name, NULL, flag);
        free(name);
    }
    return 0;
}

static int builtin_export(int argc, char **argv)
{
    return mark_variables(argc, argv, V_EXPORT);
}

static int builtin_readonly(int argc, char **argv)
{
    return mark_variables(argc, argv, V_READONLY);
}

static int builtin_unset(int argc, char **argv)
{
    int i = 1, funcs = 0;

    if (argc > 1 && (strcmp(argv[1], "-f") == 0 || strcmp(argv[1], "-v") == 0)) {
        funcs = argv[1][1] == 'f';
        i = 2;
    } else if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") != 0) {
        sh_error("unset: Illegal option %s", argv[1]);
    } else if (argc > 1 && argv[1][0] == '-') {
        i = 2;
    }
    for (; i < argc; i++) {
        if (funcs)
            func_unset(argv[i]);
        else if (!is_name(argv[i]))
            sh_error("unset: %s: bad variable name", argv[i]);
        else
            var_unset(argv[i]);
    }
    return 0;
}

static int builtin_local(int argc, char **argv)
{
    int i;

    if (params_depth() == 0)            /* even without names (dash) */
        sh_error("local: not in a function");
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

/* eval args: join them with spaces and run the result as commands; `if eval ...` runs them as a
 * condition, so set -e stays off in them (as dash does). Their messages say "eval: ". */
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
    sh.context = "eval";
    status = run_string(sb.s, sh.builtin_cond ? RUN_COND : 0);
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

/* . file: run the file's commands in this shell. A name without / is looked for in $PATH only,
 * not in the working directory (POSIX, dash: `. ./file` for that one). Messages from its
 * commands name the file as it was found ("sh: 2: /dir/file: x: not found"). */
static int builtin_source(int argc, char **argv)
{
    char *text = NULL, *found = NULL;
    int status;

    if (argc < 2)
        return 0;                       /* dash's . with no file does nothing */
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
            if (text != NULL)
                found = sb_take(&full);
            else
                sb_free(&full);
        }
        if (text == NULL)
            sh_error("%s: %s: not found", argv[0], argv[1]);
    } else {
        text = read_file(argv[1]);
    }
    if (text == NULL)
        sh_error("%s: cannot open %s: %s", argv[0], argv[1], open_error(errno, 0));
    sh.context = found ? found : argv[1];
    status = run_file_text(text);
    sh.context = NULL;
    free(found);
    free(text);
    return status;
}

/* ---- directories ---- */

/* The shell keeps two names for where it is: the physical one (getcwd: through real directories
 * only) and the logical one, the path cd went by, through symbolic links. cd and pwd go by the
 * logical one (-L, the default) unless -P, as POSIX and dash do: after `cd link`, pwd shows
 * .../link and `cd ..` comes back to the link's directory, not to its target's parent. The shell
 * keeps the logical path itself (dash's curdir) and copies it to $PWD: a script may assign or
 * unset PWD, and cd and pwd still know where the shell is. */
static char *logical_cwd;

/* The logical path of the current directory, if it still names it (the directory may have been
 * moved since), else NULL. */
static const char *valid_pwd(void)
{
    return names_cwd(logical_cwd);
}

/* Set where the shell is, and $PWD: to logical if given (cd went there by it), else to the
 * inherited $PWD if it names the current directory (a shell started in a link's directory),
 * else to the physical path. */
void set_pwd(const char *logical)
{
    char *cwd = NULL;

    if (logical == NULL)
        logical = names_cwd(var_get("PWD"));
    if (logical == NULL && (logical = cwd = getcwd(NULL, 0)) == NULL)
        return;
    if (logical != logical_cwd) {
        free(logical_cwd);
        logical_cwd = xstrdup(logical);
    }
    var_set("PWD", logical_cwd, V_EXPORT);
    free(cwd);
}

/* Add the names of path to logical, one by one (POSIX cd, step 8): "." is left out and ".."
 * takes the last name off, as text; no ".." takes off the first root characters. */
static void add_names(struct strbuf *logical, const char *path, size_t root)
{
    for (const char *p = path; *p;) {
        size_t n = strcspn(p, "/");

        if (n == 2 && p[0] == '.' && p[1] == '.') {
            char *slash = strrchr(logical->s, '/');
            if (slash != NULL && (size_t)(slash - logical->s) >= root) {
                logical->len = (size_t)(slash - logical->s);
                logical->s[logical->len] = '\0';
            }
        } else if (n > 0 && !(n == 1 && p[0] == '.')) {
            sb_addc(logical, '/');
            sb_addn(logical, p, n);
        }
        p += n + (p[n] == '/');
    }
}

/* cd -L's destination (POSIX cd, steps 7 to 9): dir after the logical path of the current
 * directory, unless dir is absolute, with "." and "name/.." taken out as text. A path that starts
 * with exactly two slashes is the system's to interpret (POSIX); dash keeps the two, as here
 * (cd //tmp: $PWD is //tmp, and .. stops at //). Malloc'd. */
static char *logical_destination(const char *dir)
{
    const char *base = dir[0] == '/' ? dir : valid_pwd();
    char *physical = base == NULL ? getcwd(NULL, 0) : NULL;
    const char *start = base != NULL ? base : physical != NULL ? physical : "";
    size_t root = start[0] == '/' && start[1] == '/' && start[2] != '/';
    struct strbuf path;

    sb_init(&path);
    if (root)
        sb_addc(&path, '/');        /* the first of the two slashes */
    if (start != dir)
        add_names(&path, start, root);
    add_names(&path, dir, root);
    free(physical);
    if (path.len <= root)
        sb_addc(&path, '/');
    return sb_take(&path);
}

/* Whether cd's or pwd's options (those before argv[first]) end with -P rather than -L. */
static int physical_option(char **argv, int first)
{
    int physical = 0;

    for (int i = 1; i < first; i++)
        for (const char *c = argv[i] + 1; *c && *c != '-'; c++)
            physical = *c == 'P';
    return physical;
}

/* Whether cd looks for dir in $CDPATH (POSIX cd, step 5): a relative name whose first component
 * is not "." or ".." (those, and absolute names, are taken as they are). */
static int searches_cdpath(const char *dir)
{
    size_t dots = dir[0] != '.' ? 0 : dir[1] != '.' ? 1 : 2;

    return dir[0] != '/' && (dots == 0 || (dir[dots] != '\0' && dir[dots] != '/'));
}

/* The first entry/dir of $CDPATH that is a directory (an empty entry is the current directory,
 * as in $PATH), malloc'd; NULL if none. *named is set when that entry was not empty: cd then
 * prints where it went, since the user could not tell from the name alone. */
static char *cdpath_search(const char *dir, int *named)
{
    const char *entry = var_get("CDPATH");
    struct strbuf full;
    struct stat st;

    while (entry != NULL) {
        int empty = entry[0] == ':' || entry[0] == '\0';

        entry = path_entry(entry, dir, &full);
        if (stat(full.s, &st) == 0 && S_ISDIR(st.st_mode)) {
            *named |= !empty;
            return sb_take(&full);
        }
        sb_free(&full);
    }
    return NULL;
}

/* Go to dir (POSIX cd, steps 7 to 10): by its logical path unless physical. OLDPWD becomes where
 * the shell was and PWD where it is, each as the logical path if there is one. -1 if chdir
 * failed (errno), else 0. */
static int change_directory(const char *dir, int physical)
{
    char *old = getcwd(NULL, 0), *logical = physical ? NULL : logical_destination(dir);
    const char *logical_old = valid_pwd();

    if (chdir(logical != NULL ? logical : dir) < 0) {
        free(logical);
        free(old);
        return -1;
    }
    if (logical_old != NULL || old != NULL)
        var_set("OLDPWD", logical_old != NULL ? logical_old : old, V_EXPORT);
    free(old);
    if (logical == NULL)
        logical = getcwd(NULL, 0);  /* -P: the physical path, even if the old $PWD names it too */
    set_pwd(logical);
    free(logical);
    return 0;
}

/* cd [-L|-P] [dir]: dir is $HOME if not given, $OLDPWD if "-"; as dash, an unset one is "", and
 * "" is the current directory (POSIX leaves both open). Further operands are left, as dash does.
 * cd prints where it went after "-" and after a CDPATH entry found it. */
static int builtin_cd(int argc, char **argv)
{
    int first = skip_options(argc, argv, "LP"), print = 0;
    const char *dir = first < argc ? argv[first] : var_get("HOME");
    char *found = NULL;
    int failed;

    if (first < argc && strcmp(dir, "-") == 0) {
        dir = var_get("OLDPWD");
        print = 1;
    }
    if (dir == NULL)
        dir = "";
    if (searches_cdpath(dir))       /* "" too (dash): with CDPATH=/x, `cd ''` goes to /x */
        found = cdpath_search(dir[0] != '\0' ? dir : ".", &print);
    failed = change_directory(found != NULL ? found : dir[0] != '\0' ? dir : ".",
                              physical_option(argv, first));
    free(found);
    if (failed) {
        sh_warn("cd: can't cd to %s", dir);
        return 2;
    }
    if (print)
        out_fmt(1, "%s\n", var_get("PWD") ? var_get("PWD") : dir);
    return 0;
}

static int builtin_pwd(int argc, char **argv)
{
    int first = skip_options(argc, argv, "LP");
    const char *pwd = physical_option(argv, first) ? NULL : valid_pwd();
    char *cwd = pwd == NULL ? getcwd(NULL, 0) : NULL;

    if (pwd == NULL && cwd == NULL) {
        pwd = logical_cwd;          /* the directory went away: where cd last went */
        if (pwd == NULL) {
            sh_warn("pwd: %s", strerror(errno));
            return 1;
        }
    }
    out_fmt(1, "%s\n", cwd != NULL ? cwd : pwd);
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

/* echo's escapes, as dash has them: XSI's and \e, and \NNN (1 to 3 octal digits, the first
 * not 0) as well as \0NNN. Returns 0 after \c: stop printing. */
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
        case 'e': sb_addc(sb, '\033'); break;     /* escape: dash's, not XSI's */
        case 'f': sb_addc(sb, '\f'); break;
        case 'n': sb_addc(sb, '\n'); break;
        case 'r': sb_addc(sb, '\r'); break;
        case 't': sb_addc(sb, '\t'); break;
        case 'v': sb_addc(sb, '\v'); break;
        case '\\': sb_addc(sb, '\\'); break;
        case '0': sb_addc(sb, octal_escape(&s)); break;
        case '1': case '2': case '3': case '4': case '5': case '6': case '7':
            s--;                        /* the digit is the number's first */
            sb_addc(sb, octal_escape(&s));
            break;
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
    out_n(1, sb.s, sb.len);
    sb_free(&sb);
    return 0;
}

/* ---- read ---- */

/* The next byte of stdin that is not a NUL (dash drops them: a value cannot hold one); 0 at the
 * end of the input. */
static int read_byte(char *c)
{
    for (;;) {
        ssize_t n = read(0, c, 1);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return 0;
        if (*c != '\0')
            return 1;
    }
}

/* One line from stdin, a byte at a time (what follows is not ours to take). Without -r a
 * backslash quotes the next character (flag 1 in quoted) and backslash-newline joins lines.
 * Returns 0 at end of input before a newline. */
static int read_line(int raw, struct strbuf *line, struct strbuf *quoted)
{
    char c;

    for (;;) {
        if (!read_byte(&c))
            return 0;
        if (c == '\n')
            return 1;
        if (c == '\\' && !raw) {
            if (!read_byte(&c))
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

/* What is left for the last name, from i to end: if it is a single field and its delimiter
 * ("b :" with IFS=" :"), only the field; otherwise all of it ("b:c:"), as dash does. */
static size_t one_field_end(const char *ifs, struct strbuf *line, struct strbuf *quoted, size_t i,
                            size_t end)
{
    size_t field_end = i, j;
    int delimiters = 0;

    while (field_end < end && !is_ifs(ifs, line, quoted, field_end))
        field_end++;
    for (j = field_end; j < end; j++) {
        if (!is_ifs(ifs, line, quoted, j))
            return end;
        if (!is_white(line->s[j]) && ++delimiters > 1)
            return end;
    }
    return field_end;
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
            end = one_field_end(ifs, line, quoted, i, end);
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
            if (isatty(0))              /* a prompt is for a person (dash): not for a file */
                out_str(2, argv[i + 1]);
            i++;
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

/* The builtin has no options, as dash's: printf -v x is "Illegal option -v" (/bin/printf, like
 * GNU's, prints a format that begins with - as it is). */
static int builtin_printf(int argc, char **argv)
{
    int status;

    skip_options(argc, argv, "");       /* only to refuse them: printf_main skips a -- itself */
    status = printf_main(argc, argv, sh_warn);

    if (ferror(stdout)) {           /* printf.c writes with stdio */
        clearerr(stdout);
        sh.write_failed = 1;
    }
    return status;
}

/* ---- getopts ---- */

static void set_number(const char *name, long v)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%ld", v);
    var_set(name, buf, 0);
}

/* The end of the options: name is ?, OPTIND the first operand. */
static int getopts_end(struct getopts_state *st, const char *name, const char *arg)
{
    if (arg != NULL && strcmp(arg, "--") == 0)
        st->index++;
    var_set(name, "?", 0);
    set_number("OPTIND", st->index);
    return 1;
}

/* getopts' variable must be a name, checked before anything is read (dash); dash takes b=c
 * as the name b, so the name is cut there. */
static void check_getopts_name(char *name)
{
    size_t len = strcspn(name, "=");

    if (!is_name_n(name, len))
        sh_error("getopts: %.*s: bad variable name", (int)len, name);
    name[len] = '\0';
}

/* getopts optstring name [arg...]: the next option of the arguments (or of $@) into name, and
 * its argument into OPTARG; status 1 at the end of the options. A ':' first in optstring means
 * silent: no message, and the bad letter goes to OPTARG. Where it is (params_getopts) belongs to
 * the positional parameters: set -- and a function call start over, as does OPTIND=1. */
static int builtin_getopts(int argc, char **argv)
{
    struct getopts_state *st = params_getopts(), here;
    const char *opts, *arg, *spec;
    char **args, found[2] = { 0, 0 };
    long nargs;
    int silent;

    if (argc < 3)
        sh_error("getopts: Usage: getopts optstring var [arg...]");
    check_getopts_name(argv[2]);
    opts = argv[1];
    silent = opts[0] == ':';
    args = argc > 3 ? argv + 3 : NULL;
    nargs = argc > 3 ? argc - 3 : params_count();
    here = *st;
    arg = here.index <= nargs ? (args ? args[here.index - 1] : params_get((int)here.index)) : NULL;
    if (here.letter == 0 && (arg == NULL || arg[0] != '-' || arg[1] == '\0'
                             || strcmp(arg, "--") == 0)) {
        getopts_end(&here, argv[2], arg);
        *params_getopts() = here;
        return 1;
    }
    if (here.letter == 0)
        here.letter = 1;
    found[0] = arg[here.letter++];
    spec = found[0] != ':' ? strchr(opts + silent, found[0]) : NULL;
    if (spec == NULL) {
        if (silent) {
            var_set("OPTARG", found, 0);
        } else {
            out_fmt(2, "Illegal option -%c\n", found[0]);
            var_unset("OPTARG");
        }
        found[0] = '?';
    } else if (spec[1] == ':') {
        if (arg[here.letter] != '\0') {                     /* -ovalue */
            var_set("OPTARG", arg + here.letter, 0);
        } else if (here.index + 1 <= nargs) {               /* -o value */
            here.index++;
            var_set("OPTARG", args ? args[here.index - 1] : params_get((int)here.index), 0);
        } else if (silent) {
            var_set("OPTARG", found, 0);
            found[0] = ':';
        } else {
            out_fmt(2, "No arg for -%c option\n", found[0]);
            var_unset("OPTARG");
            found[0] = '?';
        }
        here.letter = (int)strlen(arg);
    } else {
        var_set("OPTARG", "", 0);
    }
    if (arg[here.letter] == '\0') {                         /* on to the next argument */
        here.index++;
        here.letter = 0;
    }
    var_set(argv[2], found, 0);
    /* Inside a group such as -abc, OPTIND already names the argument after it (as dash's
     * does); the state remembers the letter. Setting it restarts the state: set it first. */
    set_number("OPTIND", here.index + (here.letter != 0));
    *params_getopts() = here;
    return 0;
}

/* ---- the process: umask, times ---- */

static const char perm_letters[] = "rwx";

/* umask -S: what the mask allows, u=rwx,g=rx,o=rx */
static void print_symbolic_mask(mode_t mask)
{
    struct strbuf sb;
    int who, bit;

    sb_init(&sb);
    for (who = 0; who < 3; who++) {
        sb_adds(&sb, who == 0 ? "u=" : who == 1 ? ",g=" : ",o=");
        for (bit = 0; bit < 3; bit++)
            if (!(mask & (0400u >> (who * 3 + bit))))
                sb_addc(&sb, perm_letters[bit]);
    }
    sb_addc(&sb, '\n');
    out_str(1, sb.s);
    sb_free(&sb);
}

/* A symbolic mode such as u=rwx,g+w,o-rx applied to what the mask allows; -1 if it is not one. */
static long symbolic_mask(const char *s, mode_t mask)
{
    mode_t allowed = ~mask & 0777;

    for (;;) {
        mode_t who = 0, perms = 0;
        char op;

        for (; *s && strchr("ugoa", *s); s++)
            who |= *s == 'u' ? 0700 : *s == 'g' ? 0070 : *s == 'o' ? 0007 : 0777;
        if (who == 0)
            who = 0777;
        op = *s++;
        if (op != '=' && op != '+' && op != '-')
            return -1;
        for (; *s && strchr(perm_letters, *s); s++)
            perms |= (*s == 'r' ? 0444 : *s == 'w' ? 0222 : 0111) & who;
        if (op == '=')
            allowed = (allowed & ~who) | perms;
        else if (op == '+')
            allowed |= perms;
        else
            allowed &= ~perms;
        if (*s == '\0')
            return ~allowed & 0777;
        if (*s++ != ',')
            return -1;
    }
}

static int builtin_umask(int argc, char **argv)
{
    mode_t mask = umask(0);
    int symbolic = argc > 1 && strcmp(argv[1], "-S") == 0;
    const char *arg = argv[1 + symbolic];
    long v = 0;

    umask(mask);
    if (arg == NULL) {
        if (symbolic)
            print_symbolic_mask(mask);
        else
            out_fmt(1, "%04o\n", (unsigned)mask);
        return 0;
    }
    if (arg[0] >= '0' && arg[0] <= '9') {
        char *end;

        v = strtol(arg, &end, 8);
        if (*end != '\0' || v > 0777)
            sh_error("umask: Illegal number: %s", arg);
    } else if ((v = symbolic_mask(arg, mask)) < 0) {
        sh_error("umask: Illegal mode: %s", arg);
    }
    umask((mode_t)v);
    return 0;
}

/* times: the CPU time of the shell and of the children it waited for, user and system, as
 * 0m1.500000s (times(2) counts in clock ticks: 100 a second). */
static void print_minutes(struct strbuf *sb, clock_t ticks, char after)
{
    char buf[64];
    long ms = (long)ticks * 10;

    snprintf(buf, sizeof buf, "%ldm%ld.%03ld000s%c", ms / 60000, ms / 1000 % 60, ms % 1000, after);
    sb_adds(sb, buf);
}

static int builtin_times(int argc, char **argv)
{
    struct tms t;
    struct strbuf sb;

    (void)argc;
    (void)argv;
    times(&t);
    sb_init(&sb);
    print_minutes(&sb, t.tms_utime, ' ');
    print_minutes(&sb, t.tms_stime, '\n');
    print_minutes(&sb, t.tms_cutime, ' ');
    print_minutes(&sb, t.tms_cstime, '\n');
    out_str(1, sb.s);
    sb_free(&sb);
    return 0;
}

/* ---- ulimit ---- */

struct limit {
    char option;
    const char *name;       /* as dash's ulimit -a prints it */
    int resource;
    long unit;              /* ulimit counts in these (bytes per block or kbyte) */
};

static const struct limit limits[] = {
    { 't', "time(seconds)", RLIMIT_CPU, 1 },
    { 'f', "file(blocks)", RLIMIT_FSIZE, 512 },
    { 'd', "data(kbytes)", RLIMIT_DATA, 1024 },
    { 's', "stack(kbytes)", RLIMIT_STACK, 1024 },
    { 'c', "coredump(blocks)", RLIMIT_CORE, 512 },
    { 'm', "memory(kbytes)", RLIMIT_RSS, 1024 },
    { 'l', "locked memory(kbytes)", RLIMIT_MEMLOCK, 1024 },
    { 'p', "process", RLIMIT_NPROC, 1 },
    { 'n', "nofiles", RLIMIT_NOFILE, 1 },
    { 'v', "vmemory(kbytes)", RLIMIT_AS, 1024 },
    { 'w', "locks", RLIMIT_LOCKS, 1 },
    { 'r', "rtprio", RLIMIT_RTPRIO, 1 },
};
#define NLIMITS ((int)(sizeof limits / sizeof limits[0]))

static void print_limit(const struct limit *l, int hard, int with_name)
{
    struct rlimit rl;
    rlim_t v;

    if (getrlimit(l->resource, &rl) < 0) {
        sh_warn("ulimit: %s", strerror(errno));
        return;
    }
    v = hard ? rl.rlim_max : rl.rlim_cur;
    if (with_name)
        out_fmt(1, "%-20s ", l->name);
    if (v == RLIM_INFINITY)
        out_str(1, "unlimited\n");
    else
        out_fmt(1, "%lu\n", (unsigned long)(v / (rlim_t)l->unit));
}

/* ulimit [-H|-S] [-a | -tfdscmlpnvwr] [limit]: show a limit (the file size's by default), all
 * of them, or set one. ufos's limits are fixed: setting one to anything else fails. */
static int builtin_ulimit(int argc, char **argv)
{
    const struct limit *which = &limits[1];
    int i, j, k, hard = 0, all = 0;

    for (i = 1; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        for (j = 1; argv[i][j]; j++) {
            char c = argv[i][j];

            if (c == 'H' || c == 'S') {
                hard = c == 'H';
                continue;
            }
            if (c == 'a') {
                all = 1;
                continue;
            }
            for (k = 0; k < NLIMITS && limits[k].option != c; k++)
                ;
            if (k == NLIMITS)
                sh_error("ulimit: Illegal option -%c", c);
            which = &limits[k];
        }
    }
    if (all) {
        for (k = 0; k < NLIMITS; k++)
            print_limit(&limits[k], hard, 1);
        return 0;
    }
    if (i < argc) {
        struct rlimit rl;
        long n;

        if (strcmp(argv[i], "unlimited") == 0)
            rl.rlim_cur = RLIM_INFINITY;
        else if (parse_int(argv[i], &n) && n >= 0)
            rl.rlim_cur = (rlim_t)n * (rlim_t)which->unit;
        else
            sh_error("ulimit: bad number");
        rl.rlim_max = rl.rlim_cur;
        if (setrlimit(which->resource, &rl) < 0)
            sh_error("ulimit: error setting limit (%s)", strerror(errno));
        return 0;
    }
    print_limit(which, hard, 0);
    return 0;
}

/* ---- the table ---- */

/* special: POSIX's special builtins, and local (dash counts it as one): a mistake in one ends a
 * script, and VAR=x before one stays. */
struct builtin {
    const char *name;
    builtin_fn fn;
    int special;
};

static const struct builtin table[] = {
    { ".", builtin_source, 1 },
    { ":", builtin_true, 1 },
    { "[", builtin_test, 0 },
    { "alias", builtin_alias, 0 },
    { "bg", builtin_bg, 0 },
    { "break", builtin_break, 1 },
    { "cd", builtin_cd, 0 },
    { "command", builtin_command, 0 },
    { "continue", builtin_continue, 1 },
    { "echo", builtin_echo, 0 },
    { "eval", builtin_eval, 1 },
    { "exec", builtin_exec, 1 },
    { "exit", builtin_exit, 1 },
    { "export", builtin_export, 1 },
    { "false", builtin_false, 0 },
    { "fg", builtin_fg, 0 },
    { "getopts", builtin_getopts, 0 },
    { "hash", builtin_hash, 0 },
    { "jobs", builtin_jobs, 0 },
    { "kill", builtin_kill, 0 },
    { "local", builtin_local, 1 },
    { "printf", builtin_printf, 0 },
    { "pwd", builtin_pwd, 0 },
    { "read", builtin_read, 0 },
    { "readonly", builtin_readonly, 1 },
    { "return", builtin_return, 1 },
    { "set", builtin_set, 1 },
    { "shift", builtin_shift, 1 },
    { "source", builtin_source, 1 },
    { "test", builtin_test, 0 },
    { "times", builtin_times, 1 },
    { "trap", builtin_trap, 1 },
    { "true", builtin_true, 0 },
    { "type", builtin_type, 0 },
    { "ulimit", builtin_ulimit, 0 },
    { "umask", builtin_umask, 0 },
    { "unalias", builtin_unalias, 0 },
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
