/*
 * keyspace.c - the commands on keys whatever their type: DEL, EXISTS, expiry (EXPIRE, TTL,
 * PERSIST...), TYPE, RENAME, MOVE, COPY, SWAPDB, the database's size and flushing, RANDOMKEY,
 * KEYS and SCAN.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
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
    long long t, when;
    if (!arg_ll(c, 2, &t))
        return;
    if (!expire_time(t, unit, absolute, &when)) {
        reply_error(c, "ERR invalid expire time in '%s' command", c->cmd->name);
        return;
    }
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

/* Key e of database from becomes key `to` of database into, its value and expiry moved, not
 * copied; whatever `to` held before is deleted. */
static void move_key(struct db *from, struct entry *e, struct db *into, const struct str *to)
{
    struct value *v = e->val;
    long long expire = e->expire_ms;
    e->val = NULL;                            /* moved, not freed, by the delete */
    db_delete(from, e->key->buf, e->key->len);
    db_delete(into, to->buf, to->len);
    db_add(into, str_new(to->buf, to->len), v, expire);
    server.dirty++;
}

static int same_key(const struct str *a, const struct str *b)
{
    return a->len == b->len && memcmp(a->buf, b->buf, a->len) == 0;
}

/* RENAME key newkey, and RENAMENX, which leaves an existing newkey alone (answers 0). */
static void rename_generic(struct client *c, int nx)
{
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    if (!e) {
        reply_error(c, "ERR no such key");
        return;
    }
    if (nx && db_lookup(c->db, ARG(2)->buf, ARG(2)->len)) {
        reply_int(c, 0);
        return;
    }
    if (!same_key(ARG(1), ARG(2)))
        move_key(c->db, e, c->db, ARG(2));
    if (nx)
        reply_int(c, 1);
    else
        reply_ok(c);
}

void rename_command(struct client *c)
{
    rename_generic(c, 0);
}

void renamenx_command(struct client *c)
{
    rename_generic(c, 1);
}

/* Database number ARG(i) for MOVE and COPY: NULL after replying the error. */
static struct db *db_argument(struct client *c, int i)
{
    long long id;
    if (!arg_ll(c, i, &id))
        return NULL;
    if (id < 0 || id >= NUM_DBS) {
        reply_error(c, "ERR DB index is out of range");
        return NULL;
    }
    return &server.db[id];
}

/* MOVE key db: 1 if moved; 0 if the key is missing here or already there. */
void move_command(struct client *c)
{
    struct db *into = db_argument(c, 2);
    if (!into)
        return;
    if (into == c->db) {
        reply_error(c, "ERR source and destination objects are the same");
        return;
    }
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    if (!e || db_lookup(into, ARG(1)->buf, ARG(1)->len)) {
        reply_int(c, 0);
        return;
    }
    move_key(c->db, e, into, ARG(1));
    reply_int(c, 1);
}

/* COPY source destination [DB db] [REPLACE]: a deep copy, expiry included. */
void copy_command(struct client *c)
{
    struct db *into = c->db;
    int replace = 0;
    for (int i = 3; i < c->argc; i++) {
        if (arg_is(c, i, "REPLACE"))
            replace = 1;
        else if (arg_is(c, i, "DB") && i + 1 < c->argc) {
            if (!(into = db_argument(c, ++i)))
                return;
        } else {
            reply_error(c, ERR_SYNTAX);
            return;
        }
    }
    if (into == c->db && same_key(ARG(1), ARG(2))) {
        reply_error(c, "ERR source and destination objects are the same");
        return;
    }
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    if (!e || (!replace && db_lookup(into, ARG(2)->buf, ARG(2)->len))) {
        reply_int(c, 0);
        return;
    }
    db_delete(into, ARG(2)->buf, ARG(2)->len);
    db_add(into, str_new(ARG(2)->buf, ARG(2)->len), value_copy(e->val), e->expire_ms);
    server.dirty++;
    reply_int(c, 1);
}

/* SWAPDB a b: the two databases trade their keys; a client on one now sees the other's. */
void swapdb_command(struct client *c)
{
    long long a, b;
    if (!parse_ll(ARG(1)->buf, ARG(1)->len, &a)) {
        reply_error(c, "ERR invalid first DB index");
        return;
    }
    if (!parse_ll(ARG(2)->buf, ARG(2)->len, &b)) {
        reply_error(c, "ERR invalid second DB index");
        return;
    }
    if (a < 0 || a >= NUM_DBS || b < 0 || b >= NUM_DBS) {
        reply_error(c, "ERR DB index is out of range");
        return;
    }
    struct db t = server.db[a];
    server.db[a].keys = server.db[b].keys;
    server.db[a].expires = server.db[b].expires;
    server.db[b].keys = t.keys;
    server.db[b].expires = t.expires;
    touch_all_watched_keys(&server.db[a]);
    touch_all_watched_keys(&server.db[b]);
    server.dirty++;
    reply_ok(c);
}

/* TOUCH key ...: how many exist (we keep no access times to update). */
void touch_command(struct client *c)
{
    exists_command(c);
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
    struct entry **entries;
    long n, cap;
};

static void scan_collect(struct entry *e, void *arg)
{
    struct scan_batch *b = arg;
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 16;
        b->entries = xrealloc(b->entries, (size_t)b->cap * sizeof *b->entries);
    }
    b->entries[b->n++] = key_expired(e) ? NULL : e;
}

/* A cursor as Redis reads one (with strtoul): a sign, where '-' negates it modulo 2^64 (so -1
 * is the last cursor), then digits; "" is 0. 0 for anything else, or more than 64 bits. */
static int parse_cursor(const struct str *s, unsigned long *out)
{
    size_t i = s->len > 1 && (s->buf[0] == '-' || s->buf[0] == '+');
    unsigned long v = 0;
    for (; i < s->len; i++) {
        unsigned digit = (unsigned char)s->buf[i] - '0';
        if (digit > 9 || v > (ULONG_MAX - digit) / 10)
            return 0;
        v = v * 10 + digit;
    }
    *out = s->buf[0] == '-' ? 0 - v : v;
    return 1;
}

/* SCAN cursor [MATCH pattern] [COUNT n] [TYPE type] (type < 0: the keys), and HSCAN, SSCAN and
 * ZSCAN key cursor [MATCH pattern] [COUNT n] (type TYPE_HASH, TYPE_SET or TYPE_ZSET: the key's
 * fields each with its value, members, or members each with its score). As in Redis, the cursor is checked before the key, the options after. */
void scan_generic(struct client *c, int type)
{
    unsigned long cursor = 0;
    long long count = 10;
    struct str *pat = NULL, *want = NULL;
    struct dict *d = c->db->keys;
    struct value *v;
    int at = type < 0 ? 1 : 2;                    /* the cursor's argument */

    if (!parse_cursor(ARG(at), &cursor)) {
        reply_error(c, "ERR invalid cursor");
        return;
    }
    if (type >= 0) {
        if (!read_key(c, 1, type, &v))
            return;
        if (!v) {
            reply_array(c, 2);
            reply_cstr(c, "0");
            reply_array(c, 0);
            return;
        }
        d = type == TYPE_ZSET ? ((struct zset *)v->ptr)->dict : v->ptr;
    }
    for (int i = at + 1; i < c->argc; i += 2) {
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
        } else if (arg_is(c, i, "TYPE") && type < 0) {
            want = ARG(i + 1);
        } else {
            reply_error(c, ERR_SYNTAX);
            return;
        }
    }
    struct scan_batch b = {NULL, 0, 0};
    long long budget = count * 10;           /* buckets to visit at most, as Redis */
    do
        cursor = dict_scan(d, cursor, scan_collect, &b);
    while (cursor && --budget > 0 && b.n < count);

    long kept = 0;
    for (long i = 0; i < b.n; i++) {
        struct entry *e = b.entries[i];
        if (e && pat && !glob_match(pat->buf, pat->len, e->key->buf, e->key->len, 0))
            e = NULL;
        if (e && want && strcasecmp(type_name(((struct value *)e->val)->type), want->buf) != 0)
            e = NULL;
        b.entries[i] = e;
        kept += e != NULL;
    }
    reply_array(c, 2);
    reply_ll_bulk(c, (long long)cursor);
    reply_array(c, type == TYPE_HASH || type == TYPE_ZSET ? 2 * kept : kept);
    for (long i = 0; i < b.n; i++) {
        if (!b.entries[i])
            continue;
        reply_str(c, b.entries[i]->key);
        if (type == TYPE_HASH) {
            reply_str(c, b.entries[i]->val);
        } else if (type == TYPE_ZSET) {              /* the score, as text even in RESP3 */
            char score[64];
            reply_bulk(c, score, (size_t)snprintf(score, sizeof score, "%.17g",
                                                  ((struct znode *)b.entries[i]->val)->score));
        }
    }
    free(b.entries);
}

void scan_command(struct client *c)
{
    scan_generic(c, -1);
}
