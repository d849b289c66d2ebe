// A tokenizer for a small C-like language: identifiers, keywords, numbers (decimal, hex, float),
// strings with escapes, character literals, operators (longest match), comments, line numbers.
// expected: host
#include <stdio.h>
#include <string.h>
#include <ctype.h>

static const char *keywords[] = {"int", "char", "if", "else", "while", "return", "for", NULL};
static const char *ops[] = {"<<=", ">>=", "==", "!=", "<=", ">=", "&&", "||", "++", "--", "->", "+=", "-=",
                            "<<", ">>", "+", "-", "*", "/", "%", "=", "<", ">", "!", "&", "|", "^", "~",
                            "(", ")", "{", "}", "[", "]", ";", ",", ".", "?", ":", NULL};

static const char *program =
    "int main(void) {\n"
    "    /* a comment */ int x = 0x1F + 42; // another\n"
    "    char *s = \"hi\\n\\\"there\\\"\";\n"
    "    if (x >= 10 && s[0] != 'h') x <<= 2;\n"
    "    else x -= 3.25e1;\n"
    "    return x->y ? '\\'' : ~x;\n"
    "}\n";

int main(void) {
    const char *p = program;
    int line = 1, count = 0;
    while (*p) {
        if (*p == '\n') {
            line++;
            p++;
            continue;
        }
        if (isspace((unsigned char)*p)) {
            p++;
            continue;
        }
        if (p[0] == '/' && p[1] == '/') {
            while (*p && *p != '\n')
                p++;
            continue;
        }
        if (p[0] == '/' && p[1] == '*') {
            p += 2;
            while (*p && !(p[0] == '*' && p[1] == '/'))
                line += *p++ == '\n';
            p += 2;
            continue;
        }
        const char *start = p;
        const char *kind;
        if (isalpha((unsigned char)*p) || *p == '_') {
            while (isalnum((unsigned char)*p) || *p == '_')
                p++;
            kind = "ident";
            for (int i = 0; keywords[i]; i++)
                if (strlen(keywords[i]) == (size_t)(p - start) && strncmp(start, keywords[i], (size_t)(p - start)) == 0)
                    kind = "keyword";
        } else if (isdigit((unsigned char)*p)) {
            kind = "int";
            if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X')) {
                p += 2;
                while (isxdigit((unsigned char)*p))
                    p++;
            } else {
                while (isdigit((unsigned char)*p))
                    p++;
                if (*p == '.') {
                    kind = "float";
                    p++;
                    while (isdigit((unsigned char)*p))
                        p++;
                }
                if (*p == 'e' || *p == 'E') {
                    kind = "float";
                    p++;
                    if (*p == '+' || *p == '-')
                        p++;
                    while (isdigit((unsigned char)*p))
                        p++;
                }
            }
        } else if (*p == '"' || *p == '\'') {
            char q = *p++;
            while (*p && *p != q)
                p += *p == '\\' ? 2 : 1;
            p++;
            kind = q == '"' ? "string" : "char";
        } else {
            kind = "?";
            for (int i = 0; ops[i]; i++) {
                size_t n = strlen(ops[i]);
                if (strncmp(p, ops[i], n) == 0) {
                    kind = "op";
                    p += n;
                    break;
                }
            }
            if (p == start)
                p++;
        }
        printf("%d %-7s %.*s\n", line, kind, (int)(p - start), start);
        count++;
    }
    printf("%d tokens, %d lines\n", count, line - 1);
    return 0;
}
