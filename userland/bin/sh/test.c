/*
 * test.c - test and [ : evaluate a condition; 0 if it is true, 1 if it is false, 2 on a mistake.
 * The one implementation, shared by the shell's builtins and /bin/test (see tools.h).
 *
 *     test EXPRESSION
 *     [ EXPRESSION ]          (the same command, called "["; the last argument must be "]")
 *
 * Expressions:
 *     STRING                 STRING is not empty            -n STRING / -z STRING: (not) empty
 *     S1 = S2   S1 != S2     strings equal / different      S1 < S2   S1 > S2: in byte order
 *     N1 -eq N2  (-ne -lt -le -gt -ge)                      integer comparisons
 *     -e FILE exists   -f a regular file   -d a directory   -s not empty   -L / -h a symbolic
 *     link   -p a FIFO   -c / -b a device   -S a socket   -r / -w / -x readable, writable,
 *     executable   -u / -g / -k set-user-ID, set-group-ID, sticky   -O / -G owned by my user,
 *     group   -t FD: a terminal   F1 -nt F2 / F1 -ot F2: newer / older   F1 -ef F2: the same file
 *     ! EXPR   EXPR -a EXPR   EXPR -o EXPR   ( EXPR )    not, and (binds tighter), or
 *
 * With up to four arguments POSIX's rules decide what each one is, before any grammar: "test -f"
 * is true (one non-empty string), "test ! = x" compares "!" with "x", "[ ( = ( ]" compares "("
 * with "(". What those rules leave open, and longer expressions, the grammar decides:
 *
 *     or      := and ('-o' and)*
 *     and     := primary ('-a' primary)*
 *     primary := '!' primary | '(' or ')' | ARG BINARY ARG | UNARY ARG | ARG
 *
 * in that order, so "-n = x" compares "-n" with "x", and a "(" that ends the arguments is a string.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "tools.h"

static const char *name;        /* "test" or "[", for messages */
static warn_fn warn;
static jmp_buf *on_error;       /* where a mistake goes: back to test_main, which returns 2 */
static char **tok;              /* the grammar's remaining arguments */
static int ntok;

/* Report a mistake and abandon the expression. fmt's first %s is the command's name, its second
 * arg. (A builtin must not exit: the shell would go with it.) */
static _Noreturn void fail(const char *fmt, const char *arg)
{
    warn(fmt, name, arg);
    longjmp(*on_error, 1);
}

/* A decimal integer, blanks around it allowed, as dash reads one. */
static long integer(const char *s)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(s, &end, 10);
    if (end == s || errno == ERANGE)
        fail("%s: Illegal number: %s", s);
    while (*end == ' ' || *end == '\t' || *end == '\n')
        end++;
    if (*end != '\0')
        fail("%s: Illegal number: %s", s);
    return n;
}

static int is_binary(const char *op)
{
    static const char *ops[] = {"=", "!=", "<", ">", "-eq", "-ne", "-lt", "-le", "-gt", "-ge",
                                "-nt", "-ot", "-ef", NULL};
    int i;

    for (i = 0; ops[i] != NULL; i++)
        if (strcmp(op, ops[i]) == 0)
            return 1;
    return 0;
}

static int is_unary(const char *op)
{
    return op[0] == '-' && op[1] != '\0' && op[2] == '\0' && strchr("bcdefgGhkLnOprsStuwxz", op[1]) != NULL;
}

/* Is a newer than b? A file that exists is newer than one that does not (POSIX 2024). */
static int newer(const char *a, const char *b)
{
    struct stat sa, sb;

    if (stat(a, &sa) < 0)
        return 0;
    if (stat(b, &sb) < 0)
        return 1;
    return sa.st_mtim.tv_sec > sb.st_mtim.tv_sec
        || (sa.st_mtim.tv_sec == sb.st_mtim.tv_sec && sa.st_mtim.tv_nsec > sb.st_mtim.tv_nsec);
}

static int binary(const char *a, const char *op, const char *b)
{
    struct stat sa, sb;

    if (strcmp(op, "=") == 0) return strcmp(a, b) == 0;
    if (strcmp(op, "!=") == 0) return strcmp(a, b) != 0;
    if (strcmp(op, "<") == 0) return strcmp(a, b) < 0;
    if (strcmp(op, ">") == 0) return strcmp(a, b) > 0;
    if (strcmp(op, "-nt") == 0) return newer(a, b);
    if (strcmp(op, "-ot") == 0) return newer(b, a);
    if (strcmp(op, "-ef") == 0)
        return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
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
    case 'u': return (st.st_mode & S_ISUID) != 0;
    case 'g': return (st.st_mode & S_ISGID) != 0;
    case 'k': return (st.st_mode & S_ISVTX) != 0;
    case 'O': return st.st_uid == geteuid();
    case 'G': return st.st_gid == getegid();
    }
    return 0;
}

/* ---- the grammar ---- */

static int expr_or(void);

/* The next argument; the caller has made sure there is one. */
static const char *take(void)
{
    ntok--;
    return *tok++;
}

/* The argument an operator needs: "[ x -eq ]" is "[: -eq: argument expected" (dash). */
static const char *operand(const char *op)
{
    if (ntok == 0)
        fail("%s: %s: argument expected", op);
    return take();
}

/* Nothing left where a primary should be ("[ x -a ]") is a mistake, as GNU test and POSIX have
 * it (dash calls it false). */
static int primary(void)
{
    const char *t;

    if (ntok == 0)
        fail("%s: argument expected", NULL);
    t = take();
    if (strcmp(t, "!") == 0)
        return !primary();
    if (strcmp(t, "(") == 0 && ntok > 0) {
        int v = expr_or();
        if (ntok == 0 || strcmp(take(), ")") != 0)
            fail("%s: closing paren expected", NULL);
        return v;
    }
    if (ntok >= 1 && is_binary(tok[0])) {
        const char *op = take();
        return binary(t, op, operand(op));
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
        v = primary() && v;     /* evaluate both: a mistake on the right must not hide */
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

/* POSIX's rules for 0 to 4 arguments; the grammar for the rest. */
static int evaluate(char **a, int n)
{
    int v;

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
        break;
    case 3:
        if (is_binary(a[1]))
            return binary(a[0], a[1], a[2]);
        if (strcmp(a[0], "!") == 0)
            return !evaluate(a + 1, 2);
        if (strcmp(a[0], "(") == 0 && strcmp(a[2], ")") == 0)
            return a[1][0] != '\0';
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
    v = expr_or();
    if (ntok > 0)       /* dash names the last argument it used: "[ a == b ]" is "[: a: ..." */
        fail("%s: %s: unexpected operator", tok[-1]);
    return v;
}

int test_main(int argc, char **argv, warn_fn warn_with)
{
    jmp_buf here;
    const char *slash = strrchr(argv[0], '/');

    name = slash != NULL ? slash + 1 : argv[0];
    warn = warn_with;
    if (strcmp(name, "[") == 0) {
        if (strcmp(argv[argc - 1], "]") != 0) {
            warn("[: missing ]");
            return 2;
        }
        argc--;
    }
    if (setjmp(here) != 0)
        return 2;
    on_error = &here;
    return evaluate(argv + 1, argc - 1) ? 0 : 1;
}
