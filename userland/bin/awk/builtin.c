/*
 * builtin.c - the built-in functions, printf's formatting, and regular expressions (compiled
 * once each, then kept).
 *
 * sub and gsub replace matches with a replacement in which & stands for the matched text and \&
 * for a literal &. gsub replaces every match, left to right; an empty match right after the
 * previous match does not count (gsub("x*", "-") on "abc" makes "-a-b-c-").
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "awk.h"

/* --- regular expressions --------------------------------------------------------------------- */

typedef struct Regex {
    char *source;
    regex_t re;
    struct Regex *next;
} Regex;

static Regex *regexes;

regex_t *compile_regex(const char *ere, int line)
{
    for (Regex *r = regexes; r; r = r->next)
        if (strcmp(r->source, ere) == 0)
            return &r->re;
    Regex *r = xmalloc(sizeof *r);
    int err = regcomp(&r->re, ere, REG_EXTENDED);
    if (err) {
        char msg[128];
        regerror(err, &r->re, msg, sizeof msg);
        fatal(line, "regular expression /%s/: %s", ere, msg);
    }
    r->source = xstrdup(ere);
    r->next = regexes;
    regexes = r;
    return &r->re;
}

/* The text of /.../ as an ERE: \/ is /, \n \t... are the characters; other escapes stay. */
char *regex_source(const char *literal, size_t n)
{
    static const char from[] = "/\"nt\rfva", to[] = "/\"\n\t\r\f\v\a";
    char *out = xmalloc(n + 1), *o = out;
    for (size_t i = 0; i < n; i++) {
        const char *hit = literal[i] == '\\' && i + 1 < n ? strchr(from, literal[i + 1]) : NULL;
        if (hit && literal[i + 1]) {
            *o++ = to[hit - from];
            i++;
        } else {
            if (literal[i] == '\\' && i + 1 < n)
                *o++ = literal[i++];
            *o++ = literal[i];
        }
    }
    *o = '\0';
    return out;
}

/* The first match of re in s at or after from: 1 and its bounds, or 0. */
int regex_search(regex_t *re, const char *s, size_t from, size_t *so, size_t *eo)
{
    regmatch_t m[1];
    m[0].rm_so = (regoff_t)from;
    m[0].rm_eo = (regoff_t)strlen(s);
    if (regexec(re, s, 1, m, REG_STARTEND | (from > 0 ? REG_NOTBOL : 0)) != 0)
        return 0;
    *so = (size_t)m[0].rm_so;
    *eo = (size_t)m[0].rm_eo;
    return 1;
}

/* --- helpers --------------------------------------------------------------------------------- */

typedef struct Text {
    char *s;
    size_t len, cap;
} Text;

static void add_text(Text *t, const char *s, size_t n)
{
    if (t->len + n + 1 > t->cap) {
        t->cap = (t->len + n + 1) * 2;
        t->s = realloc(t->s, t->cap);
    }
    memcpy(t->s + t->len, s, n);
    t->len += n;
    t->s[t->len] = '\0';
}

static int count_args(Node *args)
{
    int n = 0;
    for (; args; args = args->next)
        n++;
    return n;
}

/* --- printf ---------------------------------------------------------------------------------- */

/* One conversion, spec being %[flags][width][.precision] without its letter. */
static void convert_one(Text *out, char *spec, char conv, Node *arg)
{
    char buf[64], *s = NULL;
    int n;
    size_t len = strlen(spec);
    Value v = eval(arg);
    if (strchr("diouxX", conv)) {
        double d = to_num(&v);
        long long i = d != d ? 0 : (d >= 9.2e18) ? (long long)9.2e18 : (d <= -9.2e18) ? (long long)-9.2e18
                                                                           : (long long)d;
        strcpy(spec + len, strchr("di", conv) ? "lld" : conv == 'o' ? "llo" : conv == 'u' ? "llu"
                           : conv == 'x' ? "llx" : "llX");
        n = snprintf(NULL, 0, spec, i);
        s = xmalloc((size_t)n + 1);
        snprintf(s, (size_t)n + 1, spec, i);
    } else if (strchr("eEfFgG", conv)) {
        spec[len] = conv;
        spec[len + 1] = '\0';
        n = snprintf(NULL, 0, spec, to_num(&v));
        s = xmalloc((size_t)n + 1);
        snprintf(s, (size_t)n + 1, spec, to_num(&v));
    } else {                                    /* c s */
        char *str = to_str(&v);
        if (conv == 'c') {                      /* a number's character, or a string's first */
            if (v.type == T_NUM || v.type == T_STRNUM) {
                buf[0] = (char)(int)v.num;
                buf[1] = '\0';
            } else
                snprintf(buf, 2, "%s", str);
            free(str);
            str = xstrdup(buf);
        }
        strcpy(spec + len, "s");
        n = snprintf(NULL, 0, spec, str);
        s = xmalloc((size_t)n + 1);
        snprintf(s, (size_t)n + 1, spec, str);
        free(str);
    }
    add_text(out, s, strlen(s));
    free(s);
    free_value(&v);
}

/* A number for * in a width or precision, written into the spec. */
static void star(char *spec, size_t *len, Node **arg)
{
    int n = *arg ? (int)eval_num(*arg) : 0;
    if (*arg)
        *arg = (*arg)->next;
    *len += (size_t)snprintf(spec + *len, 16, "%d", n);
}

char *format(const char *fmt, Node *args, int line)
{
    Text out = {xstrdup(""), 0, 1};
    while (*fmt) {
        if (*fmt != '%' || fmt[1] == '%') {
            add_text(&out, fmt, 1);
            fmt += *fmt == '%' ? 2 : 1;
            continue;
        }
        char spec[64];
        size_t len = 0;
        spec[len++] = *fmt++;
        while (*fmt && strchr("-+ #0", *fmt) && len < 20)
            spec[len++] = *fmt++;
        if (*fmt == '*') {
            fmt++;
            star(spec, &len, &args);
        } else
            while (isdigit((unsigned char)*fmt) && len < 30)
                spec[len++] = *fmt++;
        if (*fmt == '.') {
            spec[len++] = *fmt++;
            if (*fmt == '*') {
                fmt++;
                star(spec, &len, &args);
            } else
                while (isdigit((unsigned char)*fmt) && len < 45)
                    spec[len++] = *fmt++;
        }
        spec[len] = '\0';
        if (!*fmt || !strchr("diouxXeEfFgGcs", *fmt))
            fatal(line, "bad conversion in printf: %s%c", spec, *fmt);
        if (!args)
            fatal(line, "not enough arguments passed to printf");
        convert_one(&out, spec, *fmt++, args);
        args = args->next;
    }
    return out.s;
}

/* --- the string functions -------------------------------------------------------------------- */

static Value length(Node *n)
{
    if (!n->a)
        return num_value((double)strlen(get_record()));
    if ((n->a->type == E_VAR || n->a->type == E_LOCAL) &&
        var_target(name_var(n->a))->kind == V_ARRAY)     /* length(array): its elements */
        return num_value(var_target(name_var(n->a))->arr->count);
    char *s = eval_str(n->a);
    Value r = num_value((double)strlen(s));
    free(s);
    return r;
}

/* substr(s, m, n): the characters at positions m .. m+n-1 (from 1) that s has */
static Value substr(Node *args)
{
    char *s = eval_str(args);
    double len = (double)strlen(s);
    double start = floor(eval_num(args->next) + 0.5);
    double end = args->next->next ? start + floor(eval_num(args->next->next) + 0.5) : len + 1;
    if (start < 1)
        start = 1;
    if (end > len + 1)
        end = len + 1;
    Value r;
    if (!(end > start))                         /* NaN too */
        r = str_copy("");
    else {
        s[(size_t)end - 1] = '\0';
        r = str_copy(s + (size_t)start - 1);
    }
    free(s);
    return r;
}

static Value index_of(Node *args)
{
    char *s = eval_str(args), *t = eval_str(args->next);
    char *hit = strstr(s, t);
    Value r = num_value(hit ? (double)(hit - s + 1) : 0);
    free(s);
    free(t);
    return r;
}

static Value split(Node *args, int line)
{
    char *s = eval_str(args);
    Array *a = node_array(args->next);
    Node *sep = args->next->next;
    int count;
    if (!sep)
        count = split_string(s, a, var_str(v_FS), NULL, line);
    else if (sep->type == E_REGEX)
        count = split_string(s, a, NULL, sep->re, line);
    else {
        char *fs = eval_str(sep);
        count = split_string(s, a, fs, NULL, line);
        free(fs);
    }
    free(s);
    return num_value(count);
}

/* The replacement for one match: & is the match, \& a literal &, \\ a backslash. */
static void add_replacement(Text *out, const char *repl, const char *match, size_t n)
{
    for (const char *r = repl; *r; r++) {
        if (*r == '\\' && (r[1] == '&' || r[1] == '\\'))
            add_text(out, ++r, 1);
        else if (*r == '&')
            add_text(out, match, n);
        else
            add_text(out, r, 1);
    }
}

/* sub (global 0) or gsub (global 1): the number of replacements */
static Value substitute(Node *args, int global)
{
    regex_t *re = regex_of(args);
    char *repl = eval_str(args->next);
    Node *target = args->next->next;
    Value tv = target ? eval(target) : get_field(0, args->line);
    char *s = to_str(&tv);
    free_value(&tv);
    size_t len = strlen(s), pos = 0, so, eo, last_end = (size_t)-1;
    int count = 0;
    Text out = {xstrdup(""), 0, 1};
    while (pos <= len && regex_search(re, s, pos, &so, &eo)) {
        if (so == eo && so == last_end) {       /* empty, right after the last match */
            if (so >= len)
                break;
            add_text(&out, s + pos, so + 1 - pos);
            pos = so + 1;
            continue;
        }
        add_text(&out, s + pos, so - pos);
        add_replacement(&out, repl, s + so, eo - so);
        count++;
        last_end = eo;
        pos = eo;
        if (so == eo) {                          /* an empty match: keep the next character */
            if (so < len)
                add_text(&out, s + so, 1);
            pos = so + 1;
        }
        if (!global)
            break;
    }
    if (pos < len)
        add_text(&out, s + pos, len - pos);
    if (count) {
        if (!target)
            set_field(0, str_value(out.s), args->line);
        else if (target->type == E_VAR || target->type == E_LOCAL || target->type == E_FIELD ||
                 target->type == E_INDEX)
            assign_node(target, str_value(out.s));
        else
            free(out.s);
    } else
        free(out.s);
    free(s);
    free(repl);
    return num_value(count);
}

static Value match(Node *args)
{
    char *s = eval_str(args);
    regex_t *re = regex_of(args->next);
    size_t so, eo;
    double start = 0, length = -1;
    if (regex_search(re, s, 0, &so, &eo)) {
        start = (double)so + 1;
        length = (double)(eo - so);
    }
    free(s);
    set_var_num(v_RSTART, start);
    set_var_num(v_RLENGTH, length);
    return num_value(start);
}

static Value change_case(Node *args, int upper)
{
    char *s = eval_str(args);
    for (char *p = s; *p; p++)
        *p = (char)(upper ? toupper((unsigned char)*p) : tolower((unsigned char)*p));
    return str_value(s);
}

/* --- the rest -------------------------------------------------------------------------------- */

static double seed;

static Value srand_builtin(Node *args)
{
    double previous = seed;
    seed = args ? eval_num(args) : (double)time(NULL);
    srand48((long)seed);
    return num_value(previous);
}

static Value close_or_flush(Node *args, int close)
{
    if (!args) {
        fflush(stdout);
        return num_value(0);
    }
    char *name = eval_str(args);
    int status = close ? close_stream(name) : flush_stream(name);
    free(name);
    return num_value(status);
}

static Value math(int b, Node *args)
{
    double x = eval_num(args);
    switch (b) {
    case B_INT: return num_value(x < 0 ? ceil(x) : floor(x));
    case B_SQRT: return num_value(sqrt(x));
    case B_EXP: return num_value(exp(x));
    case B_LOG: return num_value(log(x));
    case B_SIN: return num_value(sin(x));
    case B_COS: return num_value(cos(x));
    default: return num_value(atan2(x, eval_num(args->next)));
    }
}

/* How many arguments each builtin takes: at least, at most. */
static const int arity[][2] = {
    [B_LENGTH] = {0, 1}, [B_SUBSTR] = {2, 3}, [B_INDEX] = {2, 2}, [B_SPLIT] = {2, 3},
    [B_SUB] = {2, 3}, [B_GSUB] = {2, 3}, [B_MATCH] = {2, 2}, [B_SPRINTF] = {1, 255},
    [B_TOLOWER] = {1, 1}, [B_TOUPPER] = {1, 1}, [B_INT] = {1, 1}, [B_SQRT] = {1, 1},
    [B_EXP] = {1, 1}, [B_LOG] = {1, 1}, [B_SIN] = {1, 1}, [B_COS] = {1, 1}, [B_ATAN2] = {2, 2},
    [B_RAND] = {0, 0}, [B_SRAND] = {0, 1}, [B_SYSTEM] = {1, 1}, [B_CLOSE] = {1, 1},
    [B_FFLUSH] = {0, 1},
};

int builtin_arity_ok(int b, Node *args)
{
    int n = count_args(args);
    return n >= arity[b][0] && n <= arity[b][1];
}

Value call_builtin(Node *n)
{
    Node *args = n->a;
    switch (n->op) {
    case B_LENGTH: return length(n);
    case B_SUBSTR: return substr(args);
    case B_INDEX: return index_of(args);
    case B_SPLIT: return split(args, n->line);
    case B_SUB: return substitute(args, 0);
    case B_GSUB: return substitute(args, 1);
    case B_MATCH: return match(args);
    case B_SPRINTF: {
        char *fmt = eval_str(args);
        char *s = format(fmt, args->next, n->line);
        free(fmt);
        return str_value(s);
    }
    case B_TOLOWER: return change_case(args, 0);
    case B_TOUPPER: return change_case(args, 1);
    case B_RAND: return num_value(drand48());
    case B_SRAND: return srand_builtin(args);
    case B_SYSTEM: {
        char *cmd = eval_str(args);
        int status = run_system(cmd);
        free(cmd);
        return num_value(status);
    }
    case B_CLOSE: return close_or_flush(args, 1);
    case B_FFLUSH: return close_or_flush(args, 0);
    default: return math(n->op, args);
    }
}
