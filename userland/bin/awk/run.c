/*
 * run.c - the evaluator: runs BEGIN, then each rule on each record of the input, then END, by
 * walking the trees that parse.c built.
 *
 * eval(node) gives an expression's value (which the caller owns and frees); execute(node) runs a
 * statement and says how it ended: normally, or by break, continue or return, which the loops
 * and function calls catch. next and exit leave everything being run, even functions, so they
 * jump (longjmp) straight back to the input loop or to END; the locals of the functions they
 * leave are not freed.
 *
 * An lvalue (a variable, a parameter, an array element, a field) is resolved into a Place, then
 * read and written there, so that a[i++] += 2 evaluates i++ once. Assigning NF, a field or $0
 * goes through fields.c, which keeps $0, the fields and NF in step.
 */
#include <math.h>
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "awk.h"

enum { DONE, BROKE, CONTINUED, RETURNED };     /* how a statement ended */

static jmp_buf next_record;     /* where next jumps: the input loop */
static int reading;             /* in the input loop (not BEGIN or END), where next may be */
static jmp_buf exit_jump;       /* where exit jumps: to END, or out of END */
static int exit_code;
static Var *frame;              /* the running function's parameters, or NULL */
static int depth;               /* of function calls */
static Value return_value;

static int execute(Node *n);

/* --- variables, places ----------------------------------------------------------------------- */

/* The Var of a name node, used as a scalar: an error if it is an array. Reading an unset
 * variable leaves it unset (it may still become an array); assigning it makes it a scalar. */
static Var *scalar_var(Node *n, int assigning)
{
    Var *v = name_var(n);
    if (var_target(v)->kind == V_ARRAY)
        fatal(n->line, "can't use array %s in scalar context", v->name);
    if (assigning)
        v->kind = V_SCALAR;
    return v;
}

/* The Var of a name node: a global, or a parameter of the running function. */
Var *name_var(Node *n)
{
    return n->type == E_VAR ? n->var : &frame[n->slot];
}

Array *node_array(Node *n)
{
    if (n->type != E_VAR && n->type != E_LOCAL)
        fatal(n->line, "an array is needed here");
    return var_array(name_var(n), n->line);
}

/* a[x, y]'s key: the subscripts joined by SUBSEP */
static char *subscript(Node *list)
{
    Value v = eval(list);
    char *key = to_str(&v);
    free_value(&v);
    for (Node *n = list->next; n; n = n->next) {
        const char *subsep = var_str(v_SUBSEP);
        v = eval(n);
        char *s = to_str(&v), *joined = xmalloc(strlen(key) + strlen(subsep) + strlen(s) + 1);
        free_value(&v);
        strcpy(stpcpy(stpcpy(joined, key), subsep), s);
        free(key);
        free(s);
        key = joined;
    }
    return key;
}

typedef struct Place {
    Value *slot;                /* a variable's or an element's value; NULL for a field */
    Var *var;                   /* the variable (for NF), or NULL */
    int field;
    int line;
} Place;

#define MAX_FIELD 100000

static int field_number(Node *n)
{
    Value v = eval(n);
    double d = to_num(&v);
    free_value(&v);
    if (!(d > -1 && d < MAX_FIELD + 1))       /* NaN too */
        fatal(n->line, "field index %g out of range", d);
    return (int)d;
}

static Place resolve(Node *n)
{
    Place p = {NULL, NULL, 0, n->line};
    if (n->type == E_VAR || n->type == E_LOCAL) {
        p.var = scalar_var(n, 1);
        p.slot = &p.var->val;
    } else if (n->type == E_INDEX) {
        Array *a = node_array(n->a);
        char *key = subscript(n->b);
        p.slot = &array_get(a, key)->val;
        free(key);
    } else
        p.field = field_number(n->a);
    return p;
}

static Value place_get(Place *p)
{
    if (!p->slot)
        return get_field(p->field, p->line);
    if (p->var == v_NF)
        set_var_num(v_NF, get_nf());
    return copy_value(p->slot);
}

static void place_set(Place *p, Value v)
{
    if (!p->slot) {
        set_field(p->field, v, p->line);
        return;
    }
    free_value(p->slot);
    *p->slot = v;
    if (p->var == v_NF) {
        double nf = to_num(&v);
        if (!(nf > -1 && nf < MAX_FIELD + 1))
            fatal(p->line, "NF set to %g, out of range", nf);
        set_nf((int)nf, p->line);
    }
}

void assign_node(Node *n, Value v)
{
    Place p = resolve(n);
    place_set(&p, v);
}

/* --- expressions ----------------------------------------------------------------------------- */

double eval_num(Node *n)
{
    Value v = eval(n);
    double d = to_num(&v);
    free_value(&v);
    return d;
}

static int eval_bool(Node *n)
{
    Value v = eval(n);
    int b = to_bool(&v);
    free_value(&v);
    return b;
}

char *eval_str(Node *n)
{
    Value v = eval(n);
    char *s = to_str(&v);
    free_value(&v);
    return s;
}

static double arith(int op, double x, double y, int line)
{
    switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/':
        if (y == 0)
            fatal(line, "division by zero");
        return x / y;
    case '%':
        if (y == 0)
            fatal(line, "division by zero in %%");
        return fmod(x, y);
    default: return pow(x, y);
    }
}

/* The operator of an assignment operator: += is +. */
static int assign_arith_op(int tok)
{
    switch (tok) {
    case TK_ADD_ASSIGN: return '+';
    case TK_SUB_ASSIGN: return '-';
    case TK_MUL_ASSIGN: return '*';
    case TK_DIV_ASSIGN: return '/';
    case TK_MOD_ASSIGN: return '%';
    default: return '^';
    }
}

static Value assignment(Node *n)
{
    Value v = eval(n->b);
    Place p = resolve(n->a);
    if (n->op != '=') {
        Value old = place_get(&p);
        double d = arith(assign_arith_op(n->op), to_num(&old), to_num(&v), n->line);
        free_value(&old);
        free_value(&v);
        v = num_value(d);
    }
    Value result = copy_value(&v);
    place_set(&p, v);
    return result;
}

static Value increment(Node *n)
{
    Place p = resolve(n->a);
    Value old = place_get(&p);
    double d = to_num(&old);
    free_value(&old);
    double delta = (n->type == E_PREINC || n->type == E_POSTINC) ? 1 : -1;
    place_set(&p, num_value(d + delta));
    return num_value(n->type == E_PREINC || n->type == E_PREDEC ? d + delta : d);
}

static int compare(Node *n)
{
    Value a = eval(n->a), b = eval(n->b);
    int c = compare_values(&a, &b);
    free_value(&a);
    free_value(&b);
    switch (n->op) {
    case '<': return c < 0;
    case TK_LE: return c <= 0;
    case TK_EQ: return c == 0;
    case TK_NE: return c != 0;
    case TK_GE: return c >= 0;
    default: return c > 0;
    }
}

/* The regular expression that n stands for: a /literal/, or any value, as an ERE. */
regex_t *regex_of(Node *n)
{
    if (n->type == E_REGEX)
        return n->re;
    char *s = eval_str(n);
    regex_t *re = compile_regex(s, n->line);
    free(s);
    return re;
}

static int matches(const char *s, regex_t *re)
{
    size_t so, eo;
    return regex_search(re, s, 0, &so, &eo);
}

static int match_op(Node *n)
{
    char *s = eval_str(n->a);
    int m = matches(s, regex_of(n->b));
    free(s);
    return n->op == '~' ? m : !m;
}

static Value concat(Node *n)
{
    char *a = eval_str(n->a), *b = eval_str(n->b);
    char *s = xmalloc(strlen(a) + strlen(b) + 1);
    strcpy(stpcpy(s, a), b);
    free(a);
    free(b);
    return str_value(s);
}

static int in_array(Node *n)
{
    char *key = subscript(n->b);
    int found = array_find(node_array(n->a), key) != NULL;
    free(key);
    return found;
}

/* A parameter given a name: the caller's array (or unset variable) by reference, a scalar's
 * value by value. */
static void pass_name(Var *param, Var *arg)
{
    Var *target = var_target(arg);
    if (target->kind == V_SCALAR) {
        param->val = copy_value(&target->val);
        param->kind = V_SCALAR;
    } else
        param->ref = arg;
}

static Value call(Node *n)
{
    Func *f = n->func;
    int nargs = 0;
    for (Node *a = n->a; a; a = a->next)
        nargs++;
    if (nargs > f->nparams)
        fatal(n->line, "function %s called with %d args, accepts only %d", f->name, nargs,
              f->nparams);
    if (depth >= 1000)
        fatal(n->line, "function call nesting too deep");
    Var *locals = xmalloc((size_t)(f->nparams + 1) * sizeof *locals);
    memset(locals, 0, (size_t)(f->nparams + 1) * sizeof *locals);
    Node *a = n->a;
    for (int i = 0; i < f->nparams; i++, a = a ? a->next : NULL) {
        locals[i].name = f->params[i];
        if (a && a->type == E_VAR)
            pass_name(&locals[i], a->var);
        else if (a && a->type == E_LOCAL)
            pass_name(&locals[i], &frame[a->slot]);
        else if (a) {
            locals[i].val = eval(a);
            locals[i].kind = V_SCALAR;
        }
    }
    Var *saved = frame;
    frame = locals;
    depth++;
    Value result = {T_UNINIT, 0, NULL};
    if (execute(f->body) == RETURNED) {
        result = return_value;
        return_value.str = NULL;
    }
    depth--;
    frame = saved;
    for (int i = 0; i < f->nparams; i++) {
        free_value(&locals[i].val);
        if (!locals[i].ref && locals[i].kind == V_ARRAY)
            free_array(locals[i].arr);
    }
    free(locals);
    return result;
}

/* getline's forms: 1 a record was read, 0 the end, -1 the file or command can't be opened. */
static int getline_expr(Node *n)
{
    char *record;
    size_t len;
    if (n->op == GL_MAIN) {
        if (!next_main_record(&record, &len))
            return 0;
    } else {
        char *name = eval_str(n->b);
        FILE *f = input_stream(n->op, name);
        free(name);
        if (!f)
            return -1;
        if (!read_record(f, &record, &len))
            return 0;
        if (n->op == GL_CMD)
            set_var_num(v_NR, to_num(&v_NR->val) + 1);
    }
    if (n->a)
        assign_node(n->a, input_value(record));
    else
        set_record(record, len);
    free(record);
    return 1;
}

static Value truth(int b)
{
    return num_value(b ? 1 : 0);
}

Value eval(Node *n)
{
    switch (n->type) {
    case E_NUM: return num_value(n->num);
    case E_STR: return str_copy(n->str);
    case E_REGEX: return truth(matches(get_record(), n->re));
    case E_VAR:
    case E_LOCAL: {
        Var *v = scalar_var(n, 0);
        if (v == v_NF)
            set_var_num(v_NF, get_nf());
        return copy_value(&v->val);
    }
    case E_FIELD: return get_field(field_number(n->a), n->line);
    case E_INDEX: {
        Place p = resolve(n);
        return place_get(&p);
    }
    case E_ASSIGN: return assignment(n);
    case E_COND: return eval(eval_bool(n->a) ? n->b : n->c);
    case E_AND: return truth(eval_bool(n->a) && eval_bool(n->b));
    case E_OR: return truth(eval_bool(n->a) || eval_bool(n->b));
    case E_NOT: return truth(!eval_bool(n->a));
    case E_NEG: return num_value(-eval_num(n->a));
    case E_PLUS: return num_value(eval_num(n->a));
    case E_ARITH: {
        double x = eval_num(n->a);
        return num_value(arith(n->op, x, eval_num(n->b), n->line));
    }
    case E_CONCAT: return concat(n);
    case E_CMP: return truth(compare(n));
    case E_MATCH: return truth(match_op(n));
    case E_IN: return truth(in_array(n));
    case E_PREINC: case E_PREDEC: case E_POSTINC: case E_POSTDEC: return increment(n);
    case E_CALL: return call(n);
    case E_BUILTIN: return call_builtin(n);
    case E_GETLINE: return num_value(getline_expr(n));
    default:
        fatal(n->line, "internal error: node %d is no expression", n->type);
    }
}

/* --- statements ------------------------------------------------------------------------------ */

static void print(Node *n, FILE *out)
{
    if (!n->a)
        fputs(get_record(), out);
    for (Node *a = n->a; a; a = a->next) {
        Value v = eval(a);
        char *s = to_output_str(&v);
        free_value(&v);
        if (a != n->a)
            fputs(var_str(v_OFS), out);
        fputs(s, out);
        free(s);
    }
    fputs(var_str(v_ORS), out);
}

static void output(Node *n)
{
    FILE *out = stdout;
    if (n->b) {
        char *name = eval_str(n->b);
        out = output_stream(n->op, name, n->line);
        free(name);
    }
    if (n->type == S_PRINT)
        print(n, out);
    else {
        char *fmt = eval_str(n->a);
        char *s = format(fmt, n->a->next, n->line);
        fputs(s, out);
        free(fmt);
        free(s);
    }
    if (out == stderr)
        fflush(stderr);
}

/* for (k in a): over the keys a had when the loop started, that it still has */
static int for_in(Node *n)
{
    Array *a = node_array(n->b);
    int count = a->count, i = 0, how = DONE;
    char **keys = xmalloc((size_t)(count + 1) * sizeof *keys);
    for (Entry *e = a->first; e; e = e->next)
        keys[i++] = xstrdup(e->key);
    for (i = 0; i < count && how != BROKE && how != RETURNED; i++)
        if (array_find(a, keys[i])) {
            assign_node(n->a, str_copy(keys[i]));
            how = execute(n->c);
        }
    for (i = 0; i < count; i++)
        free(keys[i]);
    free(keys);
    return how == RETURNED ? RETURNED : DONE;
}

/* A loop's body ended this way: stop the loop? (*how: what the loop says) */
static int loop_stops(int ended, int *how)
{
    if (ended == BROKE)
        return 1;
    if (ended == RETURNED) {
        *how = RETURNED;
        return 1;
    }
    return 0;
}

static int execute_loop(Node *n)
{
    int how = DONE;
    switch (n->type) {
    case S_WHILE:
        while (eval_bool(n->a))
            if (n->b && loop_stops(execute(n->b), &how))
                break;
        break;
    case S_DO:
        do
            if (loop_stops(execute(n->a), &how))
                break;
        while (eval_bool(n->b));
        break;
    default:                                    /* S_FOR */
        if (n->a)
            execute(n->a);
        while (!n->b || eval_bool(n->b)) {
            if (loop_stops(execute(n->d), &how))
                break;
            if (n->c)
                execute(n->c);
        }
    }
    return how;
}

static void delete(Node *n)
{
    Array *a = node_array(n->a);
    if (!n->b) {
        array_clear(a);
        return;
    }
    char *key = subscript(n->b);
    array_delete(a, key);
    free(key);
}

static int execute(Node *n)
{
    switch (n->type) {
    case S_BLOCK:
        for (Node *s = n->a; s; s = s->next) {
            int how = execute(s);
            if (how != DONE)
                return how;
        }
        return DONE;
    case S_EXPR: {
        Value v = eval(n->a);
        free_value(&v);
        return DONE;
    }
    case S_PRINT:
    case S_PRINTF:
        output(n);
        return DONE;
    case S_IF:
        if (eval_bool(n->a))
            return execute(n->b);
        return n->c ? execute(n->c) : DONE;
    case S_WHILE: case S_DO: case S_FOR:
        return execute_loop(n);
    case S_FORIN:
        return for_in(n);
    case S_NEXT:
        if (!reading)
            fatal(n->line, "next used in BEGIN or END");
        longjmp(next_record, 1);
    case S_EXIT:
        if (n->a)
            exit_code = (int)eval_num(n->a);
        longjmp(exit_jump, 1);
    case S_RETURN: {
        Value none = {T_UNINIT, 0, NULL};
        return_value = n->a ? eval(n->a) : none;
        return RETURNED;
    }
    case S_BREAK:
        return BROKE;
    case S_CONTINUE:
        return CONTINUED;
    case S_DELETE:
        delete(n);
        return DONE;
    default:
        fatal(n->line, "internal error: node %d is no statement", n->type);
    }
}

/* --- rules and the input loop ---------------------------------------------------------------- */

static int rule_matches(Rule *r)
{
    if (!r->pattern)
        return 1;
    if (!r->pattern_end)
        return eval_bool(r->pattern);
    if (!r->in_range) {
        if (!eval_bool(r->pattern))
            return 0;
        r->in_range = 1;
    }
    if (eval_bool(r->pattern_end))
        r->in_range = 0;
    return 1;
}

static void run_actions(Rule *rules)
{
    for (Rule *r = rules; r; r = r->next)
        execute(r->action);
}

/* Each record through the rules. A next jumps back here, to the next record. */
static void input_loop(Program *prog)
{
    static char *record;
    static size_t len;
    setjmp(next_record);
    frame = NULL;
    depth = 0;
    reading = 1;
    while (next_main_record(&record, &len)) {
        set_record(record, len);
        free(record);
        for (Rule *r = prog->main; r; r = r->next)
            if (rule_matches(r)) {
                if (r->action)
                    execute(r->action);
                else {
                    fputs(get_record(), stdout);
                    fputs(var_str(v_ORS), stdout);
                }
            }
    }
    reading = 0;
}

void run_program(Program *prog)
{
    static int stage;           /* 0 BEGIN, 1 the input, 2 END: where an exit came from */
    if (setjmp(exit_jump) == 0) {
        run_actions(prog->begin);
        stage = 1;
        if (prog->main || prog->end)
            input_loop(prog);
        stage = 2;
        run_actions(prog->end);
    } else if (stage < 2) {
        stage = 2;
        reading = 0;
        frame = NULL;
        depth = 0;
        if (setjmp(exit_jump) == 0)
            run_actions(prog->end);
    }
    close_all_streams();
    exit(exit_code);
}
