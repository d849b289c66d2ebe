/*
 * heap.c - the interpreter's memory (an arena), the constructors of values, symbols, and fail().
 *
 * Why an arena and no garbage collector: nothing is ever freed here, and that is honest because
 * of how the zygote lives. The zygote allocates once, at start-up (the library's code and its
 * environment: exactly the warm state every call wants), and never again; each call runs in a
 * forked child that exits when it has answered, and its exit frees all the child allocated at
 * once. A collector would only run inside a child that is about to die anyway. The arena has a
 * limit, so a function that allocates without end fails with "out of memory" (an HTTP 500), as
 * one that loops without end fails on the step limit (eval.c).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lisp.h"

#define CHUNK (64 * 1024)           /* the arena grows by chunks of this size */
#define SYMBOL_BUCKETS 512

static char *chunk;                 /* the chunk being filled */
static size_t chunk_free;
static size_t used;
static const size_t limit = 64 << 20;     /* bytes a call may allocate, with the library's */

jmp_buf *fail_handler;
char fail_message[256];

const value NIL = {K_NIL};
const value TRUE = {K_BOOL, {1}};
const value FALSE = {K_BOOL, {0}};

_Noreturn void fail(enum failure kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(fail_message, sizeof fail_message, fmt, ap);
    va_end(ap);
    if (!fail_handler) {            /* a bug in faas: there is always a handler while Lisp runs */
        fprintf(stderr, "faas: %s\n", fail_message);
        exit(1);
    }
    longjmp(*fail_handler, kind);
}

size_t arena_used(void) { return used; }

static void *system_memory(size_t n)
{
    if (used + n > limit)
        fail(FAIL_LIMIT, "out of memory (the limit is %ld bytes)", (long)limit);
    void *p = calloc(1, n);
    if (!p)
        fail(FAIL_LIMIT, "out of memory");
    used += n;
    return p;
}

void *arena_alloc(size_t n)
{
    n = (n + 15) & ~(size_t)15;     /* capabilities inside objects need 16-byte alignment */
    if (n > CHUNK / 4)              /* a big string: a block of its own */
        return system_memory(n);
    if (n > chunk_free) {
        chunk = system_memory(CHUNK);
        chunk_free = CHUNK;
    }
    void *p = chunk;
    chunk += n;
    chunk_free -= n;
    return p;
}

/* ---- values ---- */

value make_int(long i) { value v = {K_INT}; v.as.i = i; return v; }
value make_real(double d) { value v = {K_REAL}; v.as.d = d; return v; }
value make_bool(int b) { return b ? TRUE : FALSE; }

value make_string(const char *chars, long len)
{
    struct string *s = arena_alloc(sizeof *s);
    s->chars = arena_alloc(len + 1);
    memcpy(s->chars, chars, len);
    s->len = len;
    value v = {K_STRING};
    v.as.str = s;
    return v;
}

value make_cstring(const char *s) { return make_string(s, strlen(s)); }

value cons(value car, value cdr)
{
    struct pair *p = arena_alloc(sizeof *p);
    p->car = car;
    p->cdr = cdr;
    value v = {K_PAIR};
    v.as.pair = p;
    return v;
}

/* ---- symbols: one object per name, so that comparing symbols is comparing pointers ---- */

static struct symbol *symbols[SYMBOL_BUCKETS];

static unsigned hash(const char *s, long len)
{
    unsigned h = 5381;
    for (long i = 0; i < len; i++)
        h = h * 33 + (unsigned char)s[i];
    return h % SYMBOL_BUCKETS;
}

value intern_n(const char *name, long len)
{
    struct symbol **bucket = &symbols[hash(name, len)];
    struct symbol *s;
    for (s = *bucket; s; s = s->next)
        if ((long)strlen(s->name) == len && memcmp(s->name, name, len) == 0)
            break;
    if (!s) {
        char *copy = arena_alloc(len + 1);
        memcpy(copy, name, len);
        s = arena_alloc(sizeof *s);
        s->name = copy;
        s->next = *bucket;
        *bucket = s;
    }
    value v = {K_SYMBOL};
    v.as.sym = s;
    return v;
}

value intern(const char *name) { return intern_n(name, strlen(name)); }

/* ---- questions about values ---- */

int is_true(value v) { return !(v.kind == K_BOOL && !v.as.i); }
int is_number(value v) { return v.kind == K_INT || v.kind == K_REAL; }
double as_double(value v) { return v.kind == K_INT ? (double)v.as.i : v.as.d; }

int is_list(value v)
{
    while (v.kind == K_PAIR)
        v = v.as.pair->cdr;
    return v.kind == K_NIL;
}

long list_length(value v)
{
    long n = 0;
    for (; v.kind == K_PAIR; v = v.as.pair->cdr)
        n++;
    return n;
}

value car(value v)
{
    if (v.kind != K_PAIR)
        fail(FAIL_ERROR, "car: not a pair: %s", kind_name(v.kind));
    return v.as.pair->car;
}

value cdr(value v)
{
    if (v.kind != K_PAIR)
        fail(FAIL_ERROR, "cdr: not a pair: %s", kind_name(v.kind));
    return v.as.pair->cdr;
}

int eq(value a, value b)
{
    if (a.kind != b.kind)
        return 0;
    switch (a.kind) {
    case K_NIL: return 1;
    case K_BOOL: case K_INT: return a.as.i == b.as.i;
    case K_REAL: return a.as.d == b.as.d;
    case K_STRING: return a.as.str == b.as.str;
    case K_SYMBOL: return a.as.sym == b.as.sym;
    case K_PAIR: return a.as.pair == b.as.pair;
    case K_PRIM: return a.as.prim == b.as.prim;
    case K_CLOSURE: return a.as.fn == b.as.fn;
    }
    return 0;
}

int equal(value a, value b)
{
    if (is_number(a) && is_number(b))
        return as_double(a) == as_double(b);
    if (a.kind == K_STRING && b.kind == K_STRING)
        return a.as.str->len == b.as.str->len &&
               memcmp(a.as.str->chars, b.as.str->chars, a.as.str->len) == 0;
    if (a.kind == K_PAIR && b.kind == K_PAIR)
        return equal(a.as.pair->car, b.as.pair->car) && equal(a.as.pair->cdr, b.as.pair->cdr);
    return eq(a, b);
}

const char *kind_name(enum kind k)
{
    static const char *names[] = {"()", "boolean", "integer", "real", "string", "symbol", "pair",
                                  "primitive", "procedure"};
    return names[k];
}
