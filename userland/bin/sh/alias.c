/*
 * alias.c - aliases: `alias ll='ls -l'` makes the word ll, where a command name is expected,
 * stand for the text "ls -l".
 *
 * An alias is text, not a command: the parser (parse.c, at the start of each command) asks
 * alias_substitute, which replaces the word in the input buffer by the alias's value and lets the
 * lexer read it again. So a value may hold several words, operators, even reserved words. Two
 * POSIX rules:
 *   - an alias is not expanded again inside its own text (alias ls='ls -F' ends), which is
 *     tracked by the end of each alias's text in the buffer (`active`);
 *   - if a value ends in a blank, the word after it is checked for an alias too.
 * Because a whole line is parsed before it runs, an alias defined on a line is used from the
 * next line on.
 *
 * The table is kept in dash's order (its hash buckets), so `alias` lists as dash does.
 */
#include <stdlib.h>
#include <string.h>
#include "sh.h"

#define ALIAS_BUCKETS 39        /* dash's table size: `alias` lists bucket by bucket */

struct alias {
    char *name;
    char *value;
    size_t active_end;          /* 0, or the end of its text in the input being parsed */
    struct alias *next;
};

static struct alias *buckets[ALIAS_BUCKETS];

static unsigned bucket_of(const char *name)
{
    return dash_hash(name) % ALIAS_BUCKETS;
}

static struct alias **find(const char *name)
{
    struct alias **p;

    for (p = &buckets[bucket_of(name)]; *p != NULL; p = &(*p)->next)
        if (strcmp((*p)->name, name) == 0)
            break;
    return p;       /* where it is, or the end of its bucket's chain */
}

const char *alias_get(const char *name)
{
    struct alias *a = *find(name);

    return a ? a->value : NULL;
}

static void alias_set(const char *name, size_t namelen, const char *value)
{
    char *key = xstrndup(name, namelen);
    struct alias **p = find(key);

    if (*p != NULL) {
        free((*p)->value);
        (*p)->value = xstrdup(value);
        free(key);
        return;
    }
    *p = xmalloc(sizeof **p);
    (*p)->name = key;
    (*p)->value = xstrdup(value);
    (*p)->active_end = 0;
    (*p)->next = NULL;
}

static void alias_print(struct alias *a)
{
    struct strbuf sb;

    sb_init(&sb);
    sb_adds(&sb, a->name);
    sb_addc(&sb, '=');
    sb_add_quoted(&sb, a->value);
    sb_addc(&sb, '\n');
    out_str(1, sb.s);
    sb_free(&sb);
}

/* alias: list all; alias name=value: define; alias name: show it */
int builtin_alias(int argc, char **argv)
{
    int i, status = 0;
    struct alias *a;

    if (argc == 1)
        for (i = 0; i < ALIAS_BUCKETS; i++)
            for (a = buckets[i]; a != NULL; a = a->next)
                alias_print(a);
    for (i = 1; i < argc; i++) {
        char *eq = strchr(argv[i], '=');

        if (eq != NULL) {
            alias_set(argv[i], (size_t)(eq - argv[i]), eq + 1);
        } else if ((a = *find(argv[i])) != NULL) {
            alias_print(a);
        } else {
            out_fmt(2, "alias: %s not found\n", argv[i]);
            status = 1;
        }
    }
    return status;
}

static void alias_free(struct alias **p)
{
    struct alias *a = *p;

    *p = a->next;
    free(a->name);
    free(a->value);
    free(a);
}

/* unalias name...; unalias -a: all */
int builtin_unalias(int argc, char **argv)
{
    int i, status = 0;

    if (argc > 1 && strcmp(argv[1], "-a") == 0) {
        for (i = 0; i < ALIAS_BUCKETS; i++)
            while (buckets[i] != NULL)
                alias_free(&buckets[i]);
        return 0;
    }
    for (i = 1; i < argc; i++) {
        struct alias **p = find(argv[i]);

        if (*p == NULL) {
            out_fmt(2, "unalias: %s not found\n", argv[i]);
            status = 1;
        } else {
            alias_free(p);
        }
    }
    return status;
}

/* A new line is parsed: no alias text is in the buffer. */
void alias_reset(void)
{
    struct alias *a;
    int i;

    for (i = 0; i < ALIAS_BUCKETS; i++)
        for (a = buckets[i]; a != NULL; a = a->next)
            a->active_end = 0;
}

static int ends_in_blank(const char *value)
{
    size_t n = strlen(value);

    return n > 0 && (value[n - 1] == ' ' || value[n - 1] == '\t');
}

/* A word ended at word_end and the next begins at next: did the text of an alias whose value
 * ends in a blank end between them? Then the next word is checked for an alias too. The text
 * may be that of an alias inside another: with c='b ' and b='hi', "echo c d" reads as
 * "echo hi d", and d follows the end of c's text (as in dash). */
int alias_blank_ended(size_t word_end, size_t next)
{
    struct alias *a;
    int i;

    for (i = 0; i < ALIAS_BUCKETS; i++)
        for (a = buckets[i]; a != NULL; a = a->next)
            if (a->active_end > word_end && a->active_end <= next && ends_in_blank(a->value))
                return 1;
    return 0;
}

/* The word in->buf[start .. in->pos) is where a command name goes. If it is an alias not being
 * expanded already, replace it by the value and move back to read that. Returns whether it was
 * replaced. */
int alias_substitute(struct input *in, size_t start, const char *word)
{
    struct alias *a = *find(word), *b;
    size_t oldlen = in->pos - start, newlen;
    int i;

    if (a == NULL || (a->active_end != 0 && start < a->active_end))
        return 0;
    newlen = strlen(a->value);
    input_replace(in, start, oldlen, a->value, newlen);
    for (i = 0; i < ALIAS_BUCKETS; i++)         /* the text of aliases being read moved */
        for (b = buckets[i]; b != NULL; b = b->next)
            if (b->active_end > start)
                b->active_end = b->active_end + newlen - oldlen;
    a->active_end = start + newlen;
    return 1;
}
