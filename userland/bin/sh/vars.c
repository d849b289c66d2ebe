/*
 * vars.c - the shell's variables (a hash table; exported ones become the environment of the
 * commands it runs), the positional parameters $1... (a stack: each function call pushes its own,
 * and its `local` variables, which the return restores), and the shell functions.
 *
 * A readonly variable refuses every change: var_set and var_unset report "x: is read only" and
 * abandon the command (sh_error), which ends a script as POSIX asks.
 */
#include <stdlib.h>
#include <string.h>
#include "sh.h"

struct var {
    char *name;
    char *value;
    int flags;          /* V_EXPORT, V_READONLY */
    struct var *next;
};

#define NBUCKETS 64
static struct var *buckets[NBUCKETS];

static unsigned hash(const char *s)
{
    unsigned h = 5381;

    while (*s)
        h = h * 33 + (unsigned char)*s++;
    return h % NBUCKETS;
}

static struct var *lookup(const char *name)
{
    struct var *v;

    for (v = buckets[hash(name)]; v != NULL; v = v->next)
        if (strcmp(v->name, name) == 0)
            return v;
    return NULL;
}

void vars_init(char **envp)
{
    int i;

    for (i = 0; envp != NULL && envp[i] != NULL; i++)
        if (strchr(envp[i], '=') != NULL)
            var_set_assignment(envp[i], V_EXPORT);
    if (var_get("PATH") == NULL)
        var_set("PATH", "/bin", V_EXPORT);
    if (var_get("IFS") == NULL)
        var_set("IFS", " \t\n", 0);
    if (var_get("PS4") == NULL)
        var_set("PS4", "+ ", 0);        /* set -x's prefix */
    var_set("OPTIND", "1", 0);          /* POSIX: whatever the environment said */
}

const char *var_get(const char *name)
{
    struct var *v = lookup(name);

    return v && v->value ? v->value : NULL;
}

int var_is_set(const char *name)
{
    return var_get(name) != NULL;
}

int var_readonly(const char *name)
{
    struct var *v = lookup(name);

    return v != NULL && (v->flags & V_READONLY);
}

void var_set(const char *name, const char *value, int flags)
{
    struct var *v = lookup(name);

    if (v != NULL && (v->flags & V_READONLY) && value != NULL) {
        if (sh.builtin != NULL)
            sh_error("%s: %s: is read only", sh.builtin, name);
        sh_error("%s: is read only", name);
    }
    if (sh.opt_a)
        flags |= V_EXPORT;
    if (strcmp(name, "PATH") == 0 && value != NULL)
        hash_forget();          /* the remembered places of commands may be wrong now */
    if (strcmp(name, "OPTIND") == 0 && value != NULL)
        getopts_restart(value);
    if (v == NULL) {
        unsigned h = hash(name);

        v = xmalloc(sizeof *v);
        v->name = xstrdup(name);
        v->value = NULL;
        v->flags = 0;
        v->next = buckets[h];
        buckets[h] = v;
    }
    if (value != NULL) {
        char *copy = xstrdup(value);     /* value may be v->value itself */

        free(v->value);
        v->value = copy;
    }
    v->flags |= flags;
}

void var_set_assignment(const char *assignment, int flags)
{
    const char *eq = strchr(assignment, '=');
    char *name = xstrndup(assignment, (size_t)(eq - assignment));

    var_set(name, eq + 1, flags);
    free(name);
}

void var_unset(const char *name)
{
    struct var **p, *v;

    if (var_readonly(name))
        sh_error("unset: %s: is read only", name);
    for (p = &buckets[hash(name)]; (v = *p) != NULL; p = &v->next) {
        if (strcmp(v->name, name) == 0) {
            *p = v->next;
            free(v->name);
            free(v->value);
            free(v);
            return;
        }
    }
}

void var_export(const char *name)
{
    var_set(name, NULL, V_EXPORT);
}

char **vars_environ(void)
{
    struct strlist env;
    struct var *v;
    int i;

    sl_init(&env);
    for (i = 0; i < NBUCKETS; i++) {
        for (v = buckets[i]; v != NULL; v = v->next) {
            if ((v->flags & V_EXPORT) && v->value != NULL) {
                struct strbuf sb;

                sb_init(&sb);
                sb_adds(&sb, v->name);
                sb_addc(&sb, '=');
                sb_adds(&sb, v->value);
                sl_add(&env, sb_take(&sb));
            }
        }
    }
    return env.v;
}

static int compare_vars(const void *a, const void *b)
{
    const struct var *const *x = a;
    const struct var *const *y = b;

    return strcmp((*x)->name, (*y)->name);
}

/* A value quoted so that it can be read back, as dash writes it: single quotes around all but
 * the quotes themselves, which go in double quotes: it's -> 'it'"'"'s' */
void sb_add_quoted(struct strbuf *sb, const char *s)
{
    do {
        sb_addc(sb, '\'');
        for (; *s && *s != '\''; s++)
            sb_addc(sb, *s);
        sb_addc(sb, '\'');
        if (*s == '\'') {
            sb_addc(sb, '"');
            for (; *s == '\''; s++)
                sb_addc(sb, *s);
            sb_addc(sb, '"');
        }
    } while (*s);
}

static void print_quoted(const char *s)
{
    struct strbuf sb;

    sb_init(&sb);
    sb_add_quoted(&sb, s);
    out_str(1, sb.s);
    sb_free(&sb);
}

/* set (all, as name='value'; flag 0), export -p (V_EXPORT: export name='value') or readonly -p
 * (V_READONLY: readonly name='value'), sorted by name */
void vars_print(int only)
{
    struct var **all, *v;
    int n = 0, i;

    for (i = 0; i < NBUCKETS; i++)
        for (v = buckets[i]; v != NULL; v = v->next)
            n++;
    all = xmalloc(sizeof(struct var *) * (size_t)(n + 1));
    n = 0;
    for (i = 0; i < NBUCKETS; i++)
        for (v = buckets[i]; v != NULL; v = v->next)
            if (!only || (v->flags & only))
                all[n++] = v;
    qsort(all, (size_t)n, sizeof(struct var *), compare_vars);
    for (i = 0; i < n; i++) {
        if (only)
            out_str(1, only == V_EXPORT ? "export " : "readonly ");
        out_str(1, all[i]->name);
        if (all[i]->value != NULL) {
            out_str(1, "=");
            print_quoted(all[i]->value);
        }
        out_str(1, "\n");
    }
    free(all);
}

/* ---- positional parameters and function frames ---- */

struct frame {
    int n;
    char **v;
    struct getopts_state getopts;   /* where getopts is in these parameters */
    struct saved_var *locals;
    struct frame *prev;
};

static struct frame base_frame = { 0, NULL, { 1, 0 }, NULL, NULL };
static struct frame *top = &base_frame;
static int depth;

static void free_args(int n, char **v)
{
    int i;

    for (i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static char **copy_args(int n, char **v)
{
    char **copy = xmalloc(sizeof(char *) * (size_t)(n + 1));
    int i;

    for (i = 0; i < n; i++)
        copy[i] = xstrdup(v[i]);
    copy[n] = NULL;
    return copy;
}

void params_set(int n, char **v)
{
    char **copy = copy_args(n, v);      /* v may be the current parameters */

    free_args(top->n, top->v);
    top->n = n;
    top->v = copy;
    top->getopts.index = 1;     /* new parameters: getopts starts over (as in dash) */
    top->getopts.letter = 0;
}

void params_shift(int n)
{
    char **rest = copy_args(top->n - n, top->v + n);
    int left = top->n - n;

    free_args(top->n, top->v);
    top->n = left;
    top->v = rest;
}

void params_push(int n, char **v)
{
    struct frame *f = xmalloc(sizeof *f);

    f->n = n;
    f->v = copy_args(n, v);
    f->getopts.index = 1;
    f->getopts.letter = 0;
    f->locals = NULL;
    f->prev = top;
    top = f;
    depth++;
}

void params_pop(void)
{
    struct frame *f = top;
    struct saved_var *s;

    if (f == &base_frame)
        return;
    for (s = f->locals; s != NULL; )
        s = var_restore(s, 1);
    top = f->prev;
    free_args(f->n, f->v);
    free(f);
    depth--;
}

struct getopts_state *params_getopts(void)
{
    return &top->getopts;
}

/* OPTIND=n: getopts goes on from argument n. */
void getopts_restart(const char *optind)
{
    long n;

    top->getopts.index = parse_int(optind, &n) && n >= 1 ? n : 1;
    top->getopts.letter = 0;
}

int params_depth(void)
{
    return depth;
}

void params_unwind(int to)
{
    while (depth > to)
        params_pop();
}

int params_count(void)
{
    return top->n;
}

const char *params_get(int i)      /* $i, 1-based; NULL if unset */
{
    return i >= 1 && i <= top->n ? top->v[i - 1] : NULL;
}

/* local name: name's value is put back when the function returns. local - does that for the
 * options (set -f in the function, and it is off again after). */
void local_var(const char *name)
{
    struct saved_var *s;

    if (strcmp(name, "-") != 0 && !is_name(name))
        sh_error("local: %s: bad variable name", name);
    if (var_readonly(name))
        sh_error("local: %s: is read only", name);
    for (s = top->locals; s != NULL; s = s->next)
        if (strcmp(s->name, name) == 0)
            return;             /* already local here */
    top->locals = var_save(name, top->locals);
    if (strcmp(name, "-") == 0)
        top->locals->value = options_save();
}

/* What name is now (its value or unset, and its flags), to be put back by var_restore; next
 * links the saves into a list. */
struct saved_var *var_save(const char *name, struct saved_var *next)
{
    struct var *v = lookup(name);
    struct saved_var *s = xmalloc(sizeof *s);

    s->name = xstrdup(name);
    s->value = v && v->value ? xstrdup(v->value) : NULL;
    s->flags = v ? v->flags : 0;
    s->next = next;
    return s;
}

/* Free a save, after putting its variable back as it was if put_back; returns the next save. */
struct saved_var *var_restore(struct saved_var *s, int put_back)
{
    struct saved_var *next = s->next;

    if (put_back && strcmp(s->name, "-") == 0) {
        options_restore(s->value);  /* local - */
    } else if (put_back) {
        var_unset(s->name);     /* so that an export made since goes too */
        if (s->value != NULL)
            var_set(s->name, s->value, s->flags);
    }
    free(s->name);
    free(s->value);
    free(s);
    return next;
}

/* ---- functions ---- */

static struct func *funcs;

struct node *func_get(const char *name)
{
    struct func *f;

    for (f = funcs; f != NULL; f = f->next)
        if (strcmp(f->name, name) == 0)
            return f->body;
    return NULL;
}

void func_set(const char *name, struct node *body)
{
    struct func *f;

    for (f = funcs; f != NULL; f = f->next) {
        if (strcmp(f->name, name) == 0) {
            f->body = body;     /* the old body stays in its (pinned) arena */
            return;
        }
    }
    f = xmalloc(sizeof *f);
    f->name = xstrdup(name);
    f->body = body;
    f->next = funcs;
    funcs = f;
}

void func_unset(const char *name)
{
    struct func **p, *f;

    for (p = &funcs; (f = *p) != NULL; p = &f->next) {
        if (strcmp(f->name, name) == 0) {
            *p = f->next;
            free(f->name);
            free(f);
            return;
        }
    }
}
