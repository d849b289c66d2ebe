/*
 * value.c - values and awk's conversion rules, variables, and associative arrays.
 *
 * A number becomes a string as an integer ("%d") when it is one, else through CONVFMT (OFMT for
 * print). A string becomes a number by its longest numeric prefix ("3x" is 3, "x" is 0). Two
 * values compare as numbers when both are numbers, strnums or uninitialized; else as strings.
 * An array is a hash table of string keys (a[1] and a["1"] are the same element) which also
 * keeps its elements in the order they were created, the order of for (k in a).
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include "awk.h"

/* --- values ---------------------------------------------------------------------------------- */

Value num_value(double d)
{
    Value v = {T_NUM, d, NULL};
    return v;
}

Value str_value(char *owned)
{
    Value v = {T_STR, 0, owned};
    return v;
}

Value str_copy(const char *s)
{
    return str_value(xstrdup(s));
}

/* The end of the number at the start of s (after blanks), or s if there is none. */
static const char *number_end(const char *s)
{
    const char *p = s, *digits;
    while (*p == ' ' || *p == '\t' || *p == '\n')
        p++;
    if (*p == '+' || *p == '-')
        p++;
    digits = p;
    while (isdigit((unsigned char)*p))
        p++;
    if (*p == '.')
        for (p++; isdigit((unsigned char)*p); p++)
            ;
    if (p == digits || (p == digits + 1 && *digits == '.'))
        return s;
    if (*p == 'e' || *p == 'E') {
        const char *q = p + 1;
        if (*q == '+' || *q == '-')
            q++;
        if (isdigit((unsigned char)*q)) {
            while (isdigit((unsigned char)*q))
                q++;
            p = q;
        }
    }
    return p;
}

double str_to_num(const char *s)
{
    const char *end = number_end(s);
    if (end == s)
        return 0;
    size_t n = (size_t)(end - s);
    char buf[64], *text = n < sizeof buf ? buf : xmalloc(n + 1);
    memcpy(text, s, n);
    text[n] = '\0';
    double d = strtod(text, NULL);
    if (text != buf)
        free(text);
    return d;
}

/* Does the whole of s (but blanks around) make a number? */
static int looks_numeric(const char *s)
{
    const char *end = number_end(s);
    if (end == s)
        return 0;
    while (*end == ' ' || *end == '\t' || *end == '\n')
        end++;
    return *end == '\0';
}

Value input_value(const char *s)
{
    Value v = str_copy(s);
    if (looks_numeric(s)) {
        v.type = T_STRNUM;
        v.num = str_to_num(s);
    }
    return v;
}

Value copy_value(const Value *v)
{
    Value c = *v;
    if (v->str)
        c.str = xstrdup(v->str);
    return c;
}

void free_value(Value *v)
{
    free(v->str);
    v->str = NULL;
    v->type = T_UNINIT;
}

double to_num(const Value *v)
{
    switch (v->type) {
    case T_NUM:
    case T_STRNUM:
        return v->num;
    case T_STR:
        return str_to_num(v->str);
    default:
        return 0;
    }
}

/* d as a string: an integer as one, else through fmt (CONVFMT, OFMT), which is a user's string,
 * so it goes through printf's own formatting (format), never straight to snprintf. */
char *num_to_str(double d, const char *fmt)
{
    static int converting;      /* CONVFMT "%s" would convert the number again: "%.6g" then */
    char buf[64];
    if (d == (double)(long long)d && fabs(d) < 1e18) {
        snprintf(buf, sizeof buf, "%lld", (long long)d);
        return xstrdup(buf);
    }
    if (converting) {
        snprintf(buf, sizeof buf, "%.6g", d);
        return xstrdup(buf);
    }
    Node arg;
    memset(&arg, 0, sizeof arg);
    arg.type = E_NUM;
    arg.num = d;
    converting = 1;
    char *s = format(fmt, &arg, 0);
    converting = 0;
    return s;
}

static char *convert(const Value *v, Var *fmt)
{
    switch (v->type) {
    case T_NUM:
        return num_to_str(v->num, var_str(fmt));
    case T_STR:
    case T_STRNUM:
        return xstrdup(v->str);
    default:
        return xstrdup("");
    }
}

char *to_str(const Value *v)
{
    return convert(v, v_CONVFMT);
}

char *to_output_str(const Value *v)
{
    return convert(v, v_OFMT);
}

int to_bool(const Value *v)
{
    switch (v->type) {
    case T_NUM:
    case T_STRNUM:
        return v->num != 0;
    case T_STR:
        return v->str[0] != '\0';
    default:
        return 0;
    }
}

int compare_values(const Value *a, const Value *b)
{
    if (a->type != T_STR && b->type != T_STR) {
        double x = to_num(a), y = to_num(b);
        return x < y ? -1 : x > y ? 1 : 0;
    }
    char *s = to_str(a), *t = to_str(b);
    int c = strcmp(s, t);
    free(s);
    free(t);
    return c;
}

/* --- arrays ---------------------------------------------------------------------------------- */

Array *new_array(void)
{
    Array *a = xmalloc(sizeof *a);
    memset(a, 0, sizeof *a);
    a->nbuckets = 16;
    a->buckets = xmalloc(a->nbuckets * sizeof *a->buckets);
    memset(a->buckets, 0, a->nbuckets * sizeof *a->buckets);
    return a;
}

static unsigned hash(const char *s)
{
    unsigned h = 5381;
    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h;
}

Entry *array_find(Array *a, const char *key)
{
    for (Entry *e = a->buckets[hash(key) % (unsigned)a->nbuckets]; e; e = e->chain)
        if (strcmp(e->key, key) == 0)
            return e;
    return NULL;
}

/* Twice the buckets, when there are more entries than buckets. */
static void grow(Array *a)
{
    int n = a->nbuckets * 2;
    Entry **buckets = xmalloc(n * sizeof *buckets);
    memset(buckets, 0, n * sizeof *buckets);
    for (Entry *e = a->first; e; e = e->next) {
        unsigned h = hash(e->key) % (unsigned)n;
        e->chain = buckets[h];
        buckets[h] = e;
    }
    free(a->buckets);
    a->buckets = buckets;
    a->nbuckets = n;
}

Entry *array_get(Array *a, const char *key)
{
    Entry *e = array_find(a, key);
    if (e)
        return e;
    if (a->count >= a->nbuckets)
        grow(a);
    e = xmalloc(sizeof *e);
    memset(e, 0, sizeof *e);
    e->key = xstrdup(key);
    unsigned h = hash(key) % (unsigned)a->nbuckets;
    e->chain = a->buckets[h];
    a->buckets[h] = e;
    e->prev = a->last;
    if (a->last)
        a->last->next = e;
    else
        a->first = e;
    a->last = e;
    a->count++;
    return e;
}

void array_delete(Array *a, const char *key)
{
    Entry **p = &a->buckets[hash(key) % (unsigned)a->nbuckets];
    while (*p && strcmp((*p)->key, key) != 0)
        p = &(*p)->chain;
    Entry *e = *p;
    if (!e)
        return;
    *p = e->chain;
    if (e->prev)
        e->prev->next = e->next;
    else
        a->first = e->next;
    if (e->next)
        e->next->prev = e->prev;
    else
        a->last = e->prev;
    a->count--;
    free(e->key);
    free_value(&e->val);
    free(e);
}

void array_clear(Array *a)
{
    while (a->first)
        array_delete(a, a->first->key);
}

void free_array(Array *a)
{
    array_clear(a);
    free(a->buckets);
    free(a);
}

/* --- variables ------------------------------------------------------------------------------- */

static Var *globals;

Var *lookup_global(const char *name)
{
    for (Var *v = globals; v; v = v->next_global)
        if (strcmp(v->name, name) == 0)
            return v;
    Var *v = xmalloc(sizeof *v);
    memset(v, 0, sizeof *v);
    v->name = xstrdup(name);
    v->next_global = globals;
    globals = v;
    return v;
}

/* The variable a parameter stands for, if it was given an array or an unset variable. */
Var *var_target(Var *v)
{
    while (v->ref)
        v = v->ref;
    return v;
}

Array *var_array(Var *v, int line)
{
    v = var_target(v);
    if (v->kind == V_SCALAR)
        fatal(line, "can't use scalar %s as array", v->name);
    if (v->kind == V_UNSET) {
        v->kind = V_ARRAY;
        v->arr = new_array();
    }
    return v->arr;
}

void set_var_num(Var *v, double d)
{
    free_value(&v->val);
    v->val = num_value(d);
    v->kind = V_SCALAR;
}

void set_var_str(Var *v, const char *s)
{
    free_value(&v->val);
    v->val = str_copy(s);
    v->kind = V_SCALAR;
}

/* A variable such as FS as a string: converted in place if it holds a number. */
const char *var_str(Var *v)
{
    if (v->val.type == T_NUM || v->val.type == T_UNINIT) {
        char *s = v->val.type == T_NUM ? num_to_str(v->val.num, "%.6g") : xstrdup("");
        free_value(&v->val);
        v->val = str_value(s);
    }
    return v->val.str;
}
