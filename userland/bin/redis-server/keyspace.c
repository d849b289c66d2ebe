/*
 * keyspace.c - the commands on keys whatever their type: DEL, EXISTS, expiry (EXPIRE, TTL,
 * PERSIST...), TYPE, RENAME, the database's size and flushing, RANDOMKEY, KEYS and SCAN.
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

void del_command(struct client *c)
{
    long long n = 0;
    for (int i = 1; i < c->argc; i++)
        n += db_delete(c->db, ARG(i)->buf, ARG(i)->len);
    server.dirty += n;
    reply_int(c, n);
}

void exists_command(struct client *c)
{
    long long n = 0;
    for (int i = 1; i < c->argc; i++)
        n += db_lookup(c->db, ARG(i)->buf, ARG(i)->len) != NULL;
    reply_int(c, n);
}

static void expire_generic(struct client *c, long long unit, int absolute)
{
    long long t;
    if (!arg_ll(c, 2, &t))
        return;
    if ((t > 0 && t > 9223372036854775807LL / unit) || (t < 0 && t < (-9223372036854775807LL - 1) / unit)) {
        reply_error(c, "ERR invalid expire time in '%s' command", c->cmd->name);
        return;
    }
    long long when = t * unit + (absolute ? 0 : now_ms());
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    if (!e) {
        reply_int(c, 0);
        return;
    }
    if (when <= now_ms())                 /* a time in the past deletes the key now */
        db_delete(c->db, ARG(1)->buf, ARG(1)->len);
    else
        db_set_expire(c->db, e, when);
    server.dirty++;
    reply_int(c, 1);
}

void expire_command(struct client *c)
{
    expire_generic(c, 1000, 0);
}

void pexpire_command(struct client *c)
{
    expire_generic(c, 1, 0);
}

void expireat_command(struct client *c)
{
    expire_generic(c, 1000, 1);
}

void pexpireat_command(struct client *c)
{
    expire_generic(c, 1, 1);
}

static void ttl_generic(struct client *c, int ms)
{
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    if (!e)
        reply_int(c, -2);
    else if (e->expire_ms == -1)
        reply_int(c, -1);
    else {
        long long left = e->expire_ms - now_ms();
        if (left < 0)
            left = 0;
        reply_int(c, ms ? left : (left + 500) / 1000);
    }
}

void ttl_command(struct client *c)
{
    ttl_generic(c, 0);
}

void pttl_command(struct client *c)
{
    ttl_generic(c, 1);
}

void persist_command(struct client *c)
{
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    if (!e || e->expire_ms == -1) {
        reply_int(c, 0);
        return;
    }
    db_set_expire(c->db, e, -1);
    server.dirty++;
    reply_int(c, 1);
}

void type_command(struct client *c)
{
    struct value *v = db_lookup(c->db, ARG(1)->buf, ARG(1)->len);
    reply_status(c, v ? type_name(v->type) : "none");
}

void rename_command(struct client *c)
{
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    if (!e) {
        reply_error(c, "ERR no such key");
        return;
    }
    if (ARG(1)->len != ARG(2)->len || memcmp(ARG(1)->buf, ARG(2)->buf, ARG(1)->len) != 0) {
        struct value *v = e->val;
        long long expire = e->expire_ms;
        e->val = NULL;                        /* moved, not freed, by the delete */
        db_delete(c->db, ARG(1)->buf, ARG(1)->len);
        db_delete(c->db, ARG(2)->buf, ARG(2)->len);
        db_add(c->db, str_new(ARG(2)->buf, ARG(2)->len), v, expire);
        server.dirty++;
    }
    reply_ok(c);
}

void dbsize_command(struct client *c)
{
    reply_int(c, (long long)c->db->keys->used);
}

static int flush_mode_ok(struct client *c)
{
    if (c->argc == 1 || (c->argc == 2 && (arg_is(c, 1, "ASYNC") || arg_is(c, 1, "SYNC"))))
        return 1;
    reply_error(c, ERR_SYNTAX);
    return 0;
}

void flushdb_command(struct client *c)
{
    if (!flush_mode_ok(c))
        return;
    server.dirty += (long long)c->db->keys->used;
    db_flush(c->db);
    reply_ok(c);
}

void flush_all_dbs(void)
{
    for (int i = 0; i < NUM_DBS; i++) {
        server.dirty += (long long)server.db[i].keys->used;
        db_flush(&server.db[i]);
    }
}

/* FLUSHALL: as Redis, it stops a running BGSAVE, and saves the empty dataset when save rules are
 * set, so that a restart does not bring the keys back. */
void flushall_command(struct client *c)
{
    if (!flush_mode_ok(c))
        return;
    if (server.child_pid)
        bgsave_kill();
    flush_all_dbs();
    if (server.nsaveparams > 0)
        rdb_save(server.dbfilename);
    server.dirty++;
    reply_ok(c);
}

void randomkey_command(struct client *c)
{
    for (int tries = 0; tries < 100; tries++) {
        struct entry *e = dict_random(c->db->keys);
        if (!e)
            break;
        if (!key_expired(e)) {
            reply_str(c, e->key);
            return;
        }
        db_lookup_entry(c->db, e->key->buf, e->key->len);    /* deletes it */
    }
    reply_null(c);
}

void keys_command(struct client *c)
{
    struct dict_iter it;
    struct entry *e;
    long n = 0;
    struct str *pat = ARG(1);
    struct str **found = xmalloc((c->db->keys->used + 1) * sizeof *found);

    dict_iter_init(&it, c->db->keys);
    while ((e = dict_iter_next(&it)))
        if (!key_expired(e) && glob_match(pat->buf, pat->len, e->key->buf, e->key->len, 0))
            found[n++] = e->key;
    reply_array(c, n);
    for (long i = 0; i < n; i++)
        reply_str(c, found[i]);
    free(found);
}

struct scan_batch {
    struct str **keys;
    long n, cap;
};

static void scan_collect(struct entry *e, void *arg)
{
    struct scan_batch *b = arg;
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->keys = xrealloc(b->keys, (size_t)b->cap * sizeof *b->keys);
    }
    b->keys[b->n++] = key_expired(e) ? NULL : e->key;
}

/* SCAN cursor [MATCH pattern] [COUNT n] [TYPE type] */
void scan_command(struct client *c)
{
    unsigned long cursor = 0;
    long long count = 10;
    struct str *pat = NULL, *type = NULL;

    for (size_t i = 0; i < ARG(1)->len; i++) {
        char ch = ARG(1)->buf[i];
        if (ch < '0' || ch > '9' || ARG(1)->len > 20) {
            reply_error(c, "ERR invalid cursor");
            return;
        }
        cursor = cursor * 10 + (unsigned long)(ch - '0');
    }
    for (int i = 2; i < c->argc; i += 2) {
        if (i + 1 >= c->argc) {
            reply_error(c, ERR_SYNTAX);
            return;
        }
        if (arg_is(c, i, "COUNT")) {
            if (!arg_ll(c, i + 1, &count))
                return;
            if (count < 1) {
                reply_error(c, ERR_SYNTAX);
                return;
            }
        } else if (arg_is(c, i, "MATCH")) {
            pat = ARG(i + 1);
        } else if (arg_is(c, i, "TYPE")) {
            type = ARG(i + 1);
        } else {
            reply_error(c, ERR_SYNTAX);
            return;
        }
    }
    struct scan_batch b = {NULL, 0, 0};
    long long budget = count * 10;           /* buckets to visit at most, as Redis */
    do
        cursor = dict_scan(c->db->keys, cursor, scan_collect, &b);
    while (cursor && --budget > 0 && b.n < count);

    long kept = 0;
    for (long i = 0; i < b.n; i++) {
        struct str *k = b.keys[i];
        struct value *v = k ? db_lookup(c->db, k->buf, k->len) : NULL;
        if (k && pat && !glob_match(pat->buf, pat->len, k->buf, k->len, 0))
            k = NULL;
        if (k && type && (!v || strcasecmp(type_name(v->type), type->buf) != 0))
            k = NULL;
        b.keys[i] = k;
        kept += k != NULL;
    }
    reply_array(c, 2);
    reply_ll_bulk(c, (long long)cursor);
    reply_array(c, kept);
    for (long i = 0; i < b.n; i++)
        if (b.keys[i])
            reply_str(c, b.keys[i]);
    free(b.keys);
}
