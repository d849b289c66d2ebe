/*
 * arith.c - arithmetic expansion, $(( expr )): C's integer operators and precedence on longs, by
 * recursive descent, one function per precedence level (lowest first):
 *
 *   assign   NAME (= += -= *= /= %= <<= >>= &= ^= |=) assign
 *   cond     or ? assign : cond
 *   or and   || &&
 *   bitor bitxor bitand   | ^ &
 *   equality relation shift additive multiplicative   == != < <= > >= << >> + - * / %
 *   unary    + - ! ~
 *   primary  number (decimal, 0x hex, 0 octal) | NAME | ( assign )
 *
 * A name stands for its variable's value, read as a number (unset or empty is 0). The right side
 * of && and ||, and the branch of ?: not taken, are parsed but not evaluated (noeval), so
 * $((0 && (x = 1))) does not assign.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct arith {
    const char *s;      /* the whole expression, for messages */
    const char *p;      /* where we are */
    int noeval;         /* inside a branch that is not taken */
};

static _Noreturn void arith_error(struct arith *a, const char *what)
{
    sh_error("arithmetic expression: %s: \"%s\"", what, a->s);
}

static void skip_space(struct arith *a)
{
    while (*a->p == ' ' || *a->p == '\t' || *a->p == '\n')
        a->p++;
}

/* Is the next token op? Then consume it. (Careful: "<" must not match "<<" or "<=".) */
static int accept(struct arith *a, const char *op)
{
    size_t n = strlen(op);

    skip_space(a);
    if (strncmp(a->p, op, n) != 0)
        return 0;
    if (n == 1 && strchr("<>&|", op[0]) && (a->p[1] == op[0] || a->p[1] == '='))
        return 0;
    if (n == 1 && strchr("=!+-*/%^", op[0]) && a->p[1] == '=')
        return 0;
    if (n == 2 && (strcmp(op, "<<") == 0 || strcmp(op, ">>") == 0) && a->p[2] == '=')
        return 0;
    a->p += n;
    return 1;
}

static long number_of(struct arith *a, const char *text)
{
    char *end;
    long v;

    while (*text == ' ' || *text == '\t' || *text == '\n')
        text++;
    if (*text == '\0')
        return 0;
    v = strtol(text, &end, 0);
    while (*end == ' ' || *end == '\t' || *end == '\n')
        end++;
    if (*end != '\0')
        sh_error("Illegal number: %s", text);
    (void)a;
    return v;
}

static int is_name_start(int c)
{
    return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_name_char(int c)
{
    return is_name_start(c) || (c >= '0' && c <= '9');
}

static long parse_assign(struct arith *a);

static long parse_primary(struct arith *a)
{
    long v;

    skip_space(a);
    if (*a->p == '(') {
        a->p++;
        v = parse_assign(a);
        if (!accept(a, ")"))
            arith_error(a, "expecting ')'");
        return v;
    }
    if (*a->p >= '0' && *a->p <= '9') {
        char *end;

        v = strtol(a->p, &end, 0);     /* "08" is 0, then a stray 8 that the caller reports */
        a->p = end;
        return v;
    }
    if (is_name_start(*a->p)) {
        const char *start = a->p;
        char *name;
        const char *value;

        while (is_name_char(*a->p))
            a->p++;
        name = xstrndup(start, (size_t)(a->p - start));
        value = var_get(name);         /* unset is 0, even with set -u (as in dash) */
        free(name);
        return value ? number_of(a, value) : 0;
    }
    arith_error(a, "expecting primary");
}

static long parse_unary(struct arith *a)
{
    if (accept(a, "+"))
        return parse_unary(a);
    if (accept(a, "-"))
        return -parse_unary(a);
    if (accept(a, "!"))
        return !parse_unary(a);
    if (accept(a, "~"))
        return ~parse_unary(a);
    return parse_primary(a);
}

static long divide(struct arith *a, long l, long r, int mod)
{
    if (a->noeval)
        return 0;
    if (r == 0)
        arith_error(a, "division by zero");
    return mod ? l % r : l / r;
}

static long parse_mul(struct arith *a)
{
    long v = parse_unary(a);

    for (;;) {
        if (accept(a, "*"))
            v *= parse_unary(a);
        else if (accept(a, "/"))
            v = divide(a, v, parse_unary(a), 0);
        else if (accept(a, "%"))
            v = divide(a, v, parse_unary(a), 1);
        else
            return v;
    }
}

static long parse_add(struct arith *a)
{
    long v = parse_mul(a);

    for (;;) {
        if (accept(a, "+"))
            v += parse_mul(a);
        else if (accept(a, "-"))
            v -= parse_mul(a);
        else
            return v;
    }
}

static long parse_shift(struct arith *a)
{
    long v = parse_add(a);

    for (;;) {
        if (accept(a, "<<"))
            v <<= parse_add(a);
        else if (accept(a, ">>"))
            v >>= parse_add(a);
        else
            return v;
    }
}

static long parse_relation(struct arith *a)
{
    long v = parse_shift(a);

    for (;;) {
        if (accept(a, "<="))
            v = v <= parse_shift(a);
        else if (accept(a, ">="))
            v = v >= parse_shift(a);
        else if (accept(a, "<"))
            v = v < parse_shift(a);
        else if (accept(a, ">"))
            v = v > parse_shift(a);
        else
            return v;
    }
}

static long parse_equality(struct arith *a)
{
    long v = parse_relation(a);

    for (;;) {
        if (accept(a, "=="))
            v = v == parse_relation(a);
        else if (accept(a, "!="))
            v = v != parse_relation(a);
        else
            return v;
    }
}

static long parse_bitand(struct arith *a)
{
    long v = parse_equality(a);

    while (accept(a, "&"))
        v &= parse_equality(a);
    return v;
}

static long parse_bitxor(struct arith *a)
{
    long v = parse_bitand(a);

    while (accept(a, "^"))
        v ^= parse_bitand(a);
    return v;
}

static long parse_bitor(struct arith *a)
{
    long v = parse_bitxor(a);

    while (accept(a, "|"))
        v |= parse_bitxor(a);
    return v;
}

/* The right side of && and || is evaluated only when it decides the result. */
static long parse_and(struct arith *a)
{
    long v = parse_bitor(a);

    while (accept(a, "&&")) {
        long r;

        if (!v)
            a->noeval++;
        r = parse_bitor(a);
        if (!v)
            a->noeval--;
        v = v && r;
    }
    return v;
}

static long parse_or(struct arith *a)
{
    long v = parse_and(a);

    while (accept(a, "||")) {
        long r;

        if (v)
            a->noeval++;
        r = parse_and(a);
        if (v)
            a->noeval--;
        v = v || r;
    }
    return v;
}

static long parse_cond(struct arith *a)
{
    long c = parse_or(a), yes, no;

    if (!accept(a, "?"))
        return c;
    if (!c)
        a->noeval++;
    yes = parse_assign(a);
    if (!c)
        a->noeval--;
    if (!accept(a, ":"))
        arith_error(a, "expecting ':'");
    if (c)
        a->noeval++;
    no = parse_cond(a);
    if (c)
        a->noeval--;
    return c ? yes : no;
}

/* NAME op= value, or a conditional expression */
static long parse_assign(struct arith *a)
{
    static const char *ops[] = { "=", "+=", "-=", "*=", "/=", "%=", "<<=", ">>=", "&=", "^=", "|=", NULL };
    const char *save;
    const char *start;
    char *name;
    long v, old;
    int i;

    skip_space(a);
    save = a->p;
    if (!is_name_start(*a->p))
        return parse_cond(a);
    start = a->p;
    while (is_name_char(*a->p))
        a->p++;
    name = xstrndup(start, (size_t)(a->p - start));
    skip_space(a);
    for (i = 0; ops[i] != NULL; i++) {
        size_t n = strlen(ops[i]);

        if (strncmp(a->p, ops[i], n) == 0 && !(n == 1 && a->p[1] == '='))
            break;
    }
    if (ops[i] == NULL) {
        free(name);
        a->p = save;
        return parse_cond(a);
    }
    a->p += strlen(ops[i]);
    v = parse_assign(a);
    if (!a->noeval) {
        const char *cur = var_get(name);
        char buf[32];

        old = cur ? number_of(a, cur) : 0;
        switch (ops[i][0]) {
        case '+': v = old + v; break;
        case '-': v = old - v; break;
        case '*': v = old * v; break;
        case '/': v = divide(a, old, v, 0); break;
        case '%': v = divide(a, old, v, 1); break;
        case '<': v = old << v; break;
        case '>': v = old >> v; break;
        case '&': v = old & v; break;
        case '^': v = old ^ v; break;
        case '|': v = old | v; break;
        default: break;
        }
        snprintf(buf, sizeof buf, "%ld", v);
        var_set(name, buf, 0);
    }
    free(name);
    return v;
}

long arith_eval(const char *expr)
{
    struct arith a;
    long v;

    a.s = expr;
    a.p = expr;
    a.noeval = 0;
    skip_space(&a);
    if (*a.p == '\0')
        return 0;           /* $(( )) is 0 */
    v = parse_assign(&a);
    skip_space(&a);
    if (*a.p != '\0')
        arith_error(&a, "expecting EOF");
    return v;
}
