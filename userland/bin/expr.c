/*
 * expr - evaluate an expression, print its value.
 *
 *     expr EXPRESSION          (each operand and operator is an argument of its own)
 *
 * The operators, from the loosest to the tightest binding, all left-associative:
 *     a | b        a if it is neither null nor 0, else b if it is not null, else 0
 *     a & b        a if neither is null nor 0, else 0
 *     a = b   a > b   a >= b   a < b   a <= b   a != b
 *                  1 or 0; compared as integers if both are integers, else as strings
 *     a + b   a - b
 *     a * b   a / b   a % b        integers only (decimal, an optional '-')
 *     s : re       re, a basic regular expression (<regex.h>) anchored at the start of s:
 *                  what its \(...\) matched (null if no match), or without \(...\) the
 *                  number of characters that matched
 *     ( expr )
 * and GNU's string functions, whose arguments are single operands or ( expr ):
 *     match s re       s : re
 *     substr s pos n   the n characters of s from position pos (1 is the first); null if pos or
 *                      n is not a positive integer, or pos is past the end
 *     index s chars    the position of the first character of s that is in chars, or 0
 *     length s         the number of characters of s
 *     + token          token itself, even if it is an operator or a function's name
 *
 * Both sides of | and & are always evaluated (so "1 | 1 / 0" is a division by zero).
 * Exit status: 0 if the value is neither null nor 0, 1 if it is, 2 for an invalid expression
 * (also a non-integer argument to arithmetic, a division by zero, a bad regular expression),
 * 3 if a result or an argument does not fit in a long (integer overflow).
 */
#include <limits.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char **tokens;
static int ntokens, next;

static void die(int status, const char *msg)
{
    fprintf(stderr, "expr: %s\n", msg);
    exit(status);
}

static const char *peek(void)
{
    return next < ntokens ? tokens[next] : NULL;
}

/* If the next token is one of ops (a NULL-terminated list), take it and return it. */
static const char *take(const char *const *ops)
{
    const char *t = peek();
    int i;

    for (i = 0; t != NULL && ops[i] != NULL; i++)
        if (strcmp(t, ops[i]) == 0) {
            next++;
            return ops[i];
        }
    return NULL;
}

static char *from_long(long n)
{
    char buf[32];

    snprintf(buf, sizeof buf, "%ld", n);
    return strdup(buf);
}

/* Is s an integer (an optional '-', then digits)? Stores its value; an integer too big for a
 * long is an overflow (status 3). */
static int to_long(const char *s, long *n)
{
    const char *p = s + (*s == '-');
    long v = 0;

    if (*p == '\0')
        return 0;
    for (; *p != '\0'; p++) {
        int d = *p - '0';
        if (*p < '0' || *p > '9')
            return 0;
        if (v < (LONG_MIN + d) / 10)
            die(3, "integer overflow");
        v = v * 10 - d;                 /* negative, so that LONG_MIN fits */
    }
    if (*s != '-' && v == LONG_MIN)
        die(3, "integer overflow");
    *n = *s == '-' ? v : -v;
    return 1;
}

static int is_null_or_zero(const char *s)
{
    long n;

    return *s == '\0' || (to_long(s, &n) && n == 0);
}

static long arithmetic(const char *op, const char *a, const char *b)
{
    long x, y;

    if (!to_long(a, &x) || !to_long(b, &y))
        die(2, "non-integer argument");
    if ((*op == '/' || *op == '%') && y == 0)
        die(2, "division by zero");
    switch (*op) {
    case '+':
        if ((y > 0 && x > LONG_MAX - y) || (y < 0 && x < LONG_MIN - y))
            die(3, "integer overflow");
        return x + y;
    case '-':
        if ((y < 0 && x > LONG_MAX + y) || (y > 0 && x < LONG_MIN + y))
            die(3, "integer overflow");
        return x - y;
    case '*':
        if (x != 0 && y != 0 && ((x == -1 && y == LONG_MIN) || (y == -1 && x == LONG_MIN) ||
                                  (x != -1 && y != -1 && (x * y) / y != x)))
            die(3, "integer overflow");
        return x * y;
    }
    if (x == LONG_MIN && y == -1)
        die(3, "integer overflow");
    return *op == '/' ? x / y : x % y;
}

static int compare(const char *op, const char *a, const char *b)
{
    long x, y;
    int c;

    if (to_long(a, &x) && to_long(b, &y))
        c = x < y ? -1 : x > y;
    else
        c = strcoll(a, b);
    if (strcmp(op, "=") == 0) return c == 0;
    if (strcmp(op, "!=") == 0) return c != 0;
    if (strcmp(op, "<") == 0) return c < 0;
    if (strcmp(op, "<=") == 0) return c <= 0;
    if (strcmp(op, ">") == 0) return c > 0;
    return c >= 0;
}

/* s : pattern */
static char *match(const char *s, const char *pattern)
{
    regex_t re;
    regmatch_t m[2];
    int err = regcomp(&re, pattern, 0);
    char *result;

    if (err != 0) {
        char msg[128];
        regerror(err, &re, msg, sizeof msg);
        die(2, msg);
    }
    if (regexec(&re, s, 2, m, 0) != 0 || m[0].rm_so != 0)
        result = re.re_nsub > 0 ? strdup("") : from_long(0);
    else if (re.re_nsub == 0)
        result = from_long((long)m[0].rm_eo);
    else if (m[1].rm_so < 0)
        result = strdup("");
    else
        result = strndup(s + m[1].rm_so, (size_t)(m[1].rm_eo - m[1].rm_so));
    regfree(&re);
    return result;
}

static char *parse_or(void);
static char *parse_primary(void);

/* substr s pos n */
static char *substring(const char *s, const char *pos, const char *n)
{
    long p, len, size = (long)strlen(s);

    if (!to_long(pos, &p) || !to_long(n, &len) || p <= 0 || len <= 0 || p > size)
        return strdup("");
    return strndup(s + p - 1, (size_t)len);
}

/* index s chars */
static long first_of(const char *s, const char *chars)
{
    size_t at = strcspn(s, chars);
    return s[at] ? (long)at + 1 : 0;
}

/* One of GNU's string functions, named by t, its arguments the primaries after it. */
static char *apply_function(const char *t)
{
    char *a = parse_primary(), *b, *c, *result;

    if (strcmp(t, "length") == 0) {
        result = from_long((long)strlen(a));
        free(a);
        return result;
    }
    b = parse_primary();
    if (strcmp(t, "match") == 0)
        result = match(a, b);
    else if (strcmp(t, "index") == 0)
        result = from_long(first_of(a, b));
    else {
        c = parse_primary();
        result = substring(a, b, c);
        free(c);
    }
    free(a);
    free(b);
    return result;
}

static char *parse_primary(void)
{
    static const char *const functions[] = {"match", "substr", "index", "length", NULL};
    const char *t = peek();
    char *value;
    int i;

    if (t == NULL)
        die(2, "syntax error: missing argument");
    next++;
    if (strcmp(t, "+") == 0 && peek() != NULL)
        return strdup(tokens[next++]);
    for (i = 0; functions[i] != NULL; i++)
        if (strcmp(t, functions[i]) == 0)
            return apply_function(t);
    if (strcmp(t, "(") != 0)
        return strdup(t);
    value = parse_or();
    if (peek() == NULL || strcmp(peek(), ")") != 0)
        die(2, "syntax error: expecting ')'");
    next++;
    return value;
}

static char *parse_match(void)
{
    static const char *const ops[] = {":", NULL};
    char *value = parse_primary(), *pattern, *result;

    while (take(ops) != NULL) {
        pattern = parse_primary();
        result = match(value, pattern);
        free(value);
        free(pattern);
        value = result;
    }
    return value;
}

/* One level of left-associative binary operators: operands from operand(), each operator
 * applied by apply(). */
static char *parse_binary(const char *const *ops, char *(*operand)(void),
                          char *(*apply)(const char *op, char *a, char *b))
{
    char *value = operand();
    const char *op;

    while ((op = take(ops)) != NULL)
        value = apply(op, value, operand());
    return value;
}

static char *apply_arithmetic(const char *op, char *a, char *b)
{
    char *result = from_long(arithmetic(op, a, b));

    free(a);
    free(b);
    return result;
}

static char *apply_compare(const char *op, char *a, char *b)
{
    char *result = from_long(compare(op, a, b));

    free(a);
    free(b);
    return result;
}

static char *apply_logic(const char *op, char *a, char *b)
{
    char *keep;

    if (*op == '|')
        keep = !is_null_or_zero(a) ? a : *b != '\0' ? b : NULL;
    else
        keep = !is_null_or_zero(a) && !is_null_or_zero(b) ? a : NULL;
    if (keep == NULL)
        keep = from_long(0);
    if (keep != a)
        free(a);
    if (keep != b)
        free(b);
    return keep;
}

static char *parse_mul(void)
{
    static const char *const ops[] = {"*", "/", "%", NULL};
    return parse_binary(ops, parse_match, apply_arithmetic);
}

static char *parse_add(void)
{
    static const char *const ops[] = {"+", "-", NULL};
    return parse_binary(ops, parse_mul, apply_arithmetic);
}

static char *parse_compare(void)
{
    static const char *const ops[] = {"=", "!=", "<", "<=", ">", ">=", NULL};
    return parse_binary(ops, parse_add, apply_compare);
}

static char *parse_and(void)
{
    static const char *const ops[] = {"&", NULL};
    return parse_binary(ops, parse_compare, apply_logic);
}

static char *parse_or(void)
{
    static const char *const ops[] = {"|", NULL};
    return parse_binary(ops, parse_and, apply_logic);
}

int main(int argc, char **argv)
{
    char *value;

    tokens = argv + 1;
    ntokens = argc - 1;
    if (ntokens > 0 && strcmp(tokens[0], "--") == 0) {
        tokens++;
        ntokens--;
    }
    if (ntokens == 0)
        die(2, "syntax error: missing argument");
    value = parse_or();
    if (next < ntokens)
        die(2, "syntax error: unexpected argument");
    puts(value);
    return is_null_or_zero(value) ? 1 : 0;
}
