// A tokenizer and recursive-descent calculator over stdin lines: + - * / % ^, unary minus,
// parentheses, variables (let x = ...), and error reporting.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>

enum kind { NUM, IDENT, OP, END, BAD };
struct token { enum kind kind; long value; char name[16]; char op; };

static const char *src;
static struct token tok;
static int error;
static char var_names[26][16];
static long var_values[26];
static int nvars;

static void next(void) {
    while (*src == ' ' || *src == '\t')
        src++;
    if (*src == '\0' || *src == '\n') {
        tok.kind = END;
    } else if (isdigit((unsigned char)*src)) {
        tok.kind = NUM;
        char *end;
        tok.value = strtol(src, &end, 10);
        src = end;
    } else if (isalpha((unsigned char)*src)) {
        int n = 0;
        while (isalnum((unsigned char)*src) && n < 15)
            tok.name[n++] = *src++;
        tok.name[n] = '\0';
        tok.kind = IDENT;
    } else if (strchr("+-*/%^()=", *src)) {
        tok.kind = OP;
        tok.op = *src++;
    } else {
        tok.kind = BAD;
        tok.op = *src++;
    }
}

static long *lookup(const char *name, int create) {
    for (int i = 0; i < nvars; i++)
        if (strcmp(var_names[i], name) == 0)
            return &var_values[i];
    if (!create || nvars == 26)
        return NULL;
    strcpy(var_names[nvars], name);
    var_values[nvars] = 0;
    return &var_values[nvars++];
}

static long expr(void);

static long primary(void) {
    if (tok.kind == NUM) {
        long v = tok.value;
        next();
        return v;
    }
    if (tok.kind == IDENT) {
        long *p = lookup(tok.name, 0);
        if (!p) {
            printf("error: unknown variable %s\n", tok.name);
            error = 1;
        }
        next();
        return p ? *p : 0;
    }
    if (tok.kind == OP && tok.op == '(') {
        next();
        long v = expr();
        if (tok.kind == OP && tok.op == ')')
            next();
        else if (!error) {
            printf("error: expected )\n");
            error = 1;
        }
        return v;
    }
    if (tok.kind == OP && tok.op == '-') {
        next();
        return -primary();
    }
    if (!error) {
        printf("error: unexpected %s\n", tok.kind == END ? "end of line" : "character");
        error = 1;
    }
    return 0;
}

static long power(void) {
    long base = primary();
    if (tok.kind == OP && tok.op == '^') {
        next();
        long e = power();                   /* right-associative */
        long r = 1;
        while (e-- > 0)
            r *= base;
        return r;
    }
    return base;
}

static long term(void) {
    long v = power();
    while (tok.kind == OP && (tok.op == '*' || tok.op == '/' || tok.op == '%')) {
        char op = tok.op;
        next();
        long r = power();
        if ((op == '/' || op == '%') && r == 0) {
            if (!error)
                printf("error: division by zero\n");
            error = 1;
            r = 1;
        }
        v = op == '*' ? v * r : op == '/' ? v / r : v % r;
    }
    return v;
}

static long expr(void) {
    long v = term();
    while (tok.kind == OP && (tok.op == '+' || tok.op == '-')) {
        char op = tok.op;
        next();
        long r = term();
        v = op == '+' ? v + r : v - r;
    }
    return v;
}

int main(void) {
    char line[256];
    while (fgets(line, sizeof line, stdin)) {
        src = line;
        error = 0;
        next();
        if (tok.kind == END)
            continue;
        if (tok.kind == IDENT && strcmp(tok.name, "let") == 0) {
            next();
            char name[16];
            strcpy(name, tok.name);
            next();                           /* = */
            next();
            long v = expr();
            if (!error) {
                *lookup(name, 1) = v;
                printf("%s = %ld\n", name, v);
            }
            continue;
        }
        long v = expr();
        if (!error && tok.kind != END) {
            printf("error: trailing input\n");
            error = 1;
        }
        if (!error)
            printf("%ld\n", v);
    }
    return 0;
}
