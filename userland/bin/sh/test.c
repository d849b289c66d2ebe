/*
 * test.c - the test builtin, also spelled [ ... ]: 0 if the expression is true, 1 if false, 2 on
 * a mistake.
 *
 *   expr    := and ('-o' and)*
 *   and     := not ('-a' not)*
 *   not     := '!' not | primary
 *   primary := '(' expr ')' | UNARY arg | arg BINARY arg | arg     (a lone arg: is it non-empty?)
 *
 * Where a word could be an operator or an operand, POSIX's rule for short expressions wins: with
 * three arguments, a binary operator in the middle is a comparison, so [ ! = x ] compares "!".
 */
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sh.h"

struct test {
    char **argv;
    int argc;
    int i;              /* the next argument */
    int error;
};

static const char *binary_ops[] = {
    "=", "!=", "-eq", "-ne", "-lt", "-le", "-gt", "-ge", "<", ">", NULL
};

static int is_binary(const char *s)
{
    int i;

    for (i = 0; binary_ops[i] != NULL; i++)
        if (strcmp(s, binary_ops[i]) == 0)
            return 1;
    return 0;
}

static int is_unary(const char *s)
{
    return s[0] == '-' && s[1] != '\0' && s[2] == '\0' && strchr("bcdefghnprsSwxzL", s[1]) != NULL;
}

static const char *peek_arg(struct test *t, int ahead)
{
    return t->i + ahead < t->argc ? t->argv[t->i + ahead] : NULL;
}

static int bad(struct test *t, const char *msg, const char *arg)
{
    if (!t->error) {
        if (arg)
            sh_warn("test: %s: %s", arg, msg);
        else
            sh_warn("test: %s", msg);
    }
    t->error = 1;
    return 0;
}

static int integer(struct test *t, const char *s, long *v)
{
    if (!parse_int(s, v)) {
        bad(t, "Illegal number", s);
        return 0;
    }
    return 1;
}

static int file_test(char op, const char *path)
{
    struct stat st;

    switch (op) {
    case 'r': return access(path, R_OK) == 0;
    case 'w': return access(path, W_OK) == 0;
    case 'x': return access(path, X_OK) == 0;
    case 'L':
    case 'h': return lstat(path, &st) == 0 && S_ISLNK(st.st_mode);
    default: break;
    }
    if (stat(path, &st) < 0)
        return 0;
    switch (op) {
    case 'e': return 1;
    case 'f': return S_ISREG(st.st_mode);
    case 'd': return S_ISDIR(st.st_mode);
    case 'b': return S_ISBLK(st.st_mode);
    case 'c': return S_ISCHR(st.st_mode);
    case 'p': return S_ISFIFO(st.st_mode);
    case 'S': return S_ISSOCK(st.st_mode);
    case 's': return st.st_size > 0;
    case 'g': return (st.st_mode & 02000) != 0;
    case 'u': return (st.st_mode & 04000) != 0;
    default: return 0;
    }
}

static int unary(struct test *t, const char *op, const char *arg)
{
    if (op[1] == 'z')
        return arg[0] == '\0';
    if (op[1] == 'n')
        return arg[0] != '\0';
    if (op[1] == 't') {
        long fd;

        return integer(t, arg, &fd) && isatty((int)fd);
    }
    return file_test(op[1], arg);
}

static int binary(struct test *t, const char *l, const char *op, const char *r)
{
    long a, b;

    if (strcmp(op, "=") == 0)
        return strcmp(l, r) == 0;
    if (strcmp(op, "!=") == 0)
        return strcmp(l, r) != 0;
    if (strcmp(op, "<") == 0)
        return strcmp(l, r) < 0;
    if (strcmp(op, ">") == 0)
        return strcmp(l, r) > 0;
    if (!integer(t, l, &a) || !integer(t, r, &b))
        return 0;
    if (strcmp(op, "-eq") == 0) return a == b;
    if (strcmp(op, "-ne") == 0) return a != b;
    if (strcmp(op, "-lt") == 0) return a < b;
    if (strcmp(op, "-le") == 0) return a <= b;
    if (strcmp(op, "-gt") == 0) return a > b;
    return a >= b;          /* -ge */
}

static int parse_or(struct test *t);

static int parse_primary(struct test *t)
{
    const char *a = peek_arg(t, 0), *b = peek_arg(t, 1), *c = peek_arg(t, 2);
    int v;

    if (a == NULL)
        return bad(t, "argument expected", NULL);
    if (b != NULL && c != NULL && is_binary(b)) {
        t->i += 3;
        return binary(t, a, b, c);
    }
    if (strcmp(a, "(") == 0 && b != NULL) {
        t->i++;
        v = parse_or(t);
        if (peek_arg(t, 0) == NULL || strcmp(peek_arg(t, 0), ")") != 0)
            return bad(t, "closing paren expected", NULL);
        t->i++;
        return v;
    }
    if (is_unary(a) && b != NULL) {
        t->i += 2;
        return unary(t, a, b);
    }
    t->i++;
    return a[0] != '\0';
}

static int parse_not(struct test *t)
{
    const char *a = peek_arg(t, 0), *b = peek_arg(t, 1);

    /* "!" is negation unless it is the left side of a comparison: [ ! = x ] */
    if (a != NULL && strcmp(a, "!") == 0 && b != NULL
        && !(is_binary(b) && peek_arg(t, 2) != NULL && t->argc - t->i == 3)) {
        t->i++;
        return !parse_not(t);
    }
    return parse_primary(t);
}

static int parse_and(struct test *t)
{
    int v = parse_not(t);

    while (peek_arg(t, 0) != NULL && strcmp(peek_arg(t, 0), "-a") == 0) {
        int r;

        t->i++;
        r = parse_not(t);
        v = v && r;
    }
    return v;
}

static int parse_or(struct test *t)
{
    int v = parse_and(t);

    while (peek_arg(t, 0) != NULL && strcmp(peek_arg(t, 0), "-o") == 0) {
        int r;

        t->i++;
        r = parse_and(t);
        v = v || r;
    }
    return v;
}

int builtin_test(int argc, char **argv)
{
    struct test t;
    int v;

    if (strcmp(argv[0], "[") == 0) {
        if (strcmp(argv[argc - 1], "]") != 0) {
            sh_warn("[: missing ]");
            return 2;
        }
        argc--;
    }
    t.argv = argv + 1;
    t.argc = argc - 1;
    t.i = 0;
    t.error = 0;
    if (t.argc == 0)
        return 1;
    v = parse_or(&t);
    if (!t.error && t.i < t.argc)
        bad(&t, "unexpected operator", t.argv[t.i]);
    if (t.error)
        return 2;
    return v ? 0 : 1;
}
