/*
 * reader.c - text to values: the Lisp reader.
 *
 *   42 -7          integers          1.5 -2e-3 .5   reals (anything strtod reads whole)
 *   "a\"b\n"       strings           #t #f          booleans
 *   (a b . c)      lists, dotted     'x             (quote x)
 *   ; ...          a comment to the end of the line
 *   anything else  a symbol: foo, set!, <=, string->number
 *
 * A syntax error fails; whoever reads says on which line (r->line).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "lisp.h"

void reader_init(struct reader *r, const char *text, long len)
{
    r->text = text;
    r->len = len;
    r->pos = 0;
    r->line = 1;
}

static int peek(struct reader *r) { return r->pos < r->len ? (unsigned char)r->text[r->pos] : -1; }

static int next(struct reader *r)
{
    int c = peek(r);
    if (c >= 0) {
        r->pos++;
        if (c == '\n')
            r->line++;
    }
    return c;
}

static void skip_space(struct reader *r)
{
    for (;;) {
        int c = peek(r);
        if (c == ';')
            while (peek(r) >= 0 && peek(r) != '\n')
                next(r);
        else if (c >= 0 && isspace(c))
            next(r);
        else
            return;
    }
}

static int is_delimiter(int c)
{
    return c < 0 || isspace(c) || c == '(' || c == ')' || c == '"' || c == ';' || c == '\'';
}

static value read_string(struct reader *r)
{
    struct buf b;
    buf_init(&b);
    next(r);                        /* the opening quote */
    for (;;) {
        int c = next(r);
        if (c < 0)
            fail(FAIL_ERROR, "a string is not closed");
        if (c == '"')
            break;
        if (c == '\\') {
            c = next(r);
            c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c;
            if (c < 0)
                fail(FAIL_ERROR, "a string is not closed");
        }
        char ch = (char)c;
        buf_addn(&b, &ch, 1);
    }
    value v = make_string(b.s, b.len);
    free(b.s);
    return v;
}

/* A number if the whole token is one: an integer if it is all digits, else a real. */
int parse_number(const char *token, value *out)
{
    char *end;
    const char *digits = token + (token[0] == '-' || token[0] == '+');
    if (!isdigit((unsigned char)digits[0]) && !(digits[0] == '.' && isdigit((unsigned char)digits[1])))
        return 0;
    long i = strtol(token, &end, 10);
    if (*end == '\0') {
        *out = make_int(i);
        return 1;
    }
    double d = strtod(token, &end);
    if (*end != '\0')
        return 0;
    *out = make_real(d);
    return 1;
}

static value read_atom(struct reader *r)
{
    long start = r->pos;
    while (!is_delimiter(peek(r)))
        next(r);
    long len = r->pos - start;
    char token[64];
    if (len < (long)sizeof token) {
        memcpy(token, r->text + start, len);
        token[len] = '\0';
        value number;
        if (parse_number(token, &number))
            return number;
        if (strcmp(token, "#t") == 0)
            return TRUE;
        if (strcmp(token, "#f") == 0)
            return FALSE;
    }
    return intern_n(r->text + start, len);
}

static value read_form(struct reader *r);

/* After the '(': the elements, a '.' before the last one of a dotted list, then ')'. */
static value read_list(struct reader *r)
{
    int line = r->line;
    value head = NIL, *tail = &head;
    next(r);
    for (;;) {
        skip_space(r);
        int c = peek(r);
        if (c < 0)
            fail(FAIL_ERROR, "a list opened on line %d is not closed", line);
        if (c == ')') {
            next(r);
            return head;
        }
        if (c == '.' && r->pos + 1 < r->len && is_delimiter((unsigned char)r->text[r->pos + 1])) {
            next(r);
            if (head.kind == K_NIL)
                fail(FAIL_ERROR, "nothing before '.'");
            *tail = read_form(r);
            skip_space(r);
            if (next(r) != ')')
                fail(FAIL_ERROR, "one value only after '.'");
            return head;
        }
        *tail = cons(read_form(r), NIL);
        tail = &tail->as.pair->cdr;
    }
}

static value read_form(struct reader *r)
{
    skip_space(r);
    int c = peek(r);
    if (c < 0)
        fail(FAIL_ERROR, "the text ends inside an expression");
    if (c == '(')
        return read_list(r);
    if (c == ')')
        fail(FAIL_ERROR, "unexpected ')'");
    if (c == '"')
        return read_string(r);
    if (c == '\'') {
        next(r);
        return cons(intern("quote"), cons(read_form(r), NIL));
    }
    return read_atom(r);
}

int read_value(struct reader *r, value *out)
{
    skip_space(r);
    if (peek(r) < 0)
        return 0;
    *out = read_form(r);
    return 1;
}
