/*
 * eval.c - the evaluator: special forms, closures, tail calls, and the limits that bound a call.
 *
 * Special forms: quote if define set! lambda let (and named let) let* begin cond and or when
 * unless. Everything else in parentheses is a call: the operator and the arguments are
 * evaluated, then a primitive runs its C function, or a closure's body runs in a new frame.
 *
 * Tail calls: eval evaluates the last expression of a body, a branch of if or cond, ... by
 * going round its loop instead of calling itself, so (let loop ((i 0)) ... (loop (+ i 1))) runs
 * in constant C stack. When such a tail call calls the very closure whose frame it is running
 * in, and no lambda captured that frame, the frame is reused instead of a new one allocated:
 * a loop then allocates nothing at all (the arena is never freed: heap.c).
 *
 * Limits: every round of the loop is a step, and a call may take step_limit of them; C
 * recursion (a call that is not a tail call) may use STACK_BUDGET of the stack. Either failing
 * is FAIL_LIMIT, which the server answers with 500: a function that runs away is stopped.
 */
#include <stddef.h>

#include "lisp.h"

#define STACK_BUDGET (6L << 20)     /* C stack nested evaluations may use, of the 8 MiB there is */
#define ARG_STACK 8192              /* evaluated arguments waiting for their calls (256 KiB) */

long step_limit;
long steps;
static char *stack_base;            /* where the C stack was when the evaluation began */

/* The arguments of the calls being set up: pushed as they are evaluated, popped when the call
 * has taken them, so that no C frame holds a big array and no call allocates for them. */
static value arg_stack[ARG_STACK];
static int sp;

/* The special forms: a symbol's form says which one it names (F_NONE: none). */
enum form { F_NONE, F_QUOTE, F_IF, F_DEFINE, F_SET, F_LAMBDA, F_BEGIN, F_LET, F_LET_STAR, F_COND,
            F_AND, F_OR, F_WHEN, F_UNLESS };
static const char *const form_names[] = {"", "quote", "if", "define", "set!", "lambda", "begin",
                                         "let", "let*", "cond", "and", "or", "when", "unless"};
static struct symbol *else_;

static const char LAMBDA[] = "lambda";     /* the name of a closure that has none (yet) */

void eval_init(void)
{
    for (int f = F_QUOTE; f <= F_UNLESS; f++)
        intern(form_names[f]).as.sym->form = f;
    else_ = intern("else").as.sym;
}

void eval_reset(void)
{
    char here;
    stack_base = &here;
    sp = 0;
    steps = 0;
}

/* ---- environments ---- */

static struct binding *find_local(struct env *frame, struct symbol *name)
{
    for (struct binding *b = frame->vars; b; b = b->next)
        if (b->name == name)
            return b;
    return NULL;
}

static value *lookup(struct symbol *name, struct env *env)
{
    for (; env; env = env->outer)
        for (struct binding *b = env->vars; b; b = b->next)
            if (b->name == name)
                return &b->val;
    if (!name->bound)
        fail(FAIL_ERROR, "unbound variable: %s", name->name);
    return &name->global;
}

/* Bind name in frame (a new variable, or a new value for one it has). */
static void frame_set(struct env *frame, struct symbol *name, value val)
{
    struct binding *b = find_local(frame, name);
    if (!b) {
        b = arena_alloc(sizeof *b);
        b->name = name;
        b->next = frame->vars;
        frame->vars = b;
    }
    b->val = val;
}

static struct env *new_frame(const struct closure *owner, struct env *outer)
{
    struct env *frame = arena_alloc(sizeof *frame);
    frame->owner = owner;
    frame->outer = outer;
    return frame;
}

void define_global(value name, value val)
{
    name.as.sym->global = val;
    name.as.sym->bound = 1;
}

/* ---- closures ---- */

static struct symbol *symbol_of(const char *who, value v)
{
    if (v.kind != K_SYMBOL)
        fail(FAIL_ERROR, "%s: expected a name, got a %s", who, kind_name(v.kind));
    return v.as.sym;
}

static value make_closure(value params, value body, struct env *env, const char *name)
{
    value p;
    for (p = params; p.kind == K_PAIR; p = p.as.pair->cdr)
        symbol_of("lambda", p.as.pair->car);
    if (p.kind != K_NIL)
        symbol_of("lambda", p);     /* a rest parameter */
    if (body.kind != K_PAIR)
        fail(FAIL_ERROR, "lambda: the body is empty");
    for (struct env *e = env; e && !e->captured; e = e->outer)
        e->captured = 1;            /* the closure may outlive the calls these frames belong to */
    struct closure *fn = arena_alloc(sizeof *fn);
    fn->params = params;
    fn->body = body;
    fn->env = env;
    fn->name = name;
    value v = {K_CLOSURE};
    v.as.fn = fn;
    return v;
}

static value list_of(int argc, value *argv)
{
    value list = NIL;
    while (argc > 0)
        list = cons(argv[--argc], list);
    return list;
}

static void bind_params(const struct closure *fn, int argc, value *argv, struct env *frame)
{
    value p = fn->params;
    int i = 0;
    for (; p.kind == K_PAIR; p = p.as.pair->cdr, i++) {
        if (i >= argc)
            fail(FAIL_ERROR, "%s: too few arguments (%d)", fn->name, argc);
        frame_set(frame, p.as.pair->car.as.sym, argv[i]);
    }
    if (p.kind == K_SYMBOL)
        frame_set(frame, p.as.sym, list_of(argc - i, argv + i));
    else if (i < argc)
        fail(FAIL_ERROR, "%s: too many arguments (%d)", fn->name, argc);
}

/* ---- calls ---- */

/* x's value: a variable's or a constant's at once, anything else through eval (most arguments
 * are variables or constants: this spares them the full evaluator). */
static value evaluate(value x, struct env *env)
{
    if (x.kind == K_SYMBOL)
        return *lookup(x.as.sym, env);
    if (x.kind != K_PAIR)
        return x;
    return eval(x, env);
}

static int push_args(value args, struct env *env)
{
    int argc = 0;
    for (; args.kind == K_PAIR; args = args.as.pair->cdr, argc++) {
        value v = evaluate(args.as.pair->car, env);
        if (sp == ARG_STACK)
            fail(FAIL_LIMIT, "too many arguments waiting for their calls");
        arg_stack[sp++] = v;
    }
    return argc;
}

static value call_prim(const struct prim *p, int argc, value *argv)
{
    if (argc < p->min_args || (p->max_args >= 0 && argc > p->max_args))
        fail(FAIL_ERROR, "%s: wrong number of arguments (%d)", p->name, argc);
    return p->fn(argc, argv);
}

/* Evaluate every expression of body but the last, which is returned for the caller to
 * evaluate in tail position. */
static value all_but_last(value body, struct env *env)
{
    if (body.kind != K_PAIR)
        return NIL;
    for (; body.as.pair->cdr.kind == K_PAIR; body = body.as.pair->cdr)
        eval(body.as.pair->car, env);
    return body.as.pair->car;
}

value apply(value fn, int argc, value *argv)
{
    if (fn.kind == K_PRIM)
        return call_prim(fn.as.prim, argc, argv);
    if (fn.kind != K_CLOSURE)
        fail(FAIL_ERROR, "not a procedure: a %s", kind_name(fn.kind));
    struct env *frame = new_frame(fn.as.fn, fn.as.fn->env);
    bind_params(fn.as.fn, argc, argv, frame);
    return eval(all_but_last(fn.as.fn->body, frame), frame);
}

/* ---- special forms that are not in tail position ---- */

static value eval_define(value args, struct env *env)
{
    value target = car(args), val;
    value name = target.kind == K_PAIR ? car(target) : target;
    const char *fname = symbol_of("define", name)->name;
    if (target.kind == K_PAIR)       /* (define (name . params) body...) */
        val = make_closure(cdr(target), cdr(args), env, fname);
    else
        val = eval(car(cdr(args)), env);
    if (val.kind == K_CLOSURE && val.as.fn->name == LAMBDA)
        val.as.fn->name = fname;     /* (define f (lambda ...)): messages can say f */
    if (env)
        frame_set(env, name.as.sym, val);
    else
        define_global(name, val);
    return name;
}

static value eval_set(value args, struct env *env)
{
    value *slot = lookup(symbol_of("set!", car(args)), env);
    *slot = eval(car(cdr(args)), env);
    return *slot;
}

/* (let ((name init) ...) body...): a frame with the inits evaluated outside it (let) or in it,
 * one after the other (let*). Returns the frame; *body gets the body. */
static struct env *let_frame(value args, struct env *env, int sequential, value *body)
{
    struct env *frame = new_frame(NULL, env);
    for (value b = car(args); b.kind == K_PAIR; b = b.as.pair->cdr) {
        value binding = b.as.pair->car;
        struct symbol *name = symbol_of("let", car(binding));
        frame_set(frame, name, eval(car(cdr(binding)), sequential ? frame : env));
    }
    *body = cdr(args);
    return frame;
}

/* (let name ((var init) ...) body...): a loop. Defines name as a closure of the vars in a frame
 * of its own and returns the call (name init...) for eval to make, in tail position. */
static value named_let(value args, struct env *env, struct env **frame)
{
    struct symbol *name = args.as.pair->car.as.sym;
    value params = NIL, *ptail = &params, inits = NIL, *itail = &inits;
    for (value b = car(cdr(args)); b.kind == K_PAIR; b = b.as.pair->cdr) {
        *ptail = cons(car(b.as.pair->car), NIL);
        ptail = &ptail->as.pair->cdr;
        *itail = cons(car(cdr(b.as.pair->car)), NIL);
        itail = &itail->as.pair->cdr;
    }
    *frame = new_frame(NULL, env);
    frame_set(*frame, name, make_closure(params, cdr(cdr(args)), *frame, name->name));
    value call = {K_SYMBOL};
    call.as.sym = name;
    return cons(call, inits);
}

/* cond, and, or, when, unless: each either ends with a value (returns 0, *out the value) or
 * leaves an expression to evaluate in tail position (returns 1, *out the expression). */
static int eval_cond(value clauses, struct env *env, value *out)
{
    for (; clauses.kind == K_PAIR; clauses = clauses.as.pair->cdr) {
        value clause = clauses.as.pair->car, test = car(clause);
        if (test.kind == K_SYMBOL && test.as.sym == else_) {
            *out = all_but_last(cdr(clause), env);
            return 1;
        }
        value v = eval(test, env);
        if (is_true(v)) {
            if (cdr(clause).kind != K_PAIR) {
                *out = v;           /* (test) alone gives the test's value */
                return 0;
            }
            *out = all_but_last(cdr(clause), env);
            return 1;
        }
    }
    *out = NIL;
    return 0;
}

static int eval_and_or(int and, value args, struct env *env, value *out)
{
    if (args.kind != K_PAIR) {
        *out = make_bool(and);
        return 0;
    }
    for (; args.as.pair->cdr.kind == K_PAIR; args = args.as.pair->cdr) {
        value v = eval(args.as.pair->car, env);
        if (is_true(v) != and) {
            *out = v;
            return 0;
        }
    }
    *out = args.as.pair->car;
    return 1;
}

static int eval_when(int when, value args, struct env *env, value *out)
{
    if (is_true(eval(car(args), env)) != when) {
        *out = NIL;
        return 0;
    }
    *out = all_but_last(cdr(args), env);
    return 1;
}

/* The special form op names, applied to args. Returns 0 with *out the value, or 1 with *out an
 * expression to evaluate in tail position, in *env (a let makes a new frame). */
static int special_form(enum form op, value args, struct env **env, value *out)
{
    switch (op) {
    case F_QUOTE: *out = car(args); return 0;
    case F_DEFINE: *out = eval_define(args, *env); return 0;
    case F_SET: *out = eval_set(args, *env); return 0;
    case F_LAMBDA: *out = make_closure(car(args), cdr(args), *env, LAMBDA); return 0;
    case F_BEGIN: *out = all_but_last(args, *env); return 1;
    case F_LET:
    case F_LET_STAR:
        if (op == F_LET && car(args).kind == K_SYMBOL) {
            *out = named_let(args, *env, env);
            return 1;
        }
        *env = let_frame(args, *env, op == F_LET_STAR, out);
        *out = all_but_last(*out, *env);
        return 1;
    case F_COND: return eval_cond(args, *env, out);
    case F_AND: case F_OR: return eval_and_or(op == F_AND, args, *env, out);
    case F_WHEN: case F_UNLESS: return eval_when(op == F_WHEN, args, *env, out);
    default: fail(FAIL_ERROR, "%s: not a special form here", form_names[op]);
    }
}

/* ---- the loop ---- */

/* Every nested evaluation comes here: the place to stop one that would overflow the C stack
 * (each takes a few KiB of it, so about two thousand non-tail calls can nest). */
value eval(value x, struct env *env)
{
    char here;
    if (stack_base - &here > STACK_BUDGET)
        fail(FAIL_LIMIT, "recursion too deep (more than %ld MiB of stack)", STACK_BUDGET >> 20);
    struct env *own = NULL;         /* the frame of the closure whose body x is the tail of */
    for (;;) {
        if (step_limit && ++steps > step_limit)
            fail(FAIL_LIMIT, "the step limit (%ld steps) is reached", step_limit);
        if (x.kind == K_SYMBOL)
            return *lookup(x.as.sym, env);
        if (x.kind != K_PAIR)
            return x;               /* numbers, strings, booleans, () evaluate to themselves */
        value op = x.as.pair->car, args = x.as.pair->cdr;
        if (op.kind == K_SYMBOL && op.as.sym->form == F_IF) {      /* the commonest form: here */
            value rest = cdr(args);
            if (is_true(evaluate(car(args), env)))
                x = car(rest);
            else if (cdr(rest).kind == K_PAIR)
                x = car(cdr(rest));
            else
                return NIL;
            continue;
        }
        if (op.kind == K_SYMBOL && op.as.sym->form) {
            value out;
            if (!special_form(op.as.sym->form, args, &env, &out))
                return out;
            x = out;
            continue;
        }
        value fn = evaluate(op, env);
        int base = sp;
        int argc = push_args(args, env);
        if (fn.kind == K_PRIM) {
            value v = call_prim(fn.as.prim, argc, arg_stack + base);
            sp = base;
            return v;
        }
        if (fn.kind != K_CLOSURE)
            fail(FAIL_ERROR, "not a procedure: a %s", kind_name(fn.kind));
        const struct closure *c = fn.as.fn;
        if (!(own && env == own && own->owner == c && !own->captured))
            own = new_frame(c, c->env);     /* else: a loop; its frame is reused */
        bind_params(c, argc, arg_stack + base, own);
        sp = base;
        env = own;
        x = all_but_last(c->body, env);
    }
}

