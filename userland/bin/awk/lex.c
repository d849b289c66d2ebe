/*
 * lex.c - the lexer: cuts the program text into tokens, one at a time (lex_next).
 *
 * Newlines are tokens, since they end statements; a backslash before a newline joins the lines,
 * and a comment runs from # to the end of the line. A name directly followed by ( is a
 * TK_FUNC_NAME (a call of a user function must have no blank there). A / starts a regular
 * expression /.../ where an operand is expected, that is, unless the token before it ends an
 * operand (a name, a number, a string, ) ] ++ --), where it divides.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include "awk.h"

static const struct { const char *name; int tok; } keywords[] = {
    {"BEGIN", TK_BEGIN}, {"END", TK_END}, {"function", TK_FUNCTION}, {"if", TK_IF},
    {"else", TK_ELSE}, {"while", TK_WHILE}, {"for", TK_FOR}, {"do", TK_DO}, {"break", TK_BREAK},
    {"continue", TK_CONTINUE}, {"next", TK_NEXT}, {"exit", TK_EXIT}, {"return", TK_RETURN},
    {"delete", TK_DELETE}, {"in", TK_IN}, {"getline", TK_GETLINE}, {"print", TK_PRINT},
    {"printf", TK_PRINTF},
};

static const char *builtins[] = {
    "length", "substr", "index", "split", "sub", "gsub", "match", "sprintf", "tolower",
    "toupper", "int", "sqrt", "exp", "log", "sin", "cos", "atan2", "rand", "srand", "system",
    "close", "fflush",
};

/* Operators, longest first, so that "**=" is found before "**" and "*". */
static const struct { const char *text; int tok; } operators[] = {
    {"**=", TK_POW_ASSIGN}, {"+=", TK_ADD_ASSIGN}, {"-=", TK_SUB_ASSIGN}, {"*=", TK_MUL_ASSIGN},
    {"/=", TK_DIV_ASSIGN}, {"%=", TK_MOD_ASSIGN}, {"^=", TK_POW_ASSIGN}, {"||", TK_OR},
    {"&&", TK_AND}, {"!~", TK_NOMATCH}, {"==", TK_EQ}, {"<=", TK_LE}, {">=", TK_GE},
    {"!=", TK_NE}, {"++", TK_INCR}, {"--", TK_DECR}, {">>", TK_APPEND}, {"**", TK_POW},
};

/* "awk: syntax error at source line N" (and what, if not NULL), then the line with the current
 * token marked: >>> x <<<. Exit status 2. */
_Noreturn void lex_error(Lexer *lx, const char *what)
{
    const char *start = lx->tok_start, *end = lx->p > start ? lx->p : start + (*start != 0);
    if (end > start && end[-1] == '\n')          /* the token is the newline: mark its place */
        end--;
    const char *line = start, *eol = end;
    while (line > lx->src && line[-1] != '\n')
        line--;
    while (*eol && *eol != '\n')
        eol++;
    fflush(stdout);
    fprintf(stderr, "awk: syntax error at source line %d%s%s\n context is\n\t%.*s>>> %.*s <<< %.*s\n",
            lx->tok == TK_NEWLINE ? lx->line - 1 : lx->line, what ? ": " : "", what ? what : "",
            (int)(start - line), line, (int)(end - start), start, (int)(eol - end), end);
    exit(2);
}

void lex_init(Lexer *lx, const char *src)
{
    memset(lx, 0, sizeof *lx);
    lx->src = lx->p = src;
    lx->line = 1;
    lx->tok = TK_NEWLINE;
    lex_next(lx);
}

/* Does the token end an operand, so that a / after it divides? */
static int ends_operand(int tok)
{
    return tok == TK_NAME || tok == TK_NUMBER || tok == TK_STRING || tok == TK_ERE ||
           tok == TK_BUILTIN || tok == ')' || tok == ']' || tok == TK_INCR ||
           tok == TK_DECR;
}

static void skip_blanks_and_comments(Lexer *lx)
{
    for (;;) {
        if (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r')
            lx->p++;
        else if (lx->p[0] == '\\' && lx->p[1] == '\n') {
            lx->p += 2;
            lx->line++;
        } else if (lx->p[0] == '\\' && lx->p[1] == '\r' && lx->p[2] == '\n') {
            lx->p += 3;
            lx->line++;
        } else if (*lx->p == '#') {
            while (*lx->p && *lx->p != '\n')
                lx->p++;
        } else
            return;
    }
}

/* The value of the escape sequence at s (after its backslash); *len: how many chars it used.
 * -1: not an escape sequence that strings know. */
static int escape_value(const char *s, int *len)
{
    static const char from[] = "\"\\/abfnrtv", to[] = "\"\\/\a\b\f\n\r\t\v";
    const char *hit = *s ? strchr(from, *s) : NULL;
    *len = 1;
    if (hit)
        return to[hit - from];
    if (*s >= '0' && *s <= '7') {
        int v = 0, i = 0;
        while (i < 3 && s[i] >= '0' && s[i] <= '7')
            v = v * 8 + (s[i++] - '0');
        *len = i;
        return v;
    }
    return -1;
}

/* The string literal's text s[0..n) with its escape sequences replaced (a new string). An unknown
 * escape \c stays as the two characters, as mawk keeps them. */
char *unescape_string(const char *s, size_t n)
{
    char *out = xmalloc(n + 1), *o = out;
    size_t i = 0;
    while (i < n) {
        int len, c;
        if (s[i] == '\\' && i + 1 < n && (c = escape_value(s + i + 1, &len)) >= 0) {
            *o++ = (char)c;
            i += 1 + len;
        } else
            *o++ = s[i++];
    }
    *o = '\0';
    return out;
}

static void lex_string(Lexer *lx)
{
    const char *start = ++lx->p;
    while (*lx->p && *lx->p != '"' && *lx->p != '\n')
        lx->p += (*lx->p == '\\' && lx->p[1]) ? 2 : 1;
    if (*lx->p != '"')
        lex_error(lx, "non-terminated string");
    lx->text = unescape_string(start, (size_t)(lx->p - start));
    lx->p++;
    lx->tok = TK_STRING;
}

static void lex_regex(Lexer *lx)
{
    const char *start = ++lx->p;
    while (*lx->p && *lx->p != '/' && *lx->p != '\n')
        lx->p += (*lx->p == '\\' && lx->p[1]) ? 2 : 1;
    if (*lx->p != '/')
        lex_error(lx, "non-terminated regular expression");
    lx->text = regex_source(start, (size_t)(lx->p - start));
    lx->p++;
    lx->tok = TK_ERE;
}

static void lex_number(Lexer *lx)
{
    const char *q = lx->p;
    while (isdigit((unsigned char)*q))
        q++;
    if (*q == '.')
        for (q++; isdigit((unsigned char)*q); q++)
            ;
    if ((*q == 'e' || *q == 'E') && (isdigit((unsigned char)q[1]) ||
            ((q[1] == '+' || q[1] == '-') && isdigit((unsigned char)q[2]))))
        for (q += 2; isdigit((unsigned char)*q); q++)
            ;
    char *text = xmalloc((size_t)(q - lx->p) + 1);
    memcpy(text, lx->p, (size_t)(q - lx->p));
    text[q - lx->p] = '\0';
    lx->num = strtod(text, NULL);
    free(text);
    lx->p = q;
    lx->tok = TK_NUMBER;
}

static void lex_word(Lexer *lx)
{
    const char *start = lx->p;
    while (isalnum((unsigned char)*lx->p) || *lx->p == '_')
        lx->p++;
    size_t n = (size_t)(lx->p - start);
    lx->text = xmalloc(n + 1);
    memcpy(lx->text, start, n);
    lx->text[n] = '\0';
    for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
        if (strcmp(lx->text, keywords[i].name) == 0) {
            lx->tok = keywords[i].tok;
            return;
        }
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++)
        if (strcmp(lx->text, builtins[i]) == 0) {
            lx->tok = TK_BUILTIN;
            lx->builtin = (int)i;
            return;
        }
    lx->tok = *lx->p == '(' ? TK_FUNC_NAME : TK_NAME;
}

static void lex_operator(Lexer *lx)
{
    for (size_t i = 0; i < sizeof operators / sizeof operators[0]; i++) {
        size_t n = strlen(operators[i].text);
        if (strncmp(lx->p, operators[i].text, n) == 0) {
            lx->p += n;
            lx->tok = operators[i].tok;
            return;
        }
    }
    if (!strchr("{}()[];,+-*/%^!<>|?:~$=", *lx->p))
        lex_error(lx, "unexpected character");
    lx->tok = (unsigned char)*lx->p++;
}

void lex_next(Lexer *lx)
{
    lx->prev = lx->tok;
    lx->tok = 0;                                /* none yet, for lex_error */
    skip_blanks_and_comments(lx);
    lx->tok_start = lx->p;
    if (*lx->p == '\0')
        lx->tok = TK_EOF;
    else if (*lx->p == '\n') {
        lx->p++;
        lx->tok = TK_NEWLINE;
        lx->line++;
    } else if (*lx->p == '"')
        lex_string(lx);
    else if (*lx->p == '/' && !ends_operand(lx->prev))
        lex_regex(lx);
    else if (isdigit((unsigned char)*lx->p) || (*lx->p == '.' && isdigit((unsigned char)lx->p[1])))
        lex_number(lx);
    else if (isalpha((unsigned char)*lx->p) || *lx->p == '_')
        lex_word(lx);
    else
        lex_operator(lx);
}
