/*
 * lookup.c - what a command name means, and the builtins that ask: command, type and hash.
 *
 * A name is, in the order the shell tries: a reserved word (if, while, ...), an alias, a special
 * builtin, a function, a builtin, or a program found in $PATH. The shell remembers where it found
 * each program (the hash table, POSIX's "remembered locations"), so a loop that runs `cat` a
 * thousand times searches $PATH once; assigning PATH forgets them all. (`hash` lists them in
 * the order of dash's table.)
 */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "sh.h"

struct hashed {
    char *name;
    char *path;
    struct hashed *next;
};

#define HASH_BUCKETS 31         /* dash's table size: `hash` lists bucket by bucket */
static struct hashed *remembered[HASH_BUCKETS];

static const char *reserved_words[] = {
    "!", "case", "do", "done", "elif", "else", "esac", "fi", "for", "if", "in", "then", "until",
    "while", "{", "}", NULL
};

static int is_reserved(const char *name)
{
    int i;

    for (i = 0; reserved_words[i] != NULL; i++)
        if (strcmp(reserved_words[i], name) == 0)
            return 1;
    return 0;
}

static int is_program(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0 && S_ISREG(st.st_mode) && access(path, X_OK) == 0;
}

/* One step of a walk along $PATH: full = the next entry's dir/name (an empty entry is the
 * current directory); the rest of the list to walk, or NULL after the last entry. Start with
 * path_entry(var_get("PATH") or "/bin", ...). */
const char *path_entry(const char *dir, const char *name, struct strbuf *full)
{
    const char *end = strchr(dir, ':');

    if (end == NULL)
        end = dir + strlen(dir);
    sb_init(full);
    if (end == dir)
        sb_addc(full, '.');
    else
        sb_addn(full, dir, (size_t)(end - dir));
    sb_addc(full, '/');
    sb_adds(full, name);
    return *end == '\0' ? NULL : end + 1;
}

/* The first dir/name in $PATH that is an executable file; NULL if none. */
static char *path_search(const char *name)
{
    const char *dir = var_get("PATH");
    struct strbuf full;

    for (dir = dir ? dir : "/bin"; dir != NULL; sb_free(&full)) {
        dir = path_entry(dir, name, &full);
        if (is_program(full.s))
            return sb_take(&full);
    }
    return NULL;
}

static struct hashed *hash_entry(const char *name)
{
    struct hashed *h;

    for (h = remembered[dash_hash(name) % HASH_BUCKETS]; h != NULL; h = h->next)
        if (strcmp(h->name, name) == 0)
            return h;
    return NULL;
}

/* Where the program `name` (no slash) is: remembered, or searched for and remembered. */
const char *hash_find(const char *name)
{
    struct hashed *h = hash_entry(name), **tail;
    char *path;

    if (h != NULL)
        return h->path;
    path = path_search(name);
    if (path == NULL)
        return NULL;
    h = xmalloc(sizeof *h);
    h->name = xstrdup(name);
    h->path = path;
    h->next = NULL;
    for (tail = &remembered[dash_hash(name) % HASH_BUCKETS]; *tail != NULL; tail = &(*tail)->next)
        ;
    *tail = h;
    return path;
}

void hash_forget(void)
{
    int i;

    for (i = 0; i < HASH_BUCKETS; i++) {
        while (remembered[i] != NULL) {
            struct hashed *h = remembered[i];

            remembered[i] = h->next;
            free(h->name);
            free(h->path);
            free(h);
        }
    }
}

/* hash: list the remembered programs; hash -r: forget them; hash name...: find and remember. */
int builtin_hash(int argc, char **argv)
{
    struct hashed *h;
    int i = 1, j, status = 0, special;

    if (argc > 1 && strcmp(argv[1], "-r") == 0) {
        hash_forget();
        i = 2;
    } else if (argc > 1 && argv[1][0] == '-' && strcmp(argv[1], "--") != 0) {
        sh_error("hash: Illegal option %s", argv[1]);
    } else if (argc > 1 && strcmp(argv[1], "--") == 0) {
        i = 2;
    }
    for (j = 0; argc == 1 && j < HASH_BUCKETS; j++)
        for (h = remembered[j]; h != NULL; h = h->next)
            out_fmt(1, "%s\n", h->path);
    for (; i < argc; i++) {
        if (strchr(argv[i], '/') != NULL || func_get(argv[i]) != NULL)
            continue;
        if (builtin_find(argv[i], &special) == NULL && hash_find(argv[i]) == NULL) {
            sh_warn("hash: %s: not found", argv[i]);
            status = 1;
        }
    }
    return status;
}

/* A program's description: the path (command -v), or "ls is /bin/ls" (-V, type). */
static int describe_program(const char *name, int verbose)
{
    const char *path;

    if (strchr(name, '/') != NULL) {
        path = is_program(name) ? name : NULL;
    } else if (verbose && hash_entry(name) != NULL) {
        out_fmt(1, "%s is a tracked alias for %s\n", name, hash_entry(name)->path);
        return 0;
    } else {
        path = hash_find(name);
    }
    if (path == NULL) {
        if (verbose)
            out_fmt(1, "%s: not found\n", name);
        return 127;
    }
    if (verbose)
        out_fmt(1, "%s is %s\n", name, path);
    else
        out_fmt(1, "%s\n", path);
    return 0;
}

static void describe_alias(const char *name, const char *alias, int verbose)
{
    struct strbuf sb;

    if (verbose) {
        out_fmt(1, "%s is an alias for %s\n", name, alias);
        return;
    }
    sb_init(&sb);
    sb_adds(&sb, "alias ");
    sb_adds(&sb, name);
    sb_addc(&sb, '=');
    sb_add_quoted(&sb, alias);
    sb_addc(&sb, '\n');
    out_str(1, sb.s);
    sb_free(&sb);
}

/* What name is, for command -v (short: what to type) or -V and type (verbose: a sentence).
 * Returns 0, or 127 if it is nothing. */
static int describe(const char *name, int verbose)
{
    const char *alias = alias_get(name), *what;
    int special;

    if (is_reserved(name))
        what = "a shell keyword";
    else if (alias != NULL)
        what = NULL;
    else if (builtin_find(name, &special) != NULL && special)
        what = "a special shell builtin";
    else if (func_get(name) != NULL)
        what = "a shell function";
    else if (builtin_find(name, &special) != NULL)
        what = "a shell builtin";
    else
        return describe_program(name, verbose);
    if (what == NULL)
        describe_alias(name, alias, verbose);
    else if (verbose)
        out_fmt(1, "%s is %s\n", name, what);
    else
        out_fmt(1, "%s\n", name);
    return 0;
}

int builtin_type(int argc, char **argv)
{
    int i, status = 0;

    for (i = 1; i < argc; i++)
        if (describe(argv[i], 1) != 0)
            status = 127;
    return status;
}

/* command [-p] [-v | -V] name [arg...]: describe name, or run it as a builtin or program - never
 * a function, and a special builtin loses its special powers. */
int builtin_command(int argc, char **argv)
{
    int i = 1, mode = 0;

    for (; i < argc && argv[i][0] == '-' && argv[i][1] != '\0'; i++) {
        if (strcmp(argv[i], "--") == 0) {
            i++;
            break;
        }
        if (strcmp(argv[i], "-v") == 0 || strcmp(argv[i], "-V") == 0)
            mode = argv[i][1];
        else if (strcmp(argv[i], "-p") != 0)
            sh_error("command: Illegal option %s", argv[i]);
    }
    if (i >= argc)
        return 0;
    if (mode)
        return describe(argv[i], mode == 'V');
    return run_command_bypassing_functions(argc - i, argv + i);
}
