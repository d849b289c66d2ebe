/*
 * multi.c - transactions: MULTI queues commands, EXEC runs them one after the other with
 * nothing in between, DISCARD drops them. WATCH makes the next EXEC conditional (optimistic
 * locking): if another command changed a watched key in between, EXEC runs nothing and answers
 * a null array, and the client tries again.
 *
 * How a change is noticed: call() (commands.c) sees that a command changed the data
 * (server.dirty moved) and touches every key the command's table row names; FLUSHDB, FLUSHALL
 * and SWAPDB touch every watched key of the databases they empty or swap; a watched key that
 * existed at WATCH and has expired by EXEC counts as changed. Touching is a walk over the
 * watching clients, done only while some client watches (server.watching).
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"
#include "commands.h"

void multi_command(struct client *c)
{
    if (c->in_multi) {
        reply_error(c, "ERR MULTI calls can not be nested");
        return;
    }
    c->in_multi = 1;
    c->multi_error = 0;
    reply_ok(c);
}

/* ---- WATCH ----------------------------------------------------------------------------------- */

struct watched_key {
    struct db *db;
    struct str *key;
    int existed;                     /* the key existed at WATCH (its expiry then counts as a change) */
};

static int watches(struct client *c, struct db *db, const struct str *key)
{
    for (int i = 0; i < c->nwatched; i++)
        if (c->watched[i].db == db && c->watched[i].key->len == key->len &&
            memcmp(c->watched[i].key->buf, key->buf, key->len) == 0)
            return 1;
    return 0;
}

void touch_watched_key(struct db *db, const struct str *key)
{
    for (int i = 0; i < server.nclients && server.watching; i++)
        if (watches(server.clients[i], db, key))
            server.clients[i]->dirty_cas = 1;
}

/* The keys a command's table row names (first, last, step), after it changed the data. */
void touch_command_keys(struct client *c, const struct command *cmd)
{
    int last = cmd->last_key < 0 ? c->argc + cmd->last_key : cmd->last_key;
    for (int i = cmd->first_key; i > 0 && i <= last && i < c->argc; i += cmd->step)
        touch_watched_key(c->db, ARG(i));
}

/* db is about to be emptied or swapped: its watched keys that exist are changed. */
void touch_all_watched_keys(struct db *db)
{
    for (int i = 0; i < server.nclients && server.watching; i++) {
        struct client *w = server.clients[i];
        for (int k = 0; k < w->nwatched; k++)
            if (w->watched[k].db == db && dict_find(db->keys, w->watched[k].key->buf, w->watched[k].key->len))
                w->dirty_cas = 1;
    }
}

static void unwatch_all(struct client *c)
{
    for (int i = 0; i < c->nwatched; i++)
        str_free(c->watched[i].key);
    if (c->nwatched)
        server.watching--;
    c->nwatched = 0;
    c->dirty_cas = 0;
}

/* A watched key that existed then and is gone now (expired, since a delete would have touched it). */
static int watched_key_expired(struct client *c)
{
    for (int i = 0; i < c->nwatched; i++)
        if (c->watched[i].existed && !db_lookup(c->watched[i].db, c->watched[i].key->buf, c->watched[i].key->len))
            return 1;
    return 0;
}

/* WATCH key ...: watched until EXEC, DISCARD, UNWATCH or the connection ends. */
void watch_command(struct client *c)
{
    if (c->in_multi) {
        reply_error(c, "ERR WATCH inside MULTI is not allowed");
        return;
    }
    for (int i = 1; i < c->argc; i++) {
        if (watches(c, c->db, ARG(i)))
            continue;
        if (c->nwatched == c->watched_cap) {
            c->watched_cap = c->watched_cap ? c->watched_cap * 2 : 4;
            c->watched = xrealloc(c->watched, (size_t)c->watched_cap * sizeof *c->watched);
        }
        if (c->nwatched == 0)
            server.watching++;
        c->watched[c->nwatched].db = c->db;
        c->watched[c->nwatched].key = str_new(ARG(i)->buf, ARG(i)->len);
        c->watched[c->nwatched].existed = db_lookup(c->db, ARG(i)->buf, ARG(i)->len) != NULL;
        c->nwatched++;
    }
    reply_ok(c);
}

void unwatch_command(struct client *c)
{
    unwatch_all(c);
    reply_ok(c);
}

/* ---- MULTI, EXEC, DISCARD ----------------------------------------------------------------------- */

/* Drop the queued commands and the watched keys: after EXEC, DISCARD, or when the client goes. */
void discard_transaction(struct client *c)
{
    for (int i = 0; i < c->nqueued; i++)
        free_argv(c->queue[i].argc, c->queue[i].argv);
    c->nqueued = 0;
    c->in_multi = c->multi_error = 0;
    unwatch_all(c);
}

void discard_command(struct client *c)
{
    if (!c->in_multi) {
        reply_error(c, "ERR DISCARD without MULTI");
        return;
    }
    discard_transaction(c);
    reply_ok(c);
}

void exec_command(struct client *c)
{
    if (!c->in_multi) {
        reply_error(c, "ERR EXEC without MULTI");
        return;
    }
    if (c->multi_error) {
        reply_error(c, "EXECABORT Transaction discarded because of previous errors.");
        discard_transaction(c);
        return;
    }
    if (c->dirty_cas || watched_key_expired(c)) {
        reply_null_array(c);                  /* a watched key changed: nothing runs */
        discard_transaction(c);
        return;
    }
    int argc = c->argc;
    struct str **argv = c->argv;
    const struct command *exec = c->cmd;
    c->in_multi = 0;
    c->in_exec = 1;
    reply_array(c, c->nqueued);
    for (int i = 0; i < c->nqueued; i++) {
        c->argc = c->queue[i].argc;
        c->argv = c->queue[i].argv;
        call(c, find_command(ARG(0)));
    }
    c->in_exec = 0;
    c->argc = argc;
    c->argv = argv;
    c->cmd = exec;                            /* CLIENT LIST names EXEC, not its last command */
    discard_transaction(c);
}
