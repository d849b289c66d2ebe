/*
 * json.c - JSON (RFC 8259) to values and back: a function's arguments come in as JSON, its
 * result goes out as JSON.
 *
 *   JSON                 Lisp
 *   1  -2               integer (a number without '.' or exponent that fits in a long)
 *   1.5  1e3            real
 *   "text"              string
 *   true false          #t #f
 *   null                ()     (and () goes back as [])
 *   [a, b]              (a b)
 *   {"k": v, ...}       (("k" . v) ...)   an association list
 *
 * Back to JSON the same way; a list whose every element is a pair with a string or a symbol
 * in front is an association list, and becomes an object: (("the" . 2)) is {"the": 2}. A real
 * that is not finite, which JSON cannot say, becomes null.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "lisp.h"

#define MAX_NESTING 64

struct json { const char *text; long pos, len; int depth; };

_Noreturn static void bad(struct json *j, const char *what)
{
    fail(FAIL_ARGUMENT, "bad JSON at offset %ld: %s", j->pos, what);
}

static void skip_space(struct json *j)
{
    while (j->pos < j->len && strchr(" \t\r\n", j->text[j->pos]))
        j->pos++;
}

static int peek(struct json *j) { return j->pos < j->len ? (unsigned char)j->text[j->pos] : -1; }

static void expect(struct json *j, const char *word)
{
    long n = strlen(word);
    if (j->len - j->pos < n || memcmp(j->text + j->pos, word, n) != 0)
        bad(j, "expected a value");
    j->pos += n;
}

static value parse_value(struct json *j);

static long hex4(struct json *j)
{
    long code = 0;
    for (int i = 0; i < 4; i++) {
        int c = peek(j);
        if (c < 0 || !isxdigit(c))
            bad(j, "\\u needs four hex digits");
        code = code * 16 + (isdigit(c) ? c - '0' : tolower(c) - 'a' + 10);
        j->pos++;
    }
    return code;
}

static void add_utf8(struct buf *b, long code)
{
    char out[4];
    int n;
    if (code < 0x80) { out[0] = (char)code; n = 1; }
    else if (code < 0x800) { out[0] = (char)(0xC0 | code >> 6); out[1] = (char)(0x80 | (code & 0x3F)); n = 2; }
    else if (code < 0x10000) {
        out[0] = (char)(0xE0 | code >> 12); out[1] = (char)(0x80 | ((code >> 6) & 0x3F));
        out[2] = (char)(0x80 | (code & 0x3F)); n = 3;
    } else {
        out[0] = (char)(0xF0 | code >> 18); out[1] = (char)(0x80 | ((code >> 12) & 0x3F));
        out[2] = (char)(0x80 | ((code >> 6) & 0x3F)); out[3] = (char)(0x80 | (code & 0x3F)); n = 4;
    }
    buf_addn(b, out, n);
}

/* \uXXXX, or a surrogate pair \uD8XX\uDCXX of a character beyond the 16-bit plane. */
static long unicode_escape(struct json *j)
{
    long code = hex4(j);
    if (code >= 0xDC00 && code < 0xE000)
        bad(j, "a lone low surrogate");
    if (code >= 0xD800 && code < 0xDC00) {
        if (j->len - j->pos < 2 || j->text[j->pos] != '\\' || j->text[j->pos + 1] != 'u')
            bad(j, "a high surrogate without its low half");
        j->pos += 2;
        long low = hex4(j);
        if (low < 0xDC00 || low >= 0xE000)
            bad(j, "a high surrogate without its low half");
        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
    }
    return code;
}

static value parse_string(struct json *j)
{
    struct buf b;
    buf_init(&b);
    j->pos++;                       /* the opening quote */
    for (;;) {
        int c = peek(j);
        if (c < 0)
            bad(j, "a string is not closed");
        j->pos++;
        if (c == '"')
            break;
        if (c < 0x20)
            bad(j, "a control character in a string");
        if (c != '\\') {
            char ch = (char)c;
            buf_addn(&b, &ch, 1);
            continue;
        }
        c = peek(j);
        j->pos++;
        const char *from = "\"\\/bfnrt", *to = "\"\\/\b\f\n\r\t";
        const char *at = c > 0 ? strchr(from, c) : NULL;
        if (c == 'u')
            add_utf8(&b, unicode_escape(j));
        else if (at)
            buf_addn(&b, to + (at - from), 1);
        else
            bad(j, "an unknown escape in a string");
    }
    value v = make_string(b.s, b.len);
    free(b.s);
    return v;
}

static long digits(struct json *j)
{
    long start = j->pos;
    while (peek(j) >= 0 && isdigit(peek(j)))
        j->pos++;
    return j->pos - start;
}

static value json_number(struct json *j)
{
    long start = j->pos;
    int integral = 1;
    if (peek(j) == '-')
        j->pos++;
    long n = digits(j);
    if (n == 0 || (n > 1 && j->text[j->pos - n] == '0'))
        bad(j, "a number needs digits, without leading zeros");
    if (peek(j) == '.') {
        j->pos++;
        integral = 0;
        if (digits(j) == 0)
            bad(j, "digits must follow '.'");
    }
    if (peek(j) == 'e' || peek(j) == 'E') {
        j->pos++;
        integral = 0;
        if (peek(j) == '+' || peek(j) == '-')
            j->pos++;
        if (digits(j) == 0)
            bad(j, "an exponent needs digits");
    }
    char text[64];
    long len = j->pos - start;
    if (len >= (long)sizeof text)
        bad(j, "a number too long");
    memcpy(text, j->text + start, len);
    text[len] = '\0';
    if (integral) {
        errno = 0;
        long i = strtol(text, NULL, 10);
        if (errno != ERANGE)
            return make_int(i);
    }
    return make_real(strtod(text, NULL));
}

/* The elements of [ ... ] or the members of { ... }, each parsed by member. */
static value parse_sequence(struct json *j, int close, value (*member)(struct json *))
{
    value head = NIL, *tail = &head;
    if (++j->depth > MAX_NESTING)
        bad(j, "nested too deep");
    j->pos++;
    skip_space(j);
    if (peek(j) == close) {
        j->pos++;
        j->depth--;
        return head;
    }
    for (;;) {
        *tail = cons(member(j), NIL);
        tail = &tail->as.pair->cdr;
        skip_space(j);
        int c = peek(j);
        j->pos++;
        if (c == close)
            break;
        if (c != ',')
            bad(j, close == ']' ? "expected ',' or ']'" : "expected ',' or '}'");
    }
    j->depth--;
    return head;
}

static value object_member(struct json *j)
{
    skip_space(j);
    if (peek(j) != '"')
        bad(j, "an object's key must be a string");
    value key = parse_string(j);
    skip_space(j);
    if (peek(j) != ':')
        bad(j, "expected ':'");
    j->pos++;
    return cons(key, parse_value(j));
}

static value parse_value(struct json *j)
{
    skip_space(j);
    int c = peek(j);
    switch (c) {
    case '{': return parse_sequence(j, '}', object_member);
    case '[': return parse_sequence(j, ']', parse_value);
    case '"': return parse_string(j);
    case 't': expect(j, "true"); return TRUE;
    case 'f': expect(j, "false"); return FALSE;
    case 'n': expect(j, "null"); return NIL;
    }
    if (c == '-' || (c >= 0 && isdigit(c)))
        return json_number(j);
    bad(j, c < 0 ? "the text ends where a value should be" : "expected a value");
}

value json_parse(const char *text, long len)
{
    struct json j = {text, 0, len, 0};
    value v = parse_value(&j);
    skip_space(&j);
    if (j.pos != len)
        bad(&j, "text after the value");
    return v;
}

/* ---- writing ---- */

void json_write_string(struct buf *b, const char *s, long len)
{
    buf_adds(b, "\"");
    for (long i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            buf_adds(b, c == '"' ? "\\\"" : "\\\\");
        } else if (c < 0x20) {
            buf_printf(b, "\\u%04x", c);
        } else {
            char ch = (char)c;
            buf_addn(b, &ch, 1);
        }
    }
    buf_adds(b, "\"");
}

static int is_key(value v) { return v.kind == K_STRING || v.kind == K_SYMBOL; }

static int is_alist(value v)
{
    if (v.kind != K_PAIR)
        return 0;
    for (; v.kind == K_PAIR; v = v.as.pair->cdr)
        if (v.as.pair->car.kind != K_PAIR || !is_key(v.as.pair->car.as.pair->car))
            return 0;
    return v.kind == K_NIL;
}

static void write_key(struct buf *b, value key)
{
    if (key.kind == K_STRING)
        json_write_string(b, key.as.str->chars, key.as.str->len);
    else
        json_write_string(b, key.as.sym->name, strlen(key.as.sym->name));
}

static int write_depth;              /* lists being written, one inside the other */

static void write_sequence(struct buf *b, value v, int object)
{
    if (++write_depth > MAX_NESTING)
        fail(FAIL_ERROR, "the result is nested deeper than %d lists", MAX_NESTING);
    buf_adds(b, object ? "{" : "[");
    for (; v.kind == K_PAIR; v = v.as.pair->cdr) {
        value item = v.as.pair->car;
        if (object) {
            write_key(b, item.as.pair->car);
            buf_adds(b, ": ");
            json_write(b, item.as.pair->cdr);
        } else {
            json_write(b, item);
        }
        if (v.as.pair->cdr.kind == K_PAIR)
            buf_adds(b, ", ");
    }
    buf_adds(b, object ? "}" : "]");
    write_depth--;
}

void json_write(struct buf *b, value v)
{
    switch (v.kind) {
    case K_NIL: buf_adds(b, "[]"); break;
    case K_BOOL: buf_adds(b, v.as.i ? "true" : "false"); break;
    case K_INT: buf_printf(b, "%ld", v.as.i); break;
    case K_REAL:
        if (isfinite(v.as.d))
            print_real(b, v.as.d);
        else
            buf_adds(b, "null");
        break;
    case K_STRING: json_write_string(b, v.as.str->chars, v.as.str->len); break;
    case K_SYMBOL: write_key(b, v); break;
    case K_PAIR:
        if (!is_list(v))
            fail(FAIL_ERROR, "the result has a dotted pair, which JSON cannot say");
        write_sequence(b, v, is_alist(v));
        break;
    case K_PRIM: case K_CLOSURE:
        fail(FAIL_ERROR, "the result is a procedure, which JSON cannot say");
    }
}
