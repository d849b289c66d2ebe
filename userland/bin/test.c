/*
 * test, [ - evaluate a condition: exit status 0 if it is true, 1 if it is false.
 *
 *     test EXPRESSION
 *     [ EXPRESSION ]          (the same program, called "["; the last argument must be "]")
 *
 * Expressions:
 *     STRING                 STRING is not empty            -n STRING / -z STRING: (not) empty
 *     S1 = S2   S1 != S2     strings equal / different      S1 < S2   S1 > S2: in byte order
 *     N1 -eq N2  (-ne -lt -le -gt -ge)                      integer comparisons
 *     -e FILE exists   -f a regular file   -d a directory   -s not empty   -L / -h a symbolic
 *     link   -p a FIFO   -c / -b a device   -S a socket   -r / -w / -x readable, writable,
 *     executable   -t FD: a terminal        F1 -nt F2 / F1 -ot F2: newer / older
 *     ! EXPR   EXPR -a EXPR   EXPR -o EXPR   ( EXPR )    not, and (binds tighter), or
 * With up to four arguments the POSIX rules decide what each one is ("test -f" is true: one
 * non-empty string; "test ! = x" compares "!" with "x"); beyond that the grammar above does.
 * Exit status: 0 true, 1 false, 2 for a bad expression.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char **tok;              /* the remaining arguments */
static int ntok;

static void syntax_error(const char *what, const char *arg)
{
    if (arg != NULL)
        fprintf(stderr, "test: %s: %s\n", arg, what);
    else
        fprintf(stderr, "test: %s\n", what);
    exit(2);
}

static long integer(const char *s)
{
    char *end;
    long n;
    const char *p = s;

    while (*p == ' ' || *p == '\t')
        p++;
    n = strtol(p, &end, 10);
    while (*end == ' ' || *end == '\t')
        end++;
    if (end == p || *end != '\0')
        syntax_error("integer expression expected", s);
    return n;
}

static int is_binary(const char *op)
{
    static const char *ops[] = {"=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
                                "-nt", "-ot", NULL};
    int i;

    for (i = 0; ops[i] != NULL; i++)
        if (strcmp(op, ops[i]) == 0)
            return 1;
    return 0;
}

static int is_unary(const char *op)
{
    return op[0] == '-' && op[1] != '\0' && op[2] == '\0' && strchr("bcdefhLnprsStwxz", op[1]) != NULL;
}

static int binary(const char *a, const char *op, const char *b)
{
    struct stat sa, sb;

    if (strcmp(op, "=") == 0) return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0) return strcmp(a, b) != 0;
    if (strcmp(op, "<") == 0) return strcmp(a, b) < 0;
    if (strcmp(op, ">") == 0) return strcmp(a, b) > 0;
    if (strcmp(op, "-nt") == 0 || strcmp(op, "-ot") == 0) {
        int ok_a = stat(a, &sa) == 0, ok_b = stat(b, &sb) == 0;
        if (op[1] == 'o') {         /* -ot is -nt the other way round */
            struct stat t = sa; int ok = ok_a;
            sa = sb; ok_a = ok_b; sb = t; ok_b = ok;
        }
        if (!ok_a)
            return 0;
        if (!ok_b)
            return 1;
        return sa.st_mtim.tv_sec > sb.st_mtim.tv_sec
            || (sa.st_mtim.tv_sec == sb.st_mtim.tv_sec && sa.st_mtim.tv_nsec > sb.st_mtim.tv_nsec);
    }
    {
        long x = integer(a), y = integer(b);
        if (strcmp(op, "-eq") == 0) return x == y;
        if (strcmp(op, "-ne") == 0) return x != y;
        if (strcmp(op, "-lt") == 0) return x < y;
        if (strcmp(op, "-le") == 0) return x <= y;
        if (strcmp(op, "-gt") == 0) return x > y;
        return x >= y;              /* -ge */
    }
}

static int unary(const char *op, const char *arg)
{
    struct stat st;
    int c = op[1];

    switch (c) {
    case 'n': return arg[0] != '\0';
    case 'z': return arg[0] == '\0';
    case 't': return isatty((int)integer(arg));
    case 'r': return access(arg, R_OK) == 0;
    case 'w': return access(arg, W_OK) == 0;
    case 'x': return access(arg, X_OK) == 0;
    }
    if ((c == 'h' || c == 'L') ? lstat(arg, &st) < 0 : stat(arg, &st) < 0)
        return 0;
    switch (c) {
    case 'e': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 's': return st.st_size > 0;
    case 'h':
    case 'L': return S_ISLNK(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'b': return S_ISBLK(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    }
    return 0;
}

/* The recursive-descent grammar, for more than four arguments. */
static int expr_or(void);

static const char *take(void)
{
    if (ntok == 0)
        syntax_error("argument expected", NULL);
    ntok--;
    return *tok++;
}

static int primary(void)
{
    const char *t = take();

    if (strcmp(t, "!") == 0)
        return !primary();
    if (strcmp(t, "(") == 0) {
        int v = expr_or();
        if (ntok == 0 || strcmp(take(), ")") != 0)
            syntax_error("')' expected", NULL);
        return v;
    }
    if (ntok >= 2 && is_binary(tok[0])) {
        const char *op = take();
        return binary(t, op, take());
    }
    if (is_unary(t) && ntok >= 1)
        return unary(t, take());
    return t[0] != '\0';
}

static int expr_and(void)
{
    int v = primary();

    while (ntok > 0 && strcmp(tok[0], "-a") == 0) {
        take();
        v = primary() && v;     /* evaluate both: a syntax error must not hide */
    }
    return v;
}

static int expr_or(void)
{
    int v = expr_and();

    while (ntok > 0 && strcmp(tok[0], "-o") == 0) {
        take();
        v = expr_and() || v;
    }
    return v;
}

/* POSIX's rules for 0 to 4 arguments; the grammar beyond. */
static int evaluate(char **a, int n)
{
    switch (n) {
    case 0:
        return 0;
    case 1:
        return a[0][0] != '\0';
    case 2:
        if (strcmp(a[0], "!") == 0)
            return a[1][0] == '\0';
        if (is_unary(a[0]))
            return unary(a[0], a[1]);
        syntax_error("unary operator expected", a[0]);
        break;
    case 3:
        if (is_binary(a[1]))
            return binary(a[0], a[1], a[2]);
        if (strcmp(a[1], "-a") == 0)
            return a[0][0] != '\0' && a[2][0] != '\0';
        if (strcmp(a[1], "-o") == 0)
            return a[0][0] != '\0' || a[2][0] != '\0';
        if (strcmp(a[0], "!") == 0)
            return !evaluate(a + 1, 2);
        if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
            return a[1][0] != '\0';
        syntax_error("binary operator expected", a[1]);
        break;
    case 4:
        if (strcmp(a[0], "!") == 0)
            return !evaluate(a + 1, 3);
        if (strcmp(a[0], "(") == 0 && strcmp(a[3], ")") == 0)
            return evaluate(a + 1, 2);
        break;
    }
    tok = a;
    ntok = n;
    {
        int v = expr_or();
        if (ntok > 0)
            syntax_error("extra argument", tok[0]);
        return v;
    }
}

int main(int argc, char **argv)
{
    const char *name = strrchr(argv[0], '/');

    name = name != NULL ? name + 1 : argv[0];
    if (strcmp(name, "[") == 0) {
        if (argc < 2 || strcmp(argv[argc - 1], "]") != 0) {
            fprintf(stderr, "[: missing ']'\n");
            return 2;
        }
        argc--;
    }
    return evaluate(argv + 1, argc - 1) ? 0 : 1;
}
