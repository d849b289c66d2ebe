/*
 * lex.c - the lexer: characters into tokens (words, operators, newlines), and here-documents.
 *
 * A word keeps its raw text - quotes, backslashes, $(...) and all - because what a quote means is
 * decided later, by expansion (expand.c). The lexer only has to find where each word ends, which
 * means understanding quotes and the nested constructs ${...}, $(...), $((...)) and `...`: a space
 * or a ; inside them does not end the word. The end of a $( ... ) is found by parsing the command
 * inside it (parse_subst_end), the only sure way: `$(case x in x) echo;; esac)` has an unmatched ).
 *
 * Reserved words (if, then, while, ...) are ordinary words here; the parser recognises them where
 * a command may start.
 */
#include <stdlib.h>
#include <string.h>
#include "sh.h"

/* ---- the arena: what one command's parse allocates ---- */

void *arena_alloc(struct arena *a, size_t n)
{
    void *p = xmalloc(n);

    memset(p, 0, n);
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 32;
        a->ptrs = xrealloc(a->ptrs, sizeof(void *) * (size_t)a->cap);
    }
    a->ptrs[a->n++] = p;
    return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
    char *p = arena_alloc(a, n + 1);

    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

void arena_free(struct arena *a)
{
    int i;

    if (a->pinned)          /* a function defined here still uses the tree */
        return;
    for (i = 0; i < a->n; i++)
        free(a->ptrs[i]);
    free(a->ptrs);
    a->ptrs = NULL;
    a->n = a->cap = 0;
}

/* ---- characters ---- */

static int is_blank(int c)
{
    return c == ' ' || c == '\t';
}

/* Characters that end an unquoted word. */
static int is_meta(int c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == ';' || c == '&' || c == '|' || c == '<'
        || c == '>' || c == '(' || c == ')';
}

static _Noreturn void lex_error(struct lexer *lx, const char *what)
{
    syntax_error(lx, "%s", what);
}

static void lex_dollar(struct lexer *lx, struct strbuf *w);
static void lex_dquote(struct lexer *lx, struct strbuf *w);
static void lex_backquote(struct lexer *lx, struct strbuf *w);

/* After a backslash: keep it and the character it quotes; a backslash-newline vanishes. */
static void lex_backslash(struct lexer *lx, struct strbuf *w)
{
    int c = input_get(lx->in);

    if (c == '\n')
        return;
    sb_addc(w, '\\');
    if (c >= 0)
        sb_addc(w, c);
}

static void lex_squote(struct lexer *lx, struct strbuf *w)
{
    int c;

    sb_addc(w, '\'');
    while ((c = input_get(lx->in)) != '\'') {
        if (c < 0)
            lex_error(lx, "Unterminated quoted string");
        sb_addc(w, c);
    }
    sb_addc(w, '\'');
}

/* From `open` up to `close`, where \, $ and ` are special - and quotes too if `quotes`:
 * the body of "..." and of ${...}. */
static void lex_enclosed(struct lexer *lx, struct strbuf *w, int open, int close, int quotes,
                         const char *unterminated)
{
    int c;

    sb_addc(w, open);
    for (;;) {
        c = input_get(lx->in);
        if (c < 0)
            lex_error(lx, unterminated);
        if (c == close)
            break;
        if (c == '\\')
            lex_backslash(lx, w);
        else if (quotes && c == '\'')
            lex_squote(lx, w);
        else if (quotes && c == '"')
            lex_dquote(lx, w);
        else if (c == '$')
            lex_dollar(lx, w);
        else if (c == '`')
            lex_backquote(lx, w);
        else
            sb_addc(w, c);
    }
    sb_addc(w, close);
}

/* Inside "...": only \, $ and ` are special. */
static void lex_dquote(struct lexer *lx, struct strbuf *w)
{
    lx->dquotes++;
    lex_enclosed(lx, w, '"', '"', 0, "Unterminated quoted string");
    lx->dquotes--;
}

static void lex_backquote(struct lexer *lx, struct strbuf *w)
{
    int c;

    sb_addc(w, '`');
    while ((c = input_get(lx->in)) != '`') {
        if (c < 0)
            lex_error(lx, "EOF in backquote substitution");
        sb_addc(w, c);
        if (c == '\\' && (c = input_get(lx->in)) >= 0)
            sb_addc(w, c);
    }
    sb_addc(w, '`');
}

/* ${ ... }: up to the matching brace, minding quotes and nested expansions. The input ending
 * inside it is, as dash says, an unterminated string if the ${ was inside "...". */
static void lex_brace(struct lexer *lx, struct strbuf *w)
{
    lex_enclosed(lx, w, '{', '}', 1, lx->dquotes ? "Unterminated quoted string" : "Missing '}'");
}

/* $(( ... )): up to the "))" that closes it, counting parentheses. */
static void lex_arith(struct lexer *lx, struct strbuf *w)
{
    int c, depth = 0;

    sb_adds(w, "((");
    for (;;) {
        c = input_get(lx->in);
        if (c < 0)
            lex_error(lx, "Missing '))'");
        if (c == ')' && depth == 0) {
            if (input_get(lx->in) != ')')
                lex_error(lx, "Missing '))'");
            break;
        }
        if (c == '(')
            depth++;
        else if (c == ')')
            depth--;
        if (c == '$')
            lex_dollar(lx, w);
        else
            sb_addc(w, c);
    }
    sb_adds(w, "))");
}

/* After a $: ${...}, $((...)), $(...), or a plain $ (the name after it is ordinary text). */
static void lex_dollar(struct lexer *lx, struct strbuf *w)
{
    int c = input_peek(lx->in);
    size_t start;

    sb_addc(w, '$');
    if (c == '{') {
        input_get(lx->in);
        lex_brace(lx, w);
    } else if (c == '(') {
        input_get(lx->in);
        if (input_peek(lx->in) == '(') {
            input_get(lx->in);
            lex_arith(lx, w);
            return;
        }
        sb_addc(w, '(');
        start = lx->in->pos;
        parse_subst_end(lx->in);                /* consumes the closing ) */
        sb_addn(w, lx->in->buf + start, lx->in->pos - start);
    }
}

/* A word: up to an unquoted blank, newline or operator character. */
static char *lex_word(struct lexer *lx)
{
    struct strbuf w;
    int c;
    char *text;

    sb_init(&w);
    while ((c = input_peek(lx->in)) >= 0 && !is_meta(c)) {
        input_get(lx->in);
        if (c == '\\')
            lex_backslash(lx, &w);
        else if (c == '\'')
            lex_squote(lx, &w);
        else if (c == '"')
            lex_dquote(lx, &w);
        else if (c == '$')
            lex_dollar(lx, &w);
        else if (c == '`')
            lex_backquote(lx, &w);
        else
            sb_addc(&w, c);
    }
    text = arena_strndup(lx->arena, w.s, w.len);
    sb_free(&w);
    return text;
}

/* An operator: the longest of ; ;; & && | || ( ) < > << <<- <& >& <> >> >| */
static enum tok lex_operator(struct lexer *lx)
{
    struct input *in = lx->in;
    int c = input_get(in), d = input_peek(in);

    switch (c) {
    case '&':
        if (d == '&') { input_get(in); return T_AND; }
        return T_AMP;
    case '|':
        if (d == '|') { input_get(in); return T_OR; }
        return T_PIPE;
    case ';':
        if (d == ';') { input_get(in); return T_DSEMI; }
        return T_SEMI;
    case '(':
        return T_LPAREN;
    case ')':
        return T_RPAREN;
    case '<':
        if (d == '&') { input_get(in); return T_LESSAND; }
        if (d == '>') { input_get(in); return T_LESSGREAT; }
        if (d == '<') {
            input_get(in);
            if (input_peek(in) == '-') { input_get(in); return T_DLESSDASH; }
            return T_DLESS;
        }
        return T_LESS;
    default:    /* '>' */
        if (d == '>') { input_get(in); return T_DGREAT; }
        if (d == '&') { input_get(in); return T_GREATAND; }
        if (d == '|') { input_get(in); return T_CLOBBER; }
        return T_GREAT;
    }
}

/* Does the line end in a backslash that is not itself quoted by one? */
static int ends_in_backslash(const struct strbuf *line)
{
    size_t n = 0;

    while (n < line->len && line->s[line->len - 1 - n] == '\\')
        n++;
    return n % 2 == 1;
}

/* Read the text of the here-documents announced on the line that just ended. In one whose
 * delimiter was not quoted, a backslash-newline joins two lines, so the line after it is never
 * the delimiter (dash); expand_heredoc removes the backslash-newline. */
static void read_heredocs(struct lexer *lx)
{
    struct redir *r;
    struct strbuf body, line;
    int c, continued;

    for (r = lx->heredocs; r != NULL; r = r->next_heredoc) {
        sb_init(&body);
        continued = 0;
        for (;;) {
            sb_init(&line);
            while ((c = input_get(lx->in)) >= 0 && c != '\n')
                sb_addc(&line, c);
            {
                const char *text = line.s;

                if (r->strip_tabs)      /* <<- strips leading tabs */
                    while (*text == '\t')
                        text++;
                if ((!continued && strcmp(text, r->heredoc_end) == 0) || (c < 0 && line.len == 0)) {
                    sb_free(&line);
                    break;
                }
                sb_adds(&body, text);
                if (c >= 0)             /* the input may end without a newline, and so does the text */
                    sb_addc(&body, '\n');
            }
            continued = !r->heredoc_quoted && ends_in_backslash(&line);
            sb_free(&line);
            if (c < 0)
                break;
        }
        r->word = arena_strndup(lx->arena, body.s, body.len);
        sb_free(&body);
    }
    lx->heredocs = NULL;
}

struct token lex_next(struct lexer *lx)
{
    struct input *in = lx->in;
    struct token t;
    int c;
    size_t i;

    t.fd = -1;
    t.text = NULL;
    for (;;) {      /* blanks, line continuations and comments separate tokens */
        c = input_peek(in);
        if (is_blank(c)) {
            input_get(in);
        } else if (c == '\\' && input_peek2(in) == '\n') {
            input_get(in);
            input_get(in);
        } else if (c == '#') {
            while ((c = input_peek(in)) >= 0 && c != '\n')
                input_get(in);
        } else {
            break;
        }
    }
    t.start = in->pos;
    if (c < 0) {
        if (lx->heredocs != NULL)   /* cat <<END at the very end: no text, an empty document */
            read_heredocs(lx);
        t.type = T_EOF;
        return t;
    }
    if (c == '\n') {
        input_get(in);
        t.type = T_NEWLINE;
        if (lx->heredocs != NULL)
            read_heredocs(lx);
        return t;
    }
    if (is_meta(c)) {
        t.type = lex_operator(lx);
        return t;
    }
    t.type = T_WORD;
    t.text = lex_word(lx);
    /* "2>file": a word of digits right before < or > is the descriptor to redirect */
    c = input_peek(in);
    if (c == '<' || c == '>') {
        for (i = 0; t.text[i] >= '0' && t.text[i] <= '9'; i++)
            ;
        if (i > 0 && t.text[i] == '\0' && i < 4) {
            t.fd = atoi(t.text);
            t.type = lex_operator(lx);
            t.text = NULL;
        }
    }
    return t;
}
