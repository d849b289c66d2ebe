/*
 * invoke.c - the function library: loading it, the functions it exports, and one call of one of
 * them, from arguments as text to a result as an HTTP status and a JSON body.
 *
 * The library is a Lisp file (/etc/faas.lisp). It says which of its procedures may be invoked
 * with (provide 'name "what it does"); only those can be called from outside.
 *
 * Arguments come as JSON or as form data:
 *   {"n": 1000}     each parameter by name (a missing or an unknown one is a bad request)
 *   [1000]          the parameters in order;  1000  one argument alone
 *   n=1000&s=a+b    form data: by name; a value that reads as a number is a number
 *   (nothing)       no arguments
 * Content-Type application/json insists on JSON; otherwise text that starts with '{' or '[' is
 * JSON (as curl -d sends it, labelled as a form) and anything else is form data.
 *
 * Outcomes: 200 and the result as JSON; 404 an unknown function; 400 arguments that do not fit
 * (or that the function refuses with bad-argument); 500 an error in the function, or one that
 * ran into the step, depth or memory limit. An error's body is {"error": "message"}.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "lisp.h"
#include "../httpd/http.h"

static value exported;              /* ((name . "doc") ...) in the order provided; () at first */

/* (provide 'name "doc"): name, bound to a procedure, may be invoked from outside. */
static value p_provide(int argc, value *argv)
{
    require_kind("provide", argv[0], K_SYMBOL);
    require_kind("provide", argv[1], K_STRING);
    struct symbol *name = argv[0].as.sym;
    if (!name->bound || name->global.kind != K_CLOSURE)
        fail(FAIL_ERROR, "provide: %s is not a procedure of the library", name->name);
    if (list_length(name->global.as.fn->params) > MAX_CALL_ARGS)
        fail(FAIL_ERROR, "provide: %s has more than %d parameters", name->name, MAX_CALL_ARGS);
    value entry = cons(cons(argv[0], argv[1]), NIL);
    value *tail = &exported;
    while (tail->kind == K_PAIR)
        tail = &tail->as.pair->cdr;
    *tail = entry;
    return argv[0];
}

static const struct prim provide_prim = {"provide", p_provide, 2, 2};

void interpreter_init(void)
{
    eval_init();
    builtins_init();
    value v = {K_PRIM};
    v.as.prim = &provide_prim;
    define_global(intern("provide"), v);
}

static char *read_file(const char *path, long *len)
{
    int fd = open(path, O_RDONLY);
    if (fd < 0)
        return NULL;
    struct buf b;
    buf_init(&b);
    char chunk[4096];
    long n;
    while ((n = read(fd, chunk, sizeof chunk)) > 0)
        buf_addn(&b, chunk, n);
    close(fd);
    *len = b.len;
    return b.s;
}

/* Evaluate every expression of text at the top level; on an error, say where and return -1. */
int load_text(const char *where, const char *text, long len, value *last)
{
    struct reader r;
    jmp_buf handler;
    reader_init(&r, text, len);
    fail_handler = &handler;
    if (setjmp(handler)) {
        fprintf(stderr, "faas: %s:%d: %s\n", where, r.line, fail_message);
        fail_handler = NULL;
        return -1;
    }
    value form;
    *last = NIL;
    while (read_value(&r, &form)) {
        eval_reset();
        *last = eval(form, NULL);
    }
    fail_handler = NULL;
    return 0;
}

int load_library(const char *path)
{
    long len;
    char *text = read_file(path, &len);
    if (!text) {
        fprintf(stderr, "faas: cannot read the library %s\n", path);
        return -1;
    }
    value last;
    int status = load_text(path, text, len, &last);
    free(text);
    return status;
}

/* ---- the functions, listed ---- */

static value closure_params(value name)
{
    return name.as.sym->global.as.fn->params;
}

/* [{"name": ..., "params": [...], "doc": ...}, ...] */
void list_functions(struct buf *out)
{
    value list = NIL, *tail = &list;
    for (value e = exported; e.kind == K_PAIR; e = e.as.pair->cdr) {
        value name = e.as.pair->car.as.pair->car, doc = e.as.pair->car.as.pair->cdr;
        value item = cons(cons(make_cstring("name"), make_cstring(name.as.sym->name)),
                          cons(cons(make_cstring("params"), closure_params(name)),
                               cons(cons(make_cstring("doc"), doc), NIL)));
        *tail = cons(item, NIL);
        tail = &tail->as.pair->cdr;
    }
    json_write(out, list);
    buf_adds(out, "\n");
}

static value find_function(const char *name)
{
    for (value e = exported; e.kind == K_PAIR; e = e.as.pair->cdr) {
        value sym = e.as.pair->car.as.pair->car;
        if (strcmp(sym.as.sym->name, name) == 0)
            return sym;
    }
    return NIL;
}

/* ---- arguments ---- */

/* A form field, %XX and '+' decoded, as a string. */
static value url_decoded(const char *s, long len)
{
    char *text = malloc(len + 1);
    long n = text ? http_percent_decode(s, len, text, len + 1, 1) : -1;
    if (n < 0)
        fail(FAIL_ARGUMENT, "bad form data: a malformed %%-escape");
    value v = make_string(text, n);
    free(text);
    return v;
}

/* name=value&...: an association list like a JSON object's, values that read as numbers made
 * numbers. */
static value parse_form(const char *text, long len)
{
    value head = NIL, *tail = &head;
    long i = 0;
    while (i < len) {
        long end = i;
        while (end < len && text[end] != '&')
            end++;
        long eq = i;
        while (eq < end && text[eq] != '=')
            eq++;
        if (end > i) {
            value key = url_decoded(text + i, eq - i);
            value val = url_decoded(text + eq + 1, eq < end ? end - eq - 1 : 0);
            value number;
            if (parse_number(val.as.str->chars, &number) && (long)strlen(val.as.str->chars) == val.as.str->len)
                val = number;
            *tail = cons(cons(key, val), NIL);
            tail = &tail->as.pair->cdr;
        }
        i = end + 1;
    }
    return head;
}

static value lookup_field(value fields, const char *name)
{
    for (; fields.kind == K_PAIR; fields = fields.as.pair->cdr)
        if (strcmp(fields.as.pair->car.as.pair->car.as.str->chars, name) == 0)
            return fields.as.pair->car;
    return NIL;
}

/* Arguments by name: one field for each parameter, none left over. */
static int args_by_name(value params, value fields, value *argv)
{
    int argc = 0;
    for (value p = params; p.kind == K_PAIR; p = p.as.pair->cdr) {
        const char *name = p.as.pair->car.as.sym->name;
        value field = lookup_field(fields, name);
        if (field.kind == K_NIL)
            fail(FAIL_ARGUMENT, "missing argument: %s", name);
        argv[argc++] = field.as.pair->cdr;
    }
    for (value f = fields; f.kind == K_PAIR; f = f.as.pair->cdr) {
        const char *key = f.as.pair->car.as.pair->car.as.str->chars;
        int known = 0;
        for (value p = params; p.kind == K_PAIR; p = p.as.pair->cdr)
            known |= strcmp(p.as.pair->car.as.sym->name, key) == 0;
        if (!known)
            fail(FAIL_ARGUMENT, "unknown argument: %s", key);
    }
    return argc;
}

/* Arguments in order: as many as there are parameters (or more, to a rest parameter). */
static int args_in_order(value params, value list, value *argv)
{
    long want = list_length(params), got = list_length(list);
    int rest = !is_list(params);
    if (got < want || (got > want && !rest) || got > MAX_CALL_ARGS)
        fail(FAIL_ARGUMENT, "%ld argument%s given, %ld wanted", got, got == 1 ? "" : "s", want);
    int argc = 0;
    for (; list.kind == K_PAIR; list = list.as.pair->cdr)
        argv[argc++] = list.as.pair->car;
    return argc;
}

static int looks_like_json(const char *text, long len)
{
    long i = 0;
    while (i < len && strchr(" \t\r\n", text[i]))
        i++;
    return i < len && (text[i] == '{' || text[i] == '[');
}

static int parse_arguments(value params, const struct arguments *a, value *argv)
{
    int json = a->json || looks_like_json(a->text, a->len);
    if (!json)
        return args_by_name(params, parse_form(a->text, a->len), argv);
    value v = json_parse(a->text, a->len);
    long i = 0;
    while (strchr(" \t\r\n", a->text[i]))
        i++;
    if (a->text[i] == '{')
        return args_by_name(params, v, argv);
    if (a->text[i] == '[')
        return args_in_order(params, v, argv);
    return args_in_order(params, cons(v, NIL), argv);
}

static int is_blank(const char *text, long len)
{
    for (long i = 0; i < len; i++)
        if (!strchr(" \t\r\n", text[i]))
            return 0;
    return 1;
}

/* ---- one call ---- */

static int http_status_of(enum failure kind) { return kind == FAIL_ARGUMENT ? 400 : 500; }

/* {"error": message}: made without the arena, which may be what ran out */
void error_body(struct buf *body, const char *message)
{
    buf_adds(body, "{\"error\": ");
    json_write_string(body, message, (long)strlen(message));
    buf_adds(body, "}\n");
}

int invoke(const char *name, const struct arguments *a, struct buf *body)
{
    jmp_buf handler;
    int kind;
    buf_init(body);
    fail_handler = &handler;
    if ((kind = setjmp(handler)) != 0) {
        fail_handler = NULL;
        body->len = 0;
        error_body(body, fail_message);
        return http_status_of(kind);
    }
    value fn = find_function(name);
    if (fn.kind == K_NIL) {
        char message[128];
        snprintf(message, sizeof message, "unknown function: %s", name);
        error_body(body, message);
        fail_handler = NULL;
        return 404;
    }
    value argv[MAX_CALL_ARGS];
    value params = closure_params(fn);
    int argc = is_blank(a->text, a->len) ? args_in_order(params, NIL, argv) : parse_arguments(params, a, argv);
    eval_reset();
    value result = apply(fn.as.sym->global, argc, argv);
    json_write(body, result);
    buf_adds(body, "\n");
    fail_handler = NULL;
    return 200;
}
