/*
 * parse.c - the parser: tokens into a syntax tree, by recursive descent over POSIX's grammar.
 *
 *   line      := and_or ((';' | '&') and_or)* [';' | '&'] (NEWLINE | EOF)
 *   list      := the same, but newlines also separate, and it ends at a reserved word
 *                (then, do, fi, ...), ')' or ';;'
 *   and_or    := pipeline (('&&' | '||') newlines pipeline)*
 *   pipeline  := ['!'] command ('|' newlines command)*
 *   command   := compound redirect* | NAME '(' ')' newlines command | simple
 *   compound  := '{' list '}' | '(' list ')' | if | while | until | for | case
 *   simple    := (assignment | redirect)* (word | redirect)*
 *
 * One token of lookahead. Everything is allocated in the caller's arena.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "sh.h"

/* ---- tokens ---- */

static struct token peek(struct lexer *lx)
{
    if (!lx->have_peeked) {
        lx->peeked = lex_next(lx);
        lx->have_peeked = 1;
    }
    return lx->peeked;
}

static struct token next(struct lexer *lx)
{
    struct token t = peek(lx);

    lx->have_peeked = 0;
    return t;
}

/* A token as dash's messages name it: "end of file", "newline", a reserved word or an operator
 * in quotes ("fi", ";;"), and any other word as just "word". */
static const char *token_name(struct token t)
{
    static const char *names[] = {
        "end of file", "newline", "word", "\";\"", "\";;\"", "\"&\"", "\"|\"", "\"&&\"", "\"||\"",
        "\"(\"", "\")\"", "\"<\"", "\">\"", "\">>\"", "\"<&\"", "\">&\"", "\"<>\"", "\">|\"",
        "\"<<\"", "\"<<-\""
    };
    static const char *reserved[] = {
        "!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in", "then",
        "until", "while", "{", "}", NULL
    };
    static char quoted[16];
    int i;

    for (i = 0; t.type == T_WORD && reserved[i] != NULL; i++) {
        if (strcmp(t.text, reserved[i]) == 0) {
            snprintf(quoted, sizeof quoted, "\"%s\"", reserved[i]);
            return quoted;
        }
    }
    return names[t.type];
}

/* "sh: 3: Syntax error: ...", or "sh: 1: eval: Syntax error: ..." in eval's text. */
_Noreturn void syntax_error(struct lexer *lx, const char *fmt, ...)
{
    char what[256];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(what, sizeof what, fmt, ap);
    va_end(ap);
    sh.line = lx->in->line;
    sh_error("Syntax error: %s", what);
}

static _Noreturn void unexpected(struct lexer *lx, struct token t)
{
    syntax_error(lx, "%s unexpected", token_name(t));
}

/* The ) that ends a (...), a $(...), a case pattern or the () of a function: anything else is
 * "word unexpected (expecting ")")". */
static void expect_rparen(struct lexer *lx)
{
    struct token t = next(lx);

    if (t.type != T_RPAREN)
        syntax_error(lx, "%s unexpected (expecting \")\")", token_name(t));
}

/* Is the next token the (unquoted) word kw? */
static int peek_word(struct lexer *lx, const char *kw)
{
    struct token t = peek(lx);

    return t.type == T_WORD && strcmp(t.text, kw) == 0;
}

static void expect_word(struct lexer *lx, const char *kw)
{
    struct token t = next(lx);

    if (t.type != T_WORD || strcmp(t.text, kw) != 0)
        syntax_error(lx, "%s unexpected (expecting \"%s\")", token_name(t), kw);
}

static void skip_newlines(struct lexer *lx)
{
    while (peek(lx).type == T_NEWLINE)
        next(lx);
}

static int is_redirect_op(enum tok t)
{
    return t >= T_LESS && t <= T_DLESSDASH;
}

/* Reserved words that end a list: a command cannot start with them. */
static int ends_list(struct lexer *lx)
{
    static const char *enders[] = { "then", "else", "elif", "fi", "do", "done", "esac", "}", NULL };
    struct token t = peek(lx);
    int i;

    if (t.type == T_EOF || t.type == T_RPAREN || t.type == T_DSEMI)
        return 1;
    if (t.type != T_WORD)
        return 0;
    for (i = 0; enders[i] != NULL; i++)
        if (strcmp(t.text, enders[i]) == 0)
            return 1;
    return 0;
}

/* ---- building nodes ---- */

static struct node *new_node(struct lexer *lx, enum node_kind kind)
{
    struct node *n = arena_alloc(lx->arena, sizeof(struct node));

    n->kind = kind;
    n->line = lx->in->line;
    return n;
}

static struct node *binary(struct lexer *lx, enum node_kind kind, struct node *l, struct node *r)
{
    struct node *n = new_node(lx, kind);

    n->left = l;
    n->right = r;
    return n;
}

/* A growing NULL-terminated array of raw words, in the arena. */
struct wordvec {
    char **v;
    int n, cap;
};

static void wv_add(struct lexer *lx, struct wordvec *wv, char *w)
{
    if (wv->n + 2 > wv->cap) {
        char **bigger;

        wv->cap = wv->cap ? wv->cap * 2 : 8;
        bigger = arena_alloc(lx->arena, sizeof(char *) * (size_t)wv->cap);
        if (wv->n > 0)
            memcpy(bigger, wv->v, sizeof(char *) * (size_t)wv->n);
        wv->v = bigger;
    }
    wv->v[wv->n++] = w;
    wv->v[wv->n] = NULL;
}

/* ---- the grammar ---- */

static struct node *parse_list(struct lexer *lx, int top);
static struct node *parse_command(struct lexer *lx);
static void substitute_aliases(struct lexer *lx);

/* A word with the quotes taken off, for a here-document's delimiter. */
static char *unquote_simple(struct lexer *lx, const char *raw, int *quoted)
{
    struct strbuf sb;
    char *s;

    sb_init(&sb);
    *quoted = 0;
    for (; *raw; raw++) {
        if (*raw == '\'' || *raw == '"') {
            *quoted = 1;
        } else if (*raw == '\\' && raw[1]) {
            *quoted = 1;
            sb_addc(&sb, *++raw);
        } else {
            sb_addc(&sb, *raw);
        }
    }
    s = arena_strndup(lx->arena, sb.s, sb.len);
    sb_free(&sb);
    return s;
}

static struct redir *parse_redirect(struct lexer *lx, struct token op)
{
    struct redir *r = arena_alloc(lx->arena, sizeof(struct redir));
    struct token target = next(lx);
    struct redir **tail;

    if (target.type != T_WORD)
        unexpected(lx, target);
    r->word = target.text;
    switch (op.type) {
    case T_LESS: r->kind = R_IN; r->fd = 0; break;
    case T_GREAT: r->kind = R_OUT; r->fd = 1; break;
    case T_DGREAT: r->kind = R_APPEND; r->fd = 1; break;
    case T_LESSAND: r->kind = R_DUPIN; r->fd = 0; break;
    case T_GREATAND: r->kind = R_DUPOUT; r->fd = 1; break;
    case T_LESSGREAT: r->kind = R_RDWR; r->fd = 0; break;
    case T_CLOBBER: r->kind = R_CLOBBER; r->fd = 1; break;
    default:        /* << and <<-: the text comes after this line */
        r->kind = R_HEREDOC;
        r->fd = 0;
        r->strip_tabs = op.type == T_DLESSDASH;
        r->heredoc_end = unquote_simple(lx, target.text, &r->heredoc_quoted);
        r->word = NULL;
        for (tail = &lx->heredocs; *tail != NULL; tail = &(*tail)->next_heredoc)
            ;
        *tail = r;
        break;
    }
    if (op.fd >= 0)
        r->fd = op.fd;
    return r;
}

static void add_redirect(struct redir **list, struct redir *r)
{
    while (*list != NULL)
        list = &(*list)->next;
    *list = r;
}

int is_assignment(const char *raw)
{
    const char *eq = strchr(raw, '=');

    return eq != NULL && is_name_n(raw, (size_t)(eq - raw));
}

/* A function named after a special builtin could never be called - the builtin is found first
 * (POSIX 2.9.1.4) - so dash refuses to define it, and counts local as one of them. */
static int names_special_builtin(const char *name)
{
    int special;

    return builtin_find(name, &special) != NULL && (special || strcmp(name, "local") == 0);
}

/* NAME ( ) newlines command (POSIX says a compound one; dash takes any) */
static struct node *parse_function(struct lexer *lx, char *name)
{
    struct node *n = new_node(lx, N_FUNC);
    struct node *body;

    expect_rparen(lx);          /* first, as dash: [ ( x ] is 'word unexpected (expecting ")")' */
    if (!is_name(name) || names_special_builtin(name))
        syntax_error(lx, "Bad function name");
    skip_newlines(lx);
    body = parse_command(lx);   /* any command, as dash takes it: f() echo hi is a function */
    n->name = name;
    n->body = body;
    return n;
}

static struct node *parse_simple(struct lexer *lx)
{
    struct node *n = new_node(lx, N_SIMPLE);
    struct wordvec assigns = { NULL, 0, 0 }, words = { NULL, 0, 0 };
    struct token t;
    size_t end;

    for (;;) {
        t = peek(lx);
        if (is_redirect_op(t.type)) {
            next(lx);
            add_redirect(&n->redirs, parse_redirect(lx, t));
            if (words.n == 0)
                substitute_aliases(lx);     /* the command name may come next: >f ll */
        } else if (t.type == T_WORD) {
            next(lx);
            end = lx->in->pos;              /* (before a peek moves it) */
            if (words.n == 0 && is_assignment(t.text)) {
                wv_add(lx, &assigns, t.text);
                substitute_aliases(lx);     /* so may it here: x=1 ll */
            } else if (words.n == 0 && assigns.n == 0 && n->redirs == NULL
                       && peek(lx).type == T_LPAREN) {
                next(lx);
                return parse_function(lx, t.text);
            } else {
                wv_add(lx, &words, t.text);
                /* an alias's text ending in a blank ended after it: the next word may be one */
                if (alias_blank_ended(end, peek(lx).start))
                    substitute_aliases(lx);
            }
        } else {
            break;
        }
    }
    if (words.n == 0 && assigns.n == 0 && n->redirs == NULL)
        unexpected(lx, t);
    n->assigns = assigns.v;
    n->words = words.v;
    return n;
}

/* After "if" or "elif": cond then body [elif ... | else body] fi */
static struct node *parse_if(struct lexer *lx)
{
    struct node *n = new_node(lx, N_IF);

    n->cond = parse_list(lx, 0);
    expect_word(lx, "then");
    n->body = parse_list(lx, 0);
    if (peek_word(lx, "elif")) {
        next(lx);
        n->orelse = parse_if(lx);       /* it reads the fi */
        return n;
    }
    if (peek_word(lx, "else")) {
        next(lx);
        n->orelse = parse_list(lx, 0);
    }
    expect_word(lx, "fi");
    return n;
}

static struct node *parse_loop(struct lexer *lx, enum node_kind kind)
{
    struct node *n = new_node(lx, kind);

    n->cond = parse_list(lx, 0);
    expect_word(lx, "do");
    n->body = parse_list(lx, 0);
    expect_word(lx, "done");
    return n;
}

/* for NAME [in word...] ; do list done   (without "in": the positional parameters) */
static struct node *parse_for(struct lexer *lx)
{
    struct node *n = new_node(lx, N_FOR);
    struct token t = next(lx);
    struct wordvec words = { NULL, 0, 0 };

    if (t.type != T_WORD || !is_name(t.text)) {
        syntax_error(lx, "Bad for loop variable");
    }
    n->name = t.text;
    skip_newlines(lx);
    if (peek_word(lx, "in")) {
        next(lx);
        wv_add(lx, &words, NULL);       /* an empty list is still a list */
        words.n = 0;
        while (peek(lx).type == T_WORD) {
            t = next(lx);
            wv_add(lx, &words, t.text);
        }
        n->list = words.v;
        t = next(lx);
        if (t.type != T_SEMI && t.type != T_NEWLINE)
            unexpected(lx, t);
    } else if (peek(lx).type == T_SEMI) {
        next(lx);
    }
    skip_newlines(lx);
    expect_word(lx, "do");
    n->body = parse_list(lx, 0);
    expect_word(lx, "done");
    return n;
}

/* case WORD in [(] pattern [| pattern]... ) list ;; ... esac */
static struct node *parse_case(struct lexer *lx)
{
    struct node *n = new_node(lx, N_CASE);
    struct caseitem **tail = &n->items;
    struct token t = next(lx);

    if (t.type != T_WORD)
        unexpected(lx, t);
    n->name = t.text;
    skip_newlines(lx);
    expect_word(lx, "in");
    skip_newlines(lx);
    while (!peek_word(lx, "esac")) {
        struct caseitem *item = arena_alloc(lx->arena, sizeof(struct caseitem));
        struct wordvec pats = { NULL, 0, 0 };

        if (peek(lx).type == T_LPAREN)
            next(lx);
        for (;;) {
            t = next(lx);
            if (t.type != T_WORD)
                syntax_error(lx, "%s unexpected (expecting \")\")", token_name(t));
            wv_add(lx, &pats, t.text);
            if (peek(lx).type != T_PIPE)
                break;
            next(lx);
        }
        expect_rparen(lx);
        skip_newlines(lx);
        if (!peek_word(lx, "esac") && peek(lx).type != T_DSEMI)
            item->body = parse_list(lx, 0);
        item->patterns = pats.v;
        *tail = item;
        tail = &item->next;
        if (peek(lx).type != T_DSEMI && !peek_word(lx, "esac"))
            syntax_error(lx, "%s unexpected (expecting \";;\")", token_name(peek(lx)));
        if (peek(lx).type != T_DSEMI)
            break;
        next(lx);
        skip_newlines(lx);
    }
    expect_word(lx, "esac");
    return n;
}

static struct node *parse_compound(struct lexer *lx, struct token t)
{
    struct node *n;

    if (t.type == T_LPAREN) {
        n = new_node(lx, N_SUBSHELL);
        skip_newlines(lx);
        if (peek(lx).type == T_EOF)
            expect_rparen(lx);
        n->body = parse_list(lx, 0);
        expect_rparen(lx);
        return n;
    }
    if (strcmp(t.text, "{") == 0) {
        n = new_node(lx, N_GROUP);
        n->body = parse_list(lx, 0);
        expect_word(lx, "}");
        return n;
    }
    if (strcmp(t.text, "if") == 0)
        return parse_if(lx);
    if (strcmp(t.text, "while") == 0)
        return parse_loop(lx, N_WHILE);
    if (strcmp(t.text, "until") == 0)
        return parse_loop(lx, N_UNTIL);
    if (strcmp(t.text, "for") == 0)
        return parse_for(lx);
    return parse_case(lx);
}

static int starts_compound(struct token t)
{
    static const char *starters[] = { "{", "if", "while", "until", "for", "case", NULL };
    int i;

    if (t.type == T_LPAREN)
        return 1;
    if (t.type != T_WORD)
        return 0;
    for (i = 0; starters[i] != NULL; i++)
        if (strcmp(t.text, starters[i]) == 0)
            return 1;
    return 0;
}

/* Where a command name may be: replace aliases (alias.c) until the word is none. */
static void substitute_aliases(struct lexer *lx)
{
    struct token t;

    while (!lx->no_alias && (t = peek(lx)).type == T_WORD
           && alias_substitute(lx->in, t.start, t.text))
        lx->have_peeked = 0;
}

static struct node *parse_command(struct lexer *lx)
{
    struct token t;
    struct node *n;

    stack_check();
    substitute_aliases(lx);
    t = peek(lx);

    if (starts_compound(t)) {
        next(lx);
        n = parse_compound(lx, t);
        while (is_redirect_op(peek(lx).type)) {
            t = next(lx);
            add_redirect(&n->redirs, parse_redirect(lx, t));
        }
        return n;
    }
    if (ends_list(lx) || peek_word(lx, "!"))     /* ! only begins a pipeline: ! ! and | ! are */
        unexpected(lx, t);                       /* mistakes in dash */
    return parse_simple(lx);
}

static struct node *parse_pipeline(struct lexer *lx)
{
    struct node *n, *first;
    int negate = 0, cap = 4;

    if (peek_word(lx, "!")) {
        next(lx);
        negate = 1;
    }
    first = parse_command(lx);
    n = first;
    if (peek(lx).type == T_PIPE) {
        n = new_node(lx, N_PIPE);
        n->cmds = arena_alloc(lx->arena, sizeof(struct node *) * (size_t)cap);
        n->cmds[n->ncmds++] = first;
        while (peek(lx).type == T_PIPE) {
            next(lx);
            skip_newlines(lx);
            if (n->ncmds == cap) {
                struct node **bigger = arena_alloc(lx->arena, sizeof(struct node *) * (size_t)cap * 2);

                memcpy(bigger, n->cmds, sizeof(struct node *) * (size_t)cap);
                n->cmds = bigger;
                cap *= 2;
            }
            n->cmds[n->ncmds++] = parse_command(lx);
        }
    }
    if (negate) {
        struct node *not = new_node(lx, N_NOT);

        not->body = n;
        n = not;
    }
    return n;
}

/* The source text from start up to the next token, trimmed: what `jobs` shows. */
static char *source_text(struct lexer *lx, size_t start)
{
    size_t end = peek(lx).start;

    while (end > start && (lx->in->buf[end - 1] == ' ' || lx->in->buf[end - 1] == '\t'
                           || lx->in->buf[end - 1] == '\n'))
        end--;
    return arena_strndup(lx->arena, lx->in->buf + start, end - start);
}

static struct node *parse_and_or(struct lexer *lx)
{
    size_t start = peek(lx).start;
    struct node *n = parse_pipeline(lx);
    struct token t;

    while ((t = peek(lx)).type == T_AND || t.type == T_OR) {
        next(lx);
        skip_newlines(lx);
        n = binary(lx, t.type == T_AND ? N_AND : N_OR, n, parse_pipeline(lx));
    }
    n->text = source_text(lx, start);
    return n;
}

/* A list of and_or commands separated by ; & or (inside compound commands) newlines. */
static struct node *parse_list(struct lexer *lx, int top)
{
    struct node *list = NULL, *item;
    struct token t;

    if (!top) {
        skip_newlines(lx);
        if (peek(lx).type == T_EOF)
            return NULL;        /* for the caller to say what it expected: if, then EOF is */
    }                           /* 'end of file unexpected (expecting "then")' (dash) */
    for (;;) {
        item = parse_and_or(lx);
        t = peek(lx);
        if (t.type == T_AMP) {
            struct node *bg = new_node(lx, N_BG);

            bg->body = item;
            bg->text = item->text;
            item = bg;
        }
        list = list == NULL ? item : binary(lx, N_SEQ, list, item);
        if (t.type == T_SEMI || t.type == T_AMP) {
            next(lx);
        } else if (t.type != T_NEWLINE || top) {
            break;
        }
        if (top) {
            t = peek(lx);
            if (t.type == T_NEWLINE || t.type == T_EOF)
                break;
        } else {
            skip_newlines(lx);
            if (ends_list(lx))
                break;
        }
    }
    return list;
}

/* One line's complete command. *out is NULL for an empty line; returns 0 at the end of input. */
int parse_line(struct input *in, struct arena *arena, struct node **out)
{
    struct lexer lx;
    struct token t;

    memset(&lx, 0, sizeof lx);
    lx.in = in;
    lx.arena = arena;
    *out = NULL;
    alias_reset();
    t = peek(&lx);
    if (t.type == T_EOF)
        return 0;
    if (t.type == T_NEWLINE) {
        next(&lx);
        return 1;
    }
    *out = parse_list(&lx, 1);
    t = next(&lx);
    if (t.type != T_NEWLINE && t.type != T_EOF)
        unexpected(&lx, t);
    return 1;
}

/* At "$(": parse the command inside to find the ")" that ends it. The tree is thrown away;
 * expansion parses the text again when it runs it. */
size_t parse_subst_end(struct input *in)
{
    struct lexer lx;
    struct arena arena;
    struct token t;

    memset(&lx, 0, sizeof lx);
    memset(&arena, 0, sizeof arena);
    lx.in = in;
    lx.arena = &arena;
    lx.no_alias = 1;            /* its aliases are replaced when it runs, not in its text */
    skip_newlines(&lx);
    if (peek(&lx).type != T_RPAREN)
        parse_list(&lx, 0);
    expect_rparen(&lx);
    arena_free(&arena);
    return in->pos;
}
