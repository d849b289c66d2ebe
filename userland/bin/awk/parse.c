/*
 * parse.c - the parser: tokens -> a Program (rules and functions) whose actions are trees of
 * Nodes. Recursive descent, one function per precedence level, lowest first:
 *
 *   expr       lvalue (= += -= *= /= %= ^=) expr  |  ternary
 *   ternary    or ? expr : expr
 *   or and     || &&
 *   in         match (in NAME)*
 *   match      compare (~ !~ compare)*
 *   compare    concat (< <= == != >= > concat)?   (no > inside print's list: a redirection)
 *   concat     additive additive...  and  concat | getline [lvalue]
 *   additive   multiply ((+ -) multiply)*
 *   multiply   unary ((* / %) unary)*
 *   unary      (! - +) unary  |  power
 *   power      postfix (^ unary)?          (right to left: 2^3^2 is 2^9)
 *   postfix    primary (++ --)?
 *   primary    number string /ere/ (expr) (expr, expr) in NAME  $primary  ++lvalue --lvalue
 *              NAME  NAME[list]  f(args)  builtin(args)  getline [lvalue] [< primary]
 *
 * What the children of each Node mean:
 *   E_ASSIGN a = b (op: '=' or TK_ADD_ASSIGN...)    E_COND a ? b : c     E_AND E_OR E_ARITH
 *   E_CONCAT E_CMP E_MATCH: a op b                   E_NOT E_NEG E_PLUS E_PREINC...: a
 *   E_FIELD $a       E_INDEX a[b...] (a: the array's E_VAR or E_LOCAL, b: the subscripts)
 *   E_IN (b...) in a     E_CALL func(a...)     E_BUILTIN op(a...)
 *   E_GETLINE op=GL_MAIN/GL_FILE/GL_CMD, a: the lvalue or NULL, b: the file or command
 *   S_PRINT/S_PRINTF a: the arguments, b: where to (op: '>' TK_APPEND '|', or 0)
 *   S_IF a b c    S_WHILE a b    S_DO body a, condition b    S_FOR a; b; c) d
 *   S_FORIN for (a in b) c       S_BLOCK a: the statements    S_EXIT S_RETURN a
 *   S_DELETE a[b...] (b NULL: the whole array)        S_EXPR a
 */
#include <stdlib.h>
#include <string.h>
#include "awk.h"

typedef struct Parser {
    Lexer lx;
    Program *prog;
    Func *func;                 /* the function being parsed, whose parameters are locals */
    int no_gt;                  /* in print's list: > is a redirection */
    int no_in;                  /* in for's first part: "in" belongs to for (x in a) */
    int loops;                  /* depth of loops: break and continue need one */
    int nesting;                /* of expressions and statements, which the C stack bounds */
} Parser;

#define MAX_NESTING 100

static Node *expr(Parser *P);
static Node *statement(Parser *P);
static Node *primary(Parser *P);
static Node *unary(Parser *P);

/* --- errors, tokens -------------------------------------------------------------------------- */

static _Noreturn void syntax_error(Parser *P)
{
    lex_error(&P->lx, NULL);
}

static void next(Parser *P)
{
    lex_next(&P->lx);
}

static int accept(Parser *P, int tok)
{
    if (P->lx.tok != tok)
        return 0;
    next(P);
    return 1;
}

static void expect(Parser *P, int tok)
{
    if (!accept(P, tok))
        syntax_error(P);
}

static void skip_newlines(Parser *P)
{
    while (P->lx.tok == TK_NEWLINE)
        next(P);
}

static void skip_terminators(Parser *P)
{
    while (P->lx.tok == TK_NEWLINE || P->lx.tok == ';')
        next(P);
}

/* One level deeper into nested parentheses, blocks, unary operators...: ((((...)))) a thousand
 * times deep is an error, not a crash when the stack runs out. */
static void deeper(Parser *P)
{
    if (++P->nesting > MAX_NESTING)
        lex_error(&P->lx, "nested too deeply");
}

static Node *node(Parser *P, int type, Node *a, Node *b)
{
    Node *n = xmalloc(sizeof *n);
    memset(n, 0, sizeof *n);
    n->type = type;
    n->line = P->lx.line;
    n->a = a;
    n->b = b;
    return n;
}

static int is_lvalue(Node *n)
{
    return n->type == E_VAR || n->type == E_LOCAL || n->type == E_FIELD || n->type == E_INDEX;
}

static Node *require_lvalue(Parser *P, Node *n)
{
    if (!is_lvalue(n))
        syntax_error(P);
    return n;
}

/* --- names: globals, parameters, functions --------------------------------------------------- */

/* A name: the current function's parameter, or a global variable. */
static Node *name_node(Parser *P, const char *name)
{
    if (P->func)
        for (int i = 0; i < P->func->nparams; i++)
            if (strcmp(P->func->params[i], name) == 0) {
                Node *n = node(P, E_LOCAL, NULL, NULL);
                n->slot = i;
                n->str = P->func->params[i];
                return n;
            }
    Node *n = node(P, E_VAR, NULL, NULL);
    n->var = lookup_global(name);
    n->str = n->var->name;
    return n;
}

static Func *find_func(Parser *P, const char *name)
{
    for (Func *f = P->prog->funcs; f; f = f->next)
        if (strcmp(f->name, name) == 0)
            return f;
    Func *f = xmalloc(sizeof *f);
    memset(f, 0, sizeof *f);
    f->name = xstrdup(name);
    f->line = P->lx.line;
    f->next = P->prog->funcs;
    P->prog->funcs = f;
    return f;
}

/* --- expressions ----------------------------------------------------------------------------- */

/* expr, expr, ...  (newlines allowed after the commas) */
static Node *expr_list(Parser *P)
{
    Node *first = expr(P), *last = first;
    while (accept(P, ',')) {
        skip_newlines(P);
        last = last->next = expr(P);
    }
    return first;
}

/* (args) of a call; the ( is the current token */
static Node *call_args(Parser *P)
{
    expect(P, '(');
    skip_newlines(P);
    if (accept(P, ')'))
        return NULL;
    int no_gt = P->no_gt, no_in = P->no_in;
    P->no_gt = P->no_in = 0;
    Node *args = expr_list(P);
    P->no_gt = no_gt;
    P->no_in = no_in;
    skip_newlines(P);
    expect(P, ')');
    return args;
}

/* NAME or NAME[subscripts] */
static Node *variable(Parser *P)
{
    char *name = P->lx.text;
    next(P);
    Node *var = name_node(P, name);
    if (!accept(P, '['))
        return var;
    int no_gt = P->no_gt, no_in = P->no_in;
    P->no_gt = P->no_in = 0;
    Node *n = node(P, E_INDEX, var, expr_list(P));
    P->no_gt = no_gt;
    P->no_in = no_in;
    expect(P, ']');
    return n;
}

/* getline's optional lvalue: a name, a name[...], or $primary */
static Node *optional_lvalue(Parser *P)
{
    if (P->lx.tok == TK_NAME)
        return variable(P);
    if (P->lx.tok == '$') {
        next(P);
        return node(P, E_FIELD, primary(P), NULL);
    }
    return NULL;
}

static Node *builtin_call(Parser *P)
{
    Node *n = node(P, E_BUILTIN, NULL, NULL);
    n->op = P->lx.builtin;
    next(P);
    if (n->op == B_LENGTH && P->lx.tok != '(')
        return n;                              /* length without parentheses: of $0 */
    n->a = call_args(P);
    if (!builtin_arity_ok(n->op, n->a))
        syntax_error(P);
    return n;
}

static Node *grouping(Parser *P)
{
    int no_gt = P->no_gt, no_in = P->no_in;
    P->no_gt = P->no_in = 0;
    Node *list = expr_list(P);
    P->no_gt = no_gt;
    P->no_in = no_in;
    expect(P, ')');
    if (!list->next)
        return list;
    if (P->lx.tok != TK_IN)                   /* (a, b) only before in */
        syntax_error(P);
    next(P);
    if (P->lx.tok != TK_NAME)
        syntax_error(P);
    Node *n = node(P, E_IN, variable(P), list);
    if (n->a->type == E_INDEX)
        syntax_error(P);
    return n;
}

static Node *operand(Parser *P)
{
    Node *n;
    switch (P->lx.tok) {
    case TK_NUMBER:
        n = node(P, E_NUM, NULL, NULL);
        n->num = P->lx.num;
        next(P);
        return n;
    case TK_STRING:
        n = node(P, E_STR, NULL, NULL);
        n->str = P->lx.text;
        next(P);
        return n;
    case TK_ERE:
        n = node(P, E_REGEX, NULL, NULL);
        n->str = P->lx.text;
        n->re = compile_regex(n->str, P->lx.line);
        next(P);
        return n;
    case '(':
        next(P);
        return grouping(P);
    case '$':
        next(P);
        return node(P, E_FIELD, primary(P), NULL);
    case '-':                                   /* $-1, 2^-1 */
        next(P);
        return node(P, E_NEG, unary(P), NULL);
    case '+':
        next(P);
        return node(P, E_PLUS, unary(P), NULL);
    case '!':
        next(P);
        return node(P, E_NOT, unary(P), NULL);
    case TK_INCR:
    case TK_DECR: {
        int type = P->lx.tok == TK_INCR ? E_PREINC : E_PREDEC;
        next(P);
        return node(P, type, require_lvalue(P, primary(P)), NULL);
    }
    case TK_NAME:
        return variable(P);
    case TK_FUNC_NAME:
        n = node(P, E_CALL, NULL, NULL);
        n->func = find_func(P, P->lx.text);
        next(P);
        n->a = call_args(P);
        return n;
    case TK_BUILTIN:
        return builtin_call(P);
    case TK_GETLINE:
        next(P);
        n = node(P, E_GETLINE, optional_lvalue(P), NULL);
        n->op = GL_MAIN;
        if (accept(P, '<')) {
            n->op = GL_FILE;
            n->b = primary(P);
        }
        return n;
    default:
        syntax_error(P);
    }
}

static Node *primary(Parser *P)
{
    deeper(P);
    Node *n = operand(P);
    P->nesting--;
    return n;
}

static Node *postfix(Parser *P)
{
    Node *n = primary(P);
    if (is_lvalue(n) && (P->lx.tok == TK_INCR || P->lx.tok == TK_DECR)) {
        int type = P->lx.tok == TK_INCR ? E_POSTINC : E_POSTDEC;
        next(P);
        return node(P, type, n, NULL);
    }
    return n;
}

static Node *power(Parser *P)
{
    Node *n = postfix(P);
    if (P->lx.tok == '^' || P->lx.tok == TK_POW) {
        next(P);
        n = node(P, E_ARITH, n, unary(P));     /* unary parses power again: right to left */
        n->op = '^';
    }
    return n;
}

static Node *unary(Parser *P)
{
    if (P->lx.tok == '!' || P->lx.tok == '-' || P->lx.tok == '+') {
        int tok = P->lx.tok;
        next(P);
        deeper(P);
        Node *n = node(P, tok == '!' ? E_NOT : tok == '-' ? E_NEG : E_PLUS, unary(P), NULL);
        P->nesting--;
        return n;
    }
    return power(P);
}

static Node *multiply(Parser *P)
{
    Node *n = unary(P);
    while (P->lx.tok == '*' || P->lx.tok == '/' || P->lx.tok == '%') {
        int op = P->lx.tok;
        next(P);
        n = node(P, E_ARITH, n, unary(P));
        n->op = op;
    }
    return n;
}

static Node *additive(Parser *P)
{
    Node *n = multiply(P);
    while (P->lx.tok == '+' || P->lx.tok == '-') {
        int op = P->lx.tok;
        next(P);
        n = node(P, E_ARITH, n, multiply(P));
        n->op = op;
    }
    return n;
}

/* Can the token start the next operand of a concatenation? */
static int starts_operand(Parser *P)
{
    switch (P->lx.tok) {
    case TK_NUMBER: case TK_STRING: case TK_ERE: case TK_NAME: case TK_FUNC_NAME:
    case TK_BUILTIN: case '$': case '(': case TK_INCR: case TK_DECR:
        return 1;
    default:
        return 0;
    }
}

/* | getline [lvalue] after a command; the lexer is on the |. 0 if it is not getline. */
static int pipe_getline(Parser *P, Node **n)
{
    Lexer saved = P->lx;
    next(P);
    if (P->lx.tok != TK_GETLINE) {
        P->lx = saved;
        return 0;
    }
    next(P);
    Node *g = node(P, E_GETLINE, optional_lvalue(P), *n);
    g->op = GL_CMD;
    *n = g;
    return 1;
}

static Node *concat(Parser *P)
{
    Node *n = additive(P);
    for (;;) {
        if (P->lx.tok == '|' && pipe_getline(P, &n))
            continue;
        if (!starts_operand(P))
            return n;
        n = node(P, E_CONCAT, n, additive(P));
    }
}

static int compare_op(Parser *P)
{
    int tok = P->lx.tok;
    return tok == '<' || tok == TK_LE || tok == TK_EQ || tok == TK_NE || tok == TK_GE ||
           (tok == '>' && !P->no_gt);
}

static Node *compare(Parser *P)
{
    Node *n = concat(P);
    if (compare_op(P)) {
        int op = P->lx.tok;
        next(P);
        n = node(P, E_CMP, n, concat(P));
        n->op = op;
    }
    return n;
}

static Node *match(Parser *P)
{
    Node *n = compare(P);
    while (P->lx.tok == '~' || P->lx.tok == TK_NOMATCH) {
        int op = P->lx.tok;
        next(P);
        n = node(P, E_MATCH, n, compare(P));
        n->op = op;
    }
    return n;
}

static Node *in(Parser *P)
{
    Node *n = match(P);
    while (P->lx.tok == TK_IN && !P->no_in) {
        next(P);
        if (P->lx.tok != TK_NAME)
            syntax_error(P);
        Node *array = variable(P);
        if (array->type == E_INDEX)
            syntax_error(P);
        n = node(P, E_IN, array, n);
    }
    return n;
}

static Node *and(Parser *P)
{
    Node *n = in(P);
    while (accept(P, TK_AND)) {
        skip_newlines(P);
        n = node(P, E_AND, n, in(P));
    }
    return n;
}

static Node *or(Parser *P)
{
    Node *n = and(P);
    while (accept(P, TK_OR)) {
        skip_newlines(P);
        n = node(P, E_OR, n, and(P));
    }
    return n;
}

static Node *ternary(Parser *P)
{
    Node *n = or(P);
    if (!accept(P, '?'))
        return n;
    skip_newlines(P);
    Node *then = expr(P);
    skip_newlines(P);
    expect(P, ':');
    skip_newlines(P);
    Node *c = node(P, E_COND, n, then);
    c->c = expr(P);
    return c;
}

static int assign_op(int tok)
{
    return tok == '=' || tok == TK_ADD_ASSIGN || tok == TK_SUB_ASSIGN || tok == TK_MUL_ASSIGN ||
           tok == TK_DIV_ASSIGN || tok == TK_MOD_ASSIGN || tok == TK_POW_ASSIGN;
}

static Node *expr(Parser *P)
{
    deeper(P);
    Node *n = ternary(P);
    if (is_lvalue(n) && assign_op(P->lx.tok)) {
        int op = P->lx.tok;
        next(P);
        skip_newlines(P);
        n = node(P, E_ASSIGN, n, expr(P));
        n->op = op;
    }
    P->nesting--;
    return n;
}

/* --- statements ------------------------------------------------------------------------------ */

/* A simple statement ends at ; or a newline, or before } or the end. */
static void end_simple(Parser *P)
{
    if (P->lx.tok == ';' || P->lx.tok == TK_NEWLINE)
        next(P);
    else if (P->lx.tok != '}' && P->lx.tok != TK_EOF)
        syntax_error(P);
}

static Node *block(Parser *P)
{
    expect(P, '{');
    Node *first = NULL, **last = &first;
    for (;;) {
        skip_terminators(P);
        if (accept(P, '}'))
            break;
        *last = statement(P);
        last = &(*last)->next;
    }
    return node(P, S_BLOCK, first, NULL);
}

/* print's list: (a, b) or a, b -- where > is a redirection */
static Node *print_args(Parser *P)
{
    if (P->lx.tok == '(') {
        Lexer saved = P->lx;
        next(P);
        Node *list = expr_list(P);
        if (accept(P, ')') && (P->lx.tok == ';' || P->lx.tok == TK_NEWLINE || P->lx.tok == '}' ||
                               P->lx.tok == '>' || P->lx.tok == TK_APPEND || P->lx.tok == '|' ||
                               P->lx.tok == TK_EOF))
            return list;
        P->lx = saved;                          /* (a)(b), (a) + 1...: an expression */
    }
    if (P->lx.tok == ';' || P->lx.tok == TK_NEWLINE || P->lx.tok == '}' || P->lx.tok == '>' ||
        P->lx.tok == TK_APPEND || P->lx.tok == '|' || P->lx.tok == TK_EOF)
        return NULL;
    P->no_gt = 1;
    Node *list = expr_list(P);
    P->no_gt = 0;
    return list;
}

static Node *print(Parser *P)
{
    int type = P->lx.tok == TK_PRINT ? S_PRINT : S_PRINTF;
    next(P);
    Node *n = node(P, type, print_args(P), NULL);
    if (type == S_PRINTF && !n->a)
        syntax_error(P);
    if (P->lx.tok == '>' || P->lx.tok == TK_APPEND || P->lx.tok == '|') {
        n->op = P->lx.tok;
        next(P);
        P->no_gt = 1;
        n->b = ternary(P);
        P->no_gt = 0;
    }
    return n;
}

static Node *simple_statement(Parser *P)
{
    Node *n;
    switch (P->lx.tok) {
    case TK_PRINT:
    case TK_PRINTF:
        return print(P);
    case TK_NEXT:
        next(P);
        return node(P, S_NEXT, NULL, NULL);
    case TK_EXIT:
    case TK_RETURN: {
        int type = P->lx.tok == TK_EXIT ? S_EXIT : S_RETURN;
        if (type == S_RETURN && !P->func)
            syntax_error(P);
        next(P);
        n = node(P, type, NULL, NULL);
        if (P->lx.tok != ';' && P->lx.tok != TK_NEWLINE && P->lx.tok != '}' && P->lx.tok != TK_EOF)
            n->a = expr(P);
        return n;
    }
    case TK_BREAK:
    case TK_CONTINUE:
        if (!P->loops)
            syntax_error(P);
        n = node(P, P->lx.tok == TK_BREAK ? S_BREAK : S_CONTINUE, NULL, NULL);
        next(P);
        return n;
    case TK_DELETE:
        next(P);
        if (P->lx.tok != TK_NAME)
            syntax_error(P);
        n = variable(P);
        if (n->type == E_INDEX)
            return node(P, S_DELETE, n->a, n->b);
        return node(P, S_DELETE, n, NULL);
    default:
        return node(P, S_EXPR, expr(P), NULL);
    }
}

static Node *loop_body(Parser *P)
{
    P->loops++;
    skip_newlines(P);
    Node *body = statement(P);
    P->loops--;
    return body;
}

static Node *if_statement(Parser *P)
{
    next(P);
    expect(P, '(');
    Node *n = node(P, S_IF, expr(P), NULL);
    expect(P, ')');
    skip_newlines(P);
    n->b = statement(P);
    Lexer saved = P->lx;
    skip_terminators(P);
    if (accept(P, TK_ELSE)) {
        skip_newlines(P);
        n->c = statement(P);
    } else
        P->lx = saved;
    return n;
}

/* for (NAME in NAME) -- or 0 and the lexer back where it was */
static Node *for_in(Parser *P)
{
    Lexer saved = P->lx;
    if (P->lx.tok == TK_NAME) {
        Node *var = variable(P);
        if (var->type != E_INDEX && accept(P, TK_IN) && P->lx.tok == TK_NAME) {
            Node *array = variable(P);
            if (array->type != E_INDEX && accept(P, ')')) {
                Node *n = node(P, S_FORIN, var, array);
                n->c = loop_body(P);
                return n;
            }
        }
    }
    P->lx = saved;
    return NULL;
}

static Node *for_statement(Parser *P)
{
    next(P);
    expect(P, '(');
    Node *n = for_in(P);
    if (n)
        return n;
    n = node(P, S_FOR, NULL, NULL);
    if (P->lx.tok != ';')
        n->a = simple_statement(P);
    expect(P, ';');
    skip_newlines(P);
    if (P->lx.tok != ';')
        n->b = expr(P);
    expect(P, ';');
    skip_newlines(P);
    if (P->lx.tok != ')')
        n->c = simple_statement(P);
    expect(P, ')');
    n->d = loop_body(P);
    return n;
}

static Node *statement_body(Parser *P)
{
    Node *n;
    switch (P->lx.tok) {
    case '{':
        return block(P);
    case TK_IF:
        return if_statement(P);
    case TK_WHILE:
        next(P);
        expect(P, '(');
        n = node(P, S_WHILE, expr(P), NULL);
        expect(P, ')');
        if (accept(P, ';'))                     /* while (x) ; -- an empty body */
            return n;
        n->b = loop_body(P);
        return n;
    case TK_DO:
        next(P);
        n = node(P, S_DO, loop_body(P), NULL);
        skip_terminators(P);
        expect(P, TK_WHILE);
        expect(P, '(');
        n->b = expr(P);
        expect(P, ')');
        end_simple(P);
        return n;
    case TK_FOR:
        return for_statement(P);
    case ';':
        next(P);
        return node(P, S_BLOCK, NULL, NULL);
    default:
        n = simple_statement(P);
        end_simple(P);
        return n;
    }
}

static Node *statement(Parser *P)
{
    deeper(P);
    Node *n = statement_body(P);
    P->nesting--;
    return n;
}

/* --- the program ----------------------------------------------------------------------------- */

static void function_definition(Parser *P)
{
    next(P);
    if (P->lx.tok != TK_NAME && P->lx.tok != TK_FUNC_NAME)
        syntax_error(P);
    Func *f = find_func(P, P->lx.text);
    if (f->defined)
        fatal(P->lx.line, "function %s redefined", f->name);
    f->defined = 1;
    next(P);
    expect(P, '(');
    int cap = 4;
    f->params = xmalloc(cap * sizeof *f->params);
    while (P->lx.tok == TK_NAME) {
        if (f->nparams == cap)
            f->params = realloc(f->params, (size_t)(cap *= 2) * sizeof *f->params);
        f->params[f->nparams++] = P->lx.text;
        next(P);
        if (!accept(P, ','))
            break;
        skip_newlines(P);
    }
    expect(P, ')');
    skip_newlines(P);
    P->func = f;
    f->body = block(P);
    P->func = NULL;
}

static Rule *add_rule(Rule **list)
{
    while (*list)
        list = &(*list)->next;
    *list = xmalloc(sizeof **list);
    memset(*list, 0, sizeof **list);
    return *list;
}

static void item(Parser *P)
{
    if (P->lx.tok == TK_FUNCTION) {
        function_definition(P);
        return;
    }
    if (P->lx.tok == TK_BEGIN || P->lx.tok == TK_END) {
        Rule *r = add_rule(P->lx.tok == TK_BEGIN ? &P->prog->begin : &P->prog->end);
        next(P);
        r->action = block(P);
        return;
    }
    Rule *r = add_rule(&P->prog->main);
    if (P->lx.tok != '{') {
        r->pattern = expr(P);
        if (accept(P, ',')) {
            skip_newlines(P);
            r->pattern_end = expr(P);
        }
    }
    if (P->lx.tok == '{')
        r->action = block(P);
}

Program *parse_program(const char *src)
{
    Parser P;
    memset(&P, 0, sizeof P);
    P.prog = xmalloc(sizeof *P.prog);
    memset(P.prog, 0, sizeof *P.prog);
    lex_init(&P.lx, src);
    skip_terminators(&P);
    while (P.lx.tok != TK_EOF) {
        item(&P);
        if (P.lx.prev != '}' && P.lx.tok != ';' && P.lx.tok != TK_NEWLINE && P.lx.tok != TK_EOF)
            syntax_error(&P);
        skip_terminators(&P);
    }
    for (Func *f = P.prog->funcs; f; f = f->next)
        if (!f->defined)
            fatal(f->line, "calling undefined function %s", f->name);
    return P.prog;
}
