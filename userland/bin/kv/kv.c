/*
 * kv - a small key-value store, the demonstration of compartments (docs/compartments.md).
 * main (this file) owns the command parser and the table; the hash lives in a library (hash.c)
 * that main reaches through kv_hash, whichever way the description file placed it:
 *
 *   kv.toml          one compartment, a direct call (glue-none.c)
 *   kv-caps.toml     the library in its own compartment, given a capability to the key (glue-caps.c)
 *   kv-overlap.toml  the library in its own compartment, given a copy in the shared window (glue-overlap.c)
 *   kv-pipe.toml     purecap, the library in a child μprocess behind two pipes (glue-pipe.c)
 *
 * One command a line on stdin:
 *   SET key value   -> OK                    GET key  -> the value, or (nil)
 *   HASH key        -> hash <16 hex digits>  BENCH n  -> bench n <checksum>: n hashes of one key
 *   QUIT, or the end of the input, ends it; anything else -> ERR ...
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kvglue.h"

#define SLOTS 256
#define BENCH_KEY "0123456789abcdef"        /* 16 bytes */

/* The request line and a secret just past it, in one struct so that the layout is certain: the
 * secret is what the library's attack (hash.c) hunts for. */
static struct {
    char line[512];
    char secret[64];
} app;

static struct entry {
    char *key, *value;
} table[SLOTS];

/* The slot holding key, or the empty slot where it would go; NULL if the table is full. */
static struct entry *lookup(const char *key)
{
    unsigned long h = kv_hash(key, strlen(key));
    for (int i = 0; i < SLOTS; i++) {
        struct entry *e = &table[(h + i) % SLOTS];
        if (e->key == NULL || strcmp(e->key, key) == 0)
            return e;
    }
    return NULL;
}

static void set(const char *key, const char *value)
{
    struct entry *e = lookup(key);
    if (e == NULL) {
        puts("ERR table full");
        return;
    }
    if (e->key == NULL)
        e->key = strdup(key);
    free(e->value);
    e->value = strdup(value);
    puts("OK");
}

static void get(const char *key)
{
    struct entry *e = lookup(key);
    puts(e != NULL && e->key != NULL ? e->value : "(nil)");
}

static void bench(const char *count)
{
    char *end;
    unsigned long n = strtoul(count, &end, 10), sum = 0;
    if (*count < '0' || *count > '9' || *end != '\0') {
        puts("ERR BENCH wants a count");
        return;
    }
    for (unsigned long i = 0; i < n; i++)
        sum += kv_hash(BENCH_KEY, 16);
    printf("bench %lu %016lx\n", n, sum);
}

/* The next word of *rest (split at spaces), or NULL if there is none; *rest moves past it. */
static char *word(char **rest)
{
    char *s = *rest + strspn(*rest, " ");
    if (*s == '\0')
        return NULL;
    char *end = s + strcspn(s, " ");
    *rest = *end ? end + 1 : end;
    *end = '\0';
    return s;
}

/* Run one command line; 0 when it says to stop. */
static int command(char *line)
{
    char *rest = line, *cmd = word(&rest);
    char *key = word(&rest);
    char *extra = rest + strspn(rest, " ");        /* SET's value: the rest of the line */
    if (cmd == NULL)
        puts("ERR empty command");
    else if (strcmp(cmd, "QUIT") == 0)
        return 0;
    else if (strcmp(cmd, "SET") == 0 && key && *extra)
        set(key, extra);
    else if (strcmp(cmd, "GET") == 0 && key && !*extra)
        get(key);
    else if (strcmp(cmd, "HASH") == 0 && key && !*extra)
        printf("hash %016lx\n", kv_hash(key, strlen(key)));
    else if (strcmp(cmd, "BENCH") == 0 && key && !*extra)
        bench(key);
    else
        printf("ERR unknown command or wrong arguments: %s\n", cmd);
    return 1;
}

/* Read one line into app.line without its newline; a line too long is skipped whole. 0 at the end. */
static int read_line(void)
{
    while (fgets(app.line, sizeof app.line, stdin) != NULL) {
        size_t n = strlen(app.line);
        if (n > 0 && app.line[n - 1] == '\n') {
            app.line[n - 1] = '\0';
            return 1;
        }
        if (feof(stdin))
            return 1;
        puts("ERR line too long");
        int c;
        while ((c = getchar()) != EOF && c != '\n')
            ;
    }
    return 0;
}

int main(void)
{
    kv_start();
    strcpy(app.secret, "SECRET=opensesame");
    while (read_line()) {
        if (!command(app.line))
            break;
        fflush(stdout);
    }
    return 0;
}
