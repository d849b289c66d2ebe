/*
 * print.c - values to text: a buffer that grows, and the Lisp printer.
 *
 * write shows a value as the reader would read it back ("a\"b", 1.5, (1 . 2)); display shows
 * strings as their characters (what a person reads). A real always shows a '.' or an exponent,
 * with the fewest digits that read back as the same double.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lisp.h"

void buf_init(struct buf *b)
{
    b->cap = 64;
    b->len = 0;
    b->s = malloc(b->cap);
    if (!b->s)
        fail(FAIL_LIMIT, "out of memory");
    b->s[0] = '\0';
}

void buf_addn(struct buf *b, const char *s, long n)
{
    if (b->len + n + 1 > b->cap) {
        long cap = b->cap;
        while (b->len + n + 1 > cap)
            cap *= 2;
        char *bigger = realloc(b->s, cap);
        if (!bigger)
            fail(FAIL_LIMIT, "out of memory");
        b->s = bigger;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void buf_adds(struct buf *b, const char *s) { buf_addn(b, s, strlen(s)); }

void buf_printf(struct buf *b, const char *fmt, ...)
{
    char text[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    buf_addn(b, text, n < (int)sizeof text ? n : (int)sizeof text - 1);
}

void print_real(struct buf *b, double d)
{
    char text[40];
    if (isnan(d) || isinf(d)) {
        buf_adds(b, isnan(d) ? "+nan.0" : d > 0 ? "+inf.0" : "-inf.0");
        return;
    }
    for (int precision = 15; precision <= 17; precision++) {
        snprintf(text, sizeof text, "%.*g", precision, d);
        if (strtod(text, NULL) == d)
            break;
    }
    buf_adds(b, text);
    if (!strpbrk(text, ".e"))
        buf_adds(b, ".0");
}

static void print_string(struct buf *b, struct string *s, int readable)
{
    if (!readable) {
        buf_addn(b, s->chars, s->len);
        return;
    }
    buf_adds(b, "\"");
    for (long i = 0; i < s->len; i++) {
        char c = s->chars[i];
        const char *escape = c == '"' ? "\\\"" : c == '\\' ? "\\\\"
                           : c == '\n' ? "\\n" : c == '\t' ? "\\t" : NULL;
        if (escape)
            buf_adds(b, escape);
        else
            buf_addn(b, &c, 1);
    }
    buf_adds(b, "\"");
}

static void print_list(struct buf *b, value v, int readable)
{
    buf_adds(b, "(");
    for (;;) {
        print_value(b, v.as.pair->car, readable);
        v = v.as.pair->cdr;
        if (v.kind != K_PAIR)
            break;
        buf_adds(b, " ");
    }
    if (v.kind != K_NIL) {
        buf_adds(b, " . ");
        print_value(b, v, readable);
    }
    buf_adds(b, ")");
}

void print_value(struct buf *b, value v, int readable)
{
    switch (v.kind) {
    case K_NIL: buf_adds(b, "()"); break;
    case K_BOOL: buf_adds(b, v.as.i ? "#t" : "#f"); break;
    case K_INT: buf_printf(b, "%ld", v.as.i); break;
    case K_REAL: print_real(b, v.as.d); break;
    case K_STRING: print_string(b, v.as.str, readable); break;
    case K_SYMBOL: buf_adds(b, v.as.sym->name); break;
    case K_PAIR: print_list(b, v, readable); break;
    case K_PRIM: buf_printf(b, "#<primitive %s>", v.as.prim->name); break;
    case K_CLOSURE: buf_printf(b, "#<procedure %s>", v.as.fn->name); break;
    }
}
