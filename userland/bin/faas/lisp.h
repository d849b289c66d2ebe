/*
 * lisp.h - the FaaS zygote's interpreter: a small Scheme-like Lisp, and what each file exports.
 *
 * How a function call travels through /bin/faas:
 *
 *   heap.c      memory (an arena that is never freed: see the comment there), strings, symbols,
 *               pairs, and errors (fail: a longjmp back to whoever is running the interpreter)
 *   reader.c    text -> values: numbers, strings, symbols, lists, 'quote
 *   eval.c      evaluates a value in an environment: special forms, closures, tail calls, and the
 *               step and stack limits that bound a function that runs away
 *   builtins.c  the primitives written in C: arithmetic, sin/cos/sqrt, lists, strings
 *   print.c     values -> text, as Lisp (write, display), in a growing buffer
 *   json.c      JSON text -> values (a function's arguments) and values -> JSON (its result)
 *   invoke.c    the library: load it, list its exported functions, call one with JSON or form
 *               arguments and say how it went as an HTTP status and a body
 *   server.c    the zygote: listen, fork a child per request, reap; or cold start (exec per call)
 *   main.c      options and the one-shot modes (--call, --eval, --inetd)
 *
 * The library of functions is Lisp, /etc/faas.lisp in the root image (userland/etc/faas.lisp).
 */
#ifndef FAAS_LISP_H
#define FAAS_LISP_H

#include <setjmp.h>
#include <stddef.h>

/* ---- values -------------------------------------------------------------------------------- */

enum kind { K_NIL, K_BOOL, K_INT, K_REAL, K_STRING, K_SYMBOL, K_PAIR, K_PRIM, K_CLOSURE };

/* A value is small and passed by value: numbers and booleans need no memory of their own, so an
 * arithmetic loop allocates nothing. Everything else points into the heap. */
typedef struct value {
    enum kind kind;
    union {
        long i;                     /* K_INT, K_BOOL (0 or 1) */
        double d;                   /* K_REAL */
        struct string *str;
        struct symbol *sym;
        struct pair *pair;
        const struct prim *prim;
        struct closure *fn;
    } as;
} value;

struct string { long len; char *chars; };          /* chars is NUL-terminated too */
struct symbol {
    const char *name;
    struct symbol *next;            /* the next symbol in the same bucket of the symbol table */
    int bound;                      /* has a global value */
    int form;                       /* the special form it names (eval.c), or 0 */
    value global;
};
struct pair { value car, cdr; };

/* A primitive: a C function of its evaluated arguments. max_args < 0: any number. */
struct prim {
    const char *name;
    value (*fn)(int argc, value *argv);
    int min_args, max_args;
};

/* An environment frame: the local variables of one call or let, and the frame around it. */
struct binding { struct symbol *name; value val; struct binding *next; };
struct env {
    struct env *outer;              /* NULL: the next scope is the globals (kept in the symbols) */
    struct binding *vars;
    const struct closure *owner;    /* the closure whose call made this frame, or NULL (a let) */
    int captured;                   /* a lambda was made in it or below: it must outlive the call */
};
struct closure {
    value params;                   /* a list of symbols, possibly dotted (a rest parameter) */
    value body;                     /* a list of expressions */
    struct env *env;
    const char *name;               /* for messages, and the functions' list */
};

extern const value NIL, TRUE, FALSE;

value make_int(long i);
value make_real(double d);
value make_bool(int b);
value make_string(const char *chars, long len);
value make_cstring(const char *s);
value cons(value car, value cdr);
value intern(const char *name);
value intern_n(const char *name, long len);

int is_true(value v);               /* everything but #f is true, as in Scheme */
int is_number(value v);
double as_double(value v);
int is_list(value v);               /* a proper list, ending in () */
long list_length(value v);
value car(value v);                 /* fails on anything but a pair */
value cdr(value v);
int eq(value a, value b);           /* the same object (or the same number) */
int equal(value a, value b);        /* the same structure */
const char *kind_name(enum kind k);

/* ---- heap.c: memory and errors -------------------------------------------------------------- */

void *arena_alloc(size_t n);        /* zeroed; fails with "out of memory" past the arena's limit */
size_t arena_used(void);

/* What went wrong, for the caller that set up the handler (invoke.c maps it to an HTTP status). */
enum failure { FAIL_ERROR = 1, FAIL_ARGUMENT, FAIL_LIMIT };
extern jmp_buf *fail_handler;       /* where fail() jumps; the caller's setjmp */
extern char fail_message[256];
_Noreturn void fail(enum failure kind, const char *fmt, ...);

/* ---- reader.c ------------------------------------------------------------------------------ */

struct reader {
    const char *text;
    long pos, len;
    int line;
};
void reader_init(struct reader *r, const char *text, long len);
int read_value(struct reader *r, value *out);   /* 0 at the end of the text */
int parse_number(const char *token, value *out); /* 0: the whole token is not a number */

/* ---- eval.c -------------------------------------------------------------------------------- */

extern long step_limit;             /* evaluation steps one call may take; 0: no limit */
extern long steps;                  /* steps taken since the last reset */
value eval(value x, struct env *env);
value apply(value fn, int argc, value *argv);
void define_global(value sym, value val);
void eval_init(void);
void eval_reset(void);              /* before an evaluation: the stack's base, no steps taken */

/* ---- builtins.c ---------------------------------------------------------------------------- */

void builtins_init(void);
void require_number(const char *who, value v);
void require_kind(const char *who, value v, enum kind k);

/* ---- print.c ------------------------------------------------------------------------------- */

struct buf { char *s; long len, cap; };
void buf_init(struct buf *b);
void buf_addn(struct buf *b, const char *s, long n);
void buf_adds(struct buf *b, const char *s);
void buf_printf(struct buf *b, const char *fmt, ...);
void print_value(struct buf *b, value v, int readable);    /* readable: write, else display */
void print_real(struct buf *b, double d);

/* ---- json.c -------------------------------------------------------------------------------- */

value json_parse(const char *text, long len);    /* fails with FAIL_ARGUMENT if it is not JSON */
void json_write(struct buf *b, value v);
void json_write_string(struct buf *b, const char *s, long len);   /* "..." with escapes */

/* ---- invoke.c ------------------------------------------------------------------------------ */

#define MAX_CALL_ARGS 16            /* parameters an exported function may have */

struct arguments {
    const char *text;               /* the request's body (or its query string) */
    long len;
    int json;                       /* it was sent as application/json */
};
void interpreter_init(void);        /* the primitives, and provide */
int load_library(const char *path); /* 0, or -1 after saying on stderr what is wrong and where */
int load_text(const char *where, const char *text, long len, value *last);
void list_functions(struct buf *out);
int invoke(const char *name, const struct arguments *a, struct buf *body);  /* an HTTP status */
void error_body(struct buf *body, const char *message);     /* {"error": "message"} */

#endif
