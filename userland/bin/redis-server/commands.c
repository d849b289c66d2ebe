/*
 * commands.c - every command the server knows, in one table (name, arity, flags, key positions,
 * handler), and the handlers. process_command looks a request's command up, checks its arity,
 * queues it inside MULTI, or runs it. The replies and error messages are Redis's (6.2/7.0), since
 * real clients read them: redis-py, redis-cli and redis-benchmark.
 */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"

struct command {
    const char *name;
    void (*proc)(struct client *c);
    int arity;                       /* argc exactly, or at least -arity when negative */
    const char *flags;               /* as COMMAND reports them, space-separated */
    int first_key, last_key, step;
};

static const char *const ERR_INT = "ERR value is not an integer or out of range";
static const char *const ERR_SYNTAX = "ERR syntax error";
static const char *const ERR_WRONGTYPE = "WRONGTYPE Operation against a key holding the wrong kind of value";
static const char *const ERR_POSITIVE = "ERR value is out of range, must be positive";

#define ARG(i) (c->argv[i])

static int arg_is(struct client *c, int i, const char *word)
{
    return strcasecmp(ARG(i)->buf, word) == 0 && strlen(word) == ARG(i)->len;
}

static int arg_ll(struct client *c, int i, long long *v)
{
    if (parse_ll(ARG(i)->buf, ARG(i)->len, v))
        return 1;
    reply_error(c, ERR_INT);
    return 0;
}

/* ---- looking keys up ----------------------------------------------------------------------- */

/* Key i's value for a reader: 1 with *v (NULL if the key does not exist), or 0 after replying
 * WRONGTYPE. */
static int read_key(struct client *c, int i, int type, struct value **v)
{
    *v = db_lookup(c->db, ARG(i)->buf, ARG(i)->len);
    if (*v)
        server.stat_hits++;
    else
        server.stat_misses++;
    if (*v && (*v)->type != type) {
        reply_error(c, ERR_WRONGTYPE);
        return 0;
    }
    return 1;
}

/* Key i's value for a writer that adds to it: created empty if absent; NULL after WRONGTYPE. */
static struct value *write_key(struct client *c, int i, int type)
{
    struct value *v = db_lookup(c->db, ARG(i)->buf, ARG(i)->len);
    if (v && v->type != type) {
        reply_error(c, ERR_WRONGTYPE);
        return NULL;
    }
    if (!v) {
        v = value_new(type);
        db_add(c->db, str_new(ARG(i)->buf, ARG(i)->len), v, -1);
    }
    return v;
}

/* A list, hash or set left empty by a command goes away, as in Redis. */
static void drop_if_empty(struct client *c, int i, struct value *v)
{
    size_t n = v->type == TYPE_LIST ? ((struct list *)v->ptr)->len : ((struct dict *)v->ptr)->used;
    if (n == 0)
        db_delete(c->db, ARG(i)->buf, ARG(i)->len);
}

/* ---- strings ------------------------------------------------------------------------------- */

static void get_command(struct client *c)
{
    struct value *v;
    if (!read_key(c, 1, TYPE_STRING, &v))
        return;
    if (v)
        reply_str(c, v->ptr);
    else
        reply_null(c);
}

/* SET key value [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL] [NX|XX] [GET] */
static void set_command(struct client *c)
{
    int nx = 0, xx = 0, get = 0, keepttl = 0, unit = 0;
    long long expire = -1, when = -1;

    for (int i = 3; i < c->argc; i++) {
        int has_next = i + 1 < c->argc;
        if (arg_is(c, i, "NX") && !xx)
            nx = 1;
        else if (arg_is(c, i, "XX") && !nx)
            xx = 1;
        else if (arg_is(c, i, "GET"))
            get = 1;
        else if (arg_is(c, i, "KEEPTTL") && !unit)
            keepttl = 1;
        else if (has_next && !unit && !keepttl &&
                 (arg_is(c, i, "EX") || arg_is(c, i, "PX") || arg_is(c, i, "EXAT") || arg_is(c, i, "PXAT"))) {
            unit = toupper((unsigned char)ARG(i)->buf[0]) == 'E' ? 1000 : 1;
            if (!arg_ll(c, ++i, &expire))
                return;
            if (expire <= 0 || expire > 9223372036854775807LL / 1000) {
                reply_error(c, "ERR invalid expire time in 'set' command");
                return;
            }
            when = expire * unit + (ARG(i - 1)->len == 2 ? now_ms() : 0);
        } else {
            reply_error(c, ERR_SYNTAX);
            return;
        }
    }
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    struct value *old = e ? e->val : NULL;
    if (get) {
        if (old && old->type != TYPE_STRING) {
            reply_error(c, ERR_WRONGTYPE);
            return;
        }
        if (old)
            reply_str(c, old->ptr);
        else
            reply_null(c);
    }
    if ((nx && old) || (xx && !old)) {
        if (!get)
            reply_null(c);
        return;
    }
    long long keep = keepttl && e ? e->expire_ms : -1;
    e = db_set_entry(c->db, e, ARG(1), ARG(2));
    if (when != -1 || keep != -1)
        db_set_expire(c->db, e, when != -1 ? when : keep);
    server.dirty++;
    if (!get)
        reply_ok(c);
}

static void setnx_command(struct client *c)
{
    if (db_lookup(c->db, ARG(1)->buf, ARG(1)->len)) {
        reply_int(c, 0);
        return;
    }
    db_set(c->db, ARG(1), ARG(2));
    server.dirty++;
    reply_int(c, 1);
}

/* SETEX key seconds value, PSETEX key ms value */
static void setex_generic(struct client *c, long long unit)
{
    long long t;
    if (!arg_ll(c, 2, &t))
        return;
    if (t <= 0 || t > 9223372036854775807LL / 1000) {
        reply_error(c, "ERR invalid expire time in '%s' command", unit == 1000 ? "setex" : "psetex");
        return;
    }
    struct entry *e = db_set(c->db, ARG(1), ARG(3));
    db_set_expire(c->db, e, now_ms() + t * unit);
    server.dirty++;
    reply_ok(c);
}

static void setex_command(struct client *c)
{
    setex_generic(c, 1000);
}

static void psetex_command(struct client *c)
{
    setex_generic(c, 1);
}

static void getset_command(struct client *c)
{
    struct value *v;
    if (!read_key(c, 1, TYPE_STRING, &v))
        return;
    if (v)
        reply_str(c, v->ptr);
    else
        reply_null(c);
    db_set(c->db, ARG(1), ARG(2));
    server.dirty++;
}

static void mget_command(struct client *c)
{
    reply_array(c, c->argc - 1);
    for (int i = 1; i < c->argc; i++) {
        struct value *v = db_lookup(c->db, ARG(i)->buf, ARG(i)->len);
        if (v && v->type == TYPE_STRING)
            reply_str(c, v->ptr);
        else
            reply_null(c);
    }
}

static void mset_command(struct client *c)
{
    if (c->argc % 2 == 0) {
        reply_error(c, "ERR wrong number of arguments for 'mset' command");
        return;
    }
    for (int i = 1; i < c->argc; i += 2)
        db_set(c->db, ARG(i), ARG(i + 1));
    server.dirty += (c->argc - 1) / 2;
    reply_ok(c);
}

static void incr_by(struct client *c, long long delta)
{
    struct value *v;
    long long cur = 0;
    if (!read_key(c, 1, TYPE_STRING, &v))
        return;
    if (v && !parse_ll(((struct str *)v->ptr)->buf, ((struct str *)v->ptr)->len, &cur)) {
        reply_error(c, ERR_INT);
        return;
    }
    if ((delta > 0 && cur > 9223372036854775807LL - delta) ||
        (delta < 0 && cur < -9223372036854775807LL - 1 - delta)) {
        reply_error(c, "ERR increment or decrement would overflow");
        return;
    }
    cur += delta;
    if (v) {
        str_free(v->ptr);
        v->ptr = str_from_ll(cur);
    } else {
        db_add(c->db, str_new(ARG(1)->buf, ARG(1)->len), value_string(str_from_ll(cur)), -1);
    }
    server.dirty++;
    reply_int(c, cur);
}

static void incr_command(struct client *c)
{
    incr_by(c, 1);
}

static void decr_command(struct client *c)
{
    incr_by(c, -1);
}

static void incrby_command(struct client *c)
{
    long long d;
    if (arg_ll(c, 2, &d))
        incr_by(c, d);
}

static void decrby_command(struct client *c)
{
    long long d;
    if (!arg_ll(c, 2, &d))
        return;
    if (d == -9223372036854775807LL - 1)
        reply_error(c, "ERR decrement would overflow");
    else
        incr_by(c, -d);
}

static void append_command(struct client *c)
{
    struct value *v = write_key(c, 1, TYPE_STRING);
    if (!v)
        return;
    v->ptr = str_append(v->ptr, ARG(2)->buf, ARG(2)->len);
    server.dirty++;
    reply_int(c, (long long)((struct str *)v->ptr)->len);
}

static void strlen_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_STRING, &v))
        reply_int(c, v ? (long long)((struct str *)v->ptr)->len : 0);
}

/* ---- keys ---------------------------------------------------------------------------------- */

static void del_command(struct client *c)
{
    long long n = 0;
    for (int i = 1; i < c->argc; i++)
        n += db_delete(c->db, ARG(i)->buf, ARG(i)->len);
    server.dirty += n;
    reply_int(c, n);
}

static void exists_command(struct client *c)
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

static void expire_command(struct client *c)
{
    expire_generic(c, 1000, 0);
}

static void pexpire_command(struct client *c)
{
    expire_generic(c, 1, 0);
}

static void expireat_command(struct client *c)
{
    expire_generic(c, 1000, 1);
}

static void pexpireat_command(struct client *c)
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

static void ttl_command(struct client *c)
{
    ttl_generic(c, 0);
}

static void pttl_command(struct client *c)
{
    ttl_generic(c, 1);
}

static void persist_command(struct client *c)
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

static void type_command(struct client *c)
{
    struct value *v = db_lookup(c->db, ARG(1)->buf, ARG(1)->len);
    reply_status(c, v ? type_name(v->type) : "none");
}

static void rename_command(struct client *c)
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

static void dbsize_command(struct client *c)
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

static void flushdb_command(struct client *c)
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
static void flushall_command(struct client *c)
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

static void randomkey_command(struct client *c)
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

static void keys_command(struct client *c)
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
static void scan_command(struct client *c)
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

/* ---- lists --------------------------------------------------------------------------------- */

static void push_generic(struct client *c, int head)
{
    struct value *v = write_key(c, 1, TYPE_LIST);
    if (!v)
        return;
    for (int i = 2; i < c->argc; i++)
        list_push(v->ptr, str_new(ARG(i)->buf, ARG(i)->len), head);
    server.dirty += c->argc - 2;
    reply_int(c, (long long)((struct list *)v->ptr)->len);
}

static void lpush_command(struct client *c)
{
    push_generic(c, 1);
}

static void rpush_command(struct client *c)
{
    push_generic(c, 0);
}

/* LPOP/RPOP key [count] */
static void pop_generic(struct client *c, int head)
{
    struct value *v;
    long long count = 1;
    if (c->argc > 3) {
        reply_error(c, "ERR wrong number of arguments for '%s' command", c->cmd->name);
        return;
    }
    if (c->argc == 3) {
        if (!arg_ll(c, 2, &count))
            return;
        if (count < 0) {
            reply_error(c, ERR_POSITIVE);
            return;
        }
    }
    if (!read_key(c, 1, TYPE_LIST, &v))
        return;
    if (!v) {
        if (c->argc == 3)
            reply_null_array(c);
        else
            reply_null(c);
        return;
    }
    struct list *l = v->ptr;
    if (c->argc == 3)
        reply_array(c, count < (long long)l->len ? count : (long long)l->len);
    for (long long i = 0; i < count && l->len; i++) {
        struct str *s = list_pop(l, head);
        reply_str(c, s);
        str_free(s);
        server.dirty++;
    }
    drop_if_empty(c, 1, v);
}

static void lpop_command(struct client *c)
{
    pop_generic(c, 1);
}

static void rpop_command(struct client *c)
{
    pop_generic(c, 0);
}

static void llen_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_LIST, &v))
        reply_int(c, v ? (long long)((struct list *)v->ptr)->len : 0);
}

static void lindex_command(struct client *c)
{
    struct value *v;
    long long i;
    if (!arg_ll(c, 2, &i) || !read_key(c, 1, TYPE_LIST, &v))
        return;
    struct list *l = v ? v->ptr : NULL;
    if (l && i < 0)
        i += (long long)l->len;
    if (!l || i < 0 || i >= (long long)l->len)
        reply_null(c);
    else
        reply_str(c, list_at(l, (size_t)i));
}

static void lrange_command(struct client *c)
{
    struct value *v;
    long long start, stop;
    if (!arg_ll(c, 2, &start) || !arg_ll(c, 3, &stop) || !read_key(c, 1, TYPE_LIST, &v))
        return;
    long long len = v ? (long long)((struct list *)v->ptr)->len : 0;
    if (start < 0)
        start += len;
    if (stop < 0)
        stop += len;
    if (start < 0)
        start = 0;
    if (stop >= len)
        stop = len - 1;
    if (start > stop || start >= len) {
        reply_array(c, 0);
        return;
    }
    reply_array(c, stop - start + 1);
    for (long long i = start; i <= stop; i++)
        reply_str(c, list_at(v->ptr, (size_t)i));
}

/* ---- hashes -------------------------------------------------------------------------------- */

/* Set field to value in hash d: 1 if the field is new. */
static int hash_set(struct dict *d, struct str *field, struct str *value)
{
    struct entry *e = dict_find(d, field->buf, field->len);
    if (e) {
        str_free(e->val);
        e->val = str_new(value->buf, value->len);
        return 0;
    }
    dict_add(d, str_new(field->buf, field->len), str_new(value->buf, value->len));
    return 1;
}

static int hset_generic(struct client *c)
{
    if (c->argc % 2 == 1) {
        reply_error(c, "ERR wrong number of arguments for '%s' command", c->cmd->name);
        return -1;
    }
    struct value *v = write_key(c, 1, TYPE_HASH);
    if (!v)
        return -1;
    int added = 0;
    for (int i = 2; i < c->argc; i += 2)
        added += hash_set(v->ptr, ARG(i), ARG(i + 1));
    server.dirty += (c->argc - 2) / 2;
    return added;
}

static void hset_command(struct client *c)
{
    int added = hset_generic(c);
    if (added >= 0)
        reply_int(c, added);
}

static void hmset_command(struct client *c)
{
    if (hset_generic(c) >= 0)
        reply_ok(c);
}

static void hget_command(struct client *c)
{
    struct value *v;
    if (!read_key(c, 1, TYPE_HASH, &v))
        return;
    struct entry *e = v ? dict_find(v->ptr, ARG(2)->buf, ARG(2)->len) : NULL;
    if (e)
        reply_str(c, e->val);
    else
        reply_null(c);
}

static void hmget_command(struct client *c)
{
    struct value *v;
    if (!read_key(c, 1, TYPE_HASH, &v))
        return;
    reply_array(c, c->argc - 2);
    for (int i = 2; i < c->argc; i++) {
        struct entry *e = v ? dict_find(v->ptr, ARG(i)->buf, ARG(i)->len) : NULL;
        if (e)
            reply_str(c, e->val);
        else
            reply_null(c);
    }
}

static void hdel_command(struct client *c)
{
    struct value *v;
    long long n = 0;
    if (!read_key(c, 1, TYPE_HASH, &v))
        return;
    for (int i = 2; v && i < c->argc; i++)
        n += dict_delete(v->ptr, ARG(i)->buf, ARG(i)->len);
    if (v)
        drop_if_empty(c, 1, v);
    server.dirty += n;
    reply_int(c, n);
}

/* HGETALL, HKEYS and HVALS: the fields, the values, or both as a map. */
static void hash_reply(struct client *c, int fields, int values)
{
    struct value *v;
    struct dict_iter it;
    struct entry *e;
    if (!read_key(c, 1, TYPE_HASH, &v))
        return;
    long n = v ? (long)((struct dict *)v->ptr)->used : 0;
    if (fields && values)
        reply_map(c, n);
    else
        reply_array(c, n);
    if (!v)
        return;
    dict_iter_init(&it, v->ptr);
    while ((e = dict_iter_next(&it))) {
        if (fields)
            reply_str(c, e->key);
        if (values)
            reply_str(c, e->val);
    }
}

static void hgetall_command(struct client *c)
{
    hash_reply(c, 1, 1);
}

static void hkeys_command(struct client *c)
{
    hash_reply(c, 1, 0);
}

static void hvals_command(struct client *c)
{
    hash_reply(c, 0, 1);
}

static void hlen_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_HASH, &v))
        reply_int(c, v ? (long long)((struct dict *)v->ptr)->used : 0);
}

static void hexists_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_HASH, &v))
        reply_int(c, v && dict_find(v->ptr, ARG(2)->buf, ARG(2)->len) ? 1 : 0);
}

static void hincrby_command(struct client *c)
{
    long long delta, cur = 0;
    if (!arg_ll(c, 3, &delta))
        return;
    struct value *v = write_key(c, 1, TYPE_HASH);
    if (!v)
        return;
    struct entry *e = dict_find(v->ptr, ARG(2)->buf, ARG(2)->len);
    if (e && !parse_ll(((struct str *)e->val)->buf, ((struct str *)e->val)->len, &cur)) {
        reply_error(c, "ERR hash value is not an integer");
        drop_if_empty(c, 1, v);
        return;
    }
    if ((delta > 0 && cur > 9223372036854775807LL - delta) ||
        (delta < 0 && cur < -9223372036854775807LL - 1 - delta)) {
        reply_error(c, "ERR increment or decrement would overflow");
        drop_if_empty(c, 1, v);
        return;
    }
    cur += delta;
    struct str *s = str_from_ll(cur);
    hash_set(v->ptr, ARG(2), s);
    str_free(s);
    server.dirty++;
    reply_int(c, cur);
}

/* ---- sets ---------------------------------------------------------------------------------- */

static void sadd_command(struct client *c)
{
    struct value *v = write_key(c, 1, TYPE_SET);
    long long n = 0;
    if (!v)
        return;
    for (int i = 2; i < c->argc; i++)
        if (!dict_find(v->ptr, ARG(i)->buf, ARG(i)->len)) {
            dict_add(v->ptr, str_new(ARG(i)->buf, ARG(i)->len), NULL);
            n++;
        }
    server.dirty += n;
    reply_int(c, n);
}

static void srem_command(struct client *c)
{
    struct value *v;
    long long n = 0;
    if (!read_key(c, 1, TYPE_SET, &v))
        return;
    for (int i = 2; v && i < c->argc; i++)
        n += dict_delete(v->ptr, ARG(i)->buf, ARG(i)->len);
    if (v)
        drop_if_empty(c, 1, v);
    server.dirty += n;
    reply_int(c, n);
}

static void smembers_command(struct client *c)
{
    struct value *v;
    struct dict_iter it;
    struct entry *e;
    if (!read_key(c, 1, TYPE_SET, &v))
        return;
    reply_set(c, v ? (long)((struct dict *)v->ptr)->used : 0);
    if (!v)
        return;
    dict_iter_init(&it, v->ptr);
    while ((e = dict_iter_next(&it)))
        reply_str(c, e->key);
}

static void sismember_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_SET, &v))
        reply_int(c, v && dict_find(v->ptr, ARG(2)->buf, ARG(2)->len) ? 1 : 0);
}

static void scard_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_SET, &v))
        reply_int(c, v ? (long long)((struct dict *)v->ptr)->used : 0);
}

/* SPOP key [count] */
static void spop_command(struct client *c)
{
    struct value *v;
    long long count = 1;
    if (c->argc > 3) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if (c->argc == 3) {
        if (!arg_ll(c, 2, &count))
            return;
        if (count < 0) {
            reply_error(c, ERR_POSITIVE);
            return;
        }
    }
    if (!read_key(c, 1, TYPE_SET, &v))
        return;
    if (!v) {
        if (c->argc == 3)
            reply_set(c, 0);
        else
            reply_null(c);
        return;
    }
    struct dict *d = v->ptr;
    if (c->argc == 3)
        reply_set(c, count < (long long)d->used ? count : (long long)d->used);
    for (long long i = 0; i < count && d->used; i++) {
        struct entry *e = dict_random(d);
        reply_str(c, e->key);
        dict_delete(d, e->key->buf, e->key->len);
        server.dirty++;
    }
    drop_if_empty(c, 1, v);
}

/* ---- connection and transactions ----------------------------------------------------------- */

static void ping_command(struct client *c)
{
    if (c->argc > 2)
        reply_error(c, "ERR wrong number of arguments for 'ping' command");
    else if (c->argc == 2)
        reply_str(c, ARG(1));
    else
        reply_status(c, "PONG");
}

static void echo_command(struct client *c)
{
    reply_str(c, ARG(1));
}

static void quit_command(struct client *c)
{
    reply_ok(c);
    c->close_after_reply = 1;
}

static void select_command(struct client *c)
{
    long long id;
    if (!parse_ll(ARG(1)->buf, ARG(1)->len, &id))
        reply_error(c, "ERR invalid DB index");
    else if (id < 0 || id >= NUM_DBS)
        reply_error(c, "ERR DB index is out of range");
    else {
        c->db = &server.db[id];
        reply_ok(c);
    }
}

static int valid_client_name(struct str *name)
{
    for (size_t i = 0; i < name->len; i++)
        if (name->buf[i] < '!' || name->buf[i] > '~')
            return 0;
    return 1;
}

static int set_client_name(struct client *c, struct str *name)
{
    if (!valid_client_name(name)) {
        reply_error(c, "ERR Client names cannot contain spaces, newlines or special characters.");
        return 0;
    }
    str_free(c->name);
    c->name = name->len ? str_new(name->buf, name->len) : NULL;
    return 1;
}

/* HELLO [protover [AUTH user pass] [SETNAME name]]: redis-py 8 sends HELLO 3 first. */
static void hello_command(struct client *c)
{
    long long ver = c->resp;
    if (c->argc >= 2) {
        if (!parse_ll(ARG(1)->buf, ARG(1)->len, &ver)) {
            reply_error(c, "ERR Protocol version is not an integer or out of range");
            return;
        }
        if (ver != 2 && ver != 3) {
            reply_error(c, "NOPROTO unsupported protocol version");
            return;
        }
    }
    for (int i = 2; i < c->argc; i++) {
        if (arg_is(c, i, "AUTH") && i + 2 < c->argc)
            i += 2;                           /* no passwords: the default user needs none */
        else if (arg_is(c, i, "SETNAME") && i + 1 < c->argc) {
            if (!set_client_name(c, ARG(++i)))
                return;
        } else {
            reply_error(c, "ERR Syntax error in HELLO option '%s'", ARG(i)->buf);
            return;
        }
    }
    c->resp = (int)ver;
    reply_map(c, 7);
    reply_cstr(c, "server");
    reply_cstr(c, "redis");
    reply_cstr(c, "version");
    reply_cstr(c, REDIS_VERSION);
    reply_cstr(c, "proto");
    reply_int(c, ver);
    reply_cstr(c, "id");
    reply_int(c, c->id);
    reply_cstr(c, "mode");
    reply_cstr(c, "standalone");
    reply_cstr(c, "role");
    reply_cstr(c, "master");
    reply_cstr(c, "modules");
    reply_array(c, 0);
}

static void unknown_subcommand(struct client *c, const char *command)
{
    reply_error(c, "ERR Unknown subcommand or wrong number of arguments for '%.128s'. Try %s HELP.",
                ARG(1)->buf, command);
}

static void client_command(struct client *c)
{
    if (c->argc == 2 && arg_is(c, 1, "ID"))
        reply_int(c, c->id);
    else if (c->argc == 3 && arg_is(c, 1, "SETNAME")) {
        if (set_client_name(c, ARG(2)))
            reply_ok(c);
    } else if (c->argc == 2 && arg_is(c, 1, "GETNAME")) {
        if (c->name)
            reply_str(c, c->name);
        else
            reply_null(c);
    } else if (c->argc == 4 && arg_is(c, 1, "SETINFO")) {
        reply_ok(c);
    } else if (c->argc == 2 && arg_is(c, 1, "LIST")) {
        struct str *out = str_new("", 0);
        char line[256];
        for (int i = 0; i < server.nclients; i++) {
            struct client *o = server.clients[i];
            int n = snprintf(line, sizeof line, "id=%lld fd=%d name=%s db=%d cmd=%s\n", o->id, o->fd,
                             o->name ? o->name->buf : "", o->db->id, o->cmd ? o->cmd->name : "NULL");
            out = str_append(out, line, (size_t)n);
        }
        reply_str(c, out);
        str_free(out);
    } else {
        unknown_subcommand(c, "CLIENT");
    }
}

static void multi_command(struct client *c)
{
    if (c->in_multi) {
        reply_error(c, "ERR MULTI calls can not be nested");
        return;
    }
    c->in_multi = 1;
    c->multi_error = 0;
    reply_ok(c);
}

static void discard_queue(struct client *c)
{
    for (int i = 0; i < c->nqueued; i++)
        free_argv(c->queue[i].argc, c->queue[i].argv);
    c->nqueued = 0;
    c->in_multi = c->multi_error = 0;
}

static void discard_command(struct client *c)
{
    if (!c->in_multi) {
        reply_error(c, "ERR DISCARD without MULTI");
        return;
    }
    discard_queue(c);
    reply_ok(c);
}

static void call(struct client *c, const struct command *cmd);
static const struct command *find_command(struct str *name);

static void exec_command(struct client *c)
{
    if (!c->in_multi) {
        reply_error(c, "ERR EXEC without MULTI");
        return;
    }
    if (c->multi_error) {
        reply_error(c, "EXECABORT Transaction discarded because of previous errors.");
        discard_queue(c);
        return;
    }
    int argc = c->argc;
    struct str **argv = c->argv;
    c->in_multi = 0;
    reply_array(c, c->nqueued);
    for (int i = 0; i < c->nqueued; i++) {
        c->argc = c->queue[i].argc;
        c->argv = c->queue[i].argv;
        call(c, find_command(ARG(0)));
    }
    c->argc = argc;
    c->argv = argv;
    discard_queue(c);
}

/* ---- server -------------------------------------------------------------------------------- */

static void save_command(struct client *c)
{
    if (server.child_pid)
        reply_error(c, "ERR Background save already in progress");
    else if (rdb_save(server.dbfilename) == 0)
        reply_ok(c);
    else
        reply_error(c, "ERR the save failed (the server's log says why)");
}

/* BGSAVE [SCHEDULE] */
static void bgsave_command(struct client *c)
{
    int schedule = c->argc == 2 && arg_is(c, 1, "SCHEDULE");
    if (c->argc > 2 || (c->argc == 2 && !schedule)) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if (server.child_pid) {
        if (schedule) {
            server.bgsave_scheduled = 1;
            reply_status(c, "Background saving scheduled");
        } else {
            reply_error(c, "ERR Background save already in progress");
        }
    } else if (rdb_save_background() == 0) {
        reply_status(c, "Background saving started");
    } else {
        reply_error(c, "ERR Background saving failed: %s", strerror(errno));
    }
}

static void lastsave_command(struct client *c)
{
    reply_int(c, server.lastsave);
}

/* SHUTDOWN [SAVE|NOSAVE]: no reply when it works, the connection just closes. */
static void shutdown_command(struct client *c)
{
    int save = -1;
    for (int i = 1; i < c->argc; i++) {
        if (arg_is(c, i, "SAVE"))
            save = 1;
        else if (arg_is(c, i, "NOSAVE"))
            save = 0;
        else if (!arg_is(c, i, "NOW") && !arg_is(c, i, "FORCE")) {
            reply_error(c, ERR_SYNTAX);
            return;
        }
    }
    log_msg('#', "User requested shutdown...");
    if (prepare_shutdown(save) < 0) {
        reply_error(c, "ERR Errors trying to SHUTDOWN. Check logs.");
        return;
    }
    exit(0);
}

static void time_command(struct client *c)
{
    long long us = now_ms() * 1000;
    reply_array(c, 2);
    reply_ll_bulk(c, us / 1000000);
    reply_ll_bulk(c, us % 1000000);
}

/* DEBUG POPULATE count [prefix] [size]: keys prefix:0 ... with values "value:N", zero-padded (or
 * cut) to size bytes, exactly as Redis makes them; keys that exist are left alone. */
static void debug_populate(struct client *c)
{
    long long count, size = 0;
    char key[256], val[64];
    if (c->argc > 5) {
        unknown_subcommand(c, "DEBUG");
        return;
    }
    if (!parse_ll(ARG(2)->buf, ARG(2)->len, &count) || count < 0 ||
        (c->argc == 5 && (!parse_ll(ARG(4)->buf, ARG(4)->len, &size) || size < 0))) {
        reply_error(c, ERR_POSITIVE);
        return;
    }
    const char *prefix = c->argc >= 4 ? ARG(3)->buf : "key";
    for (long long j = 0; j < count; j++) {
        int klen = snprintf(key, sizeof key, "%s:%lld", prefix, j);
        if (klen >= (int)sizeof key)
            klen = (int)sizeof key - 1;
        if (db_lookup(c->db, key, (size_t)klen))
            continue;
        size_t vlen = (size_t)snprintf(val, sizeof val, "value:%lld", j);
        struct str *v;
        if (size == 0) {
            v = str_new(val, vlen);
        } else {
            v = str_new(NULL, (size_t)size);
            memcpy(v->buf, val, (size_t)size < vlen ? (size_t)size : vlen);
        }
        db_add(c->db, str_new(key, (size_t)klen), value_string(v), -1);
    }
    reply_ok(c);
}

static void debug_command(struct client *c)
{
    if (c->argc >= 3 && arg_is(c, 1, "POPULATE")) {
        debug_populate(c);
    } else if (c->argc == 3 && arg_is(c, 1, "SLEEP")) {
        double secs = strtod(ARG(2)->buf, NULL);
        if (secs > 0)
            usleep((useconds_t)(secs * 1000000));
        reply_ok(c);
    } else if (c->argc == 2 && arg_is(c, 1, "RELOAD")) {
        if (rdb_save(server.dbfilename) != 0) {
            reply_error(c, "ERR Error trying to save the DB");
            return;
        }
        flush_all_dbs();
        if (rdb_load(server.dbfilename) != 0) {
            reply_error(c, "ERR Error trying to load the RDB dump");
            return;
        }
        log_msg('*', "DB reloaded by DEBUG RELOAD");
        reply_ok(c);
    } else {
        unknown_subcommand(c, "DEBUG");
    }
}

/* ---- INFO ------------------------------------------------------------------------------------ */

static void info_add(struct str **s, const char *fmt, ...)
{
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line - 2, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 3)
        n = (int)sizeof line - 3;
    line[n++] = '\r';
    line[n++] = '\n';
    *s = str_append(*s, line, (size_t)n);
}

static void info_server(struct str **s)
{
    long long up = (now_ms() - server.start_ms) / 1000;
    info_add(s, "# Server");
    info_add(s, "redis_version:%s", REDIS_VERSION);
    info_add(s, "redis_mode:standalone");
    info_add(s, "os:ufos");
    info_add(s, "arch_bits:64");
    info_add(s, "multiplexing_api:poll");
    info_add(s, "process_id:%d", (int)getpid());
    info_add(s, "tcp_port:%d", server.port);
    info_add(s, "uptime_in_seconds:%lld", up);
    info_add(s, "uptime_in_days:%lld", up / 86400);
    info_add(s, "hz:%d", CRON_HZ);
    info_add(s, "executable:/bin/redis-server");
    info_add(s, "config_file:");
}

static void info_clients(struct str **s)
{
    info_add(s, "# Clients");
    info_add(s, "connected_clients:%d", server.nclients);
    info_add(s, "blocked_clients:0");
}

static void info_persistence(struct str **s)
{
    long long now = now_ms() / 1000;
    info_add(s, "# Persistence");
    info_add(s, "loading:0");
    info_add(s, "rdb_changes_since_last_save:%lld", server.dirty);
    info_add(s, "rdb_bgsave_in_progress:%d", server.child_pid != 0);
    info_add(s, "rdb_last_save_time:%lld", server.lastsave);
    info_add(s, "rdb_last_bgsave_status:%s", server.lastbgsave_ok ? "ok" : "err");
    info_add(s, "rdb_last_bgsave_time_sec:%lld", server.rdb_last_bgsave_time_sec);
    info_add(s, "rdb_current_bgsave_time_sec:%lld",
             server.child_pid ? now - server.child_start_ms / 1000 : -1LL);
    info_add(s, "rdb_last_cow_size:%lld", server.child_pages_copied * 4096);
    info_add(s, "rdb_last_bgsave_pages_copied:%lld", server.child_pages_copied);
    info_add(s, "rdb_last_bgsave_caps_relocated:%lld", server.child_caps_relocated);
    info_add(s, "aof_enabled:0");
}

static void info_stats(struct str **s)
{
    info_add(s, "# Stats");
    info_add(s, "total_connections_received:%lld", server.stat_connections);
    info_add(s, "total_commands_processed:%lld", server.stat_commands);
    info_add(s, "rejected_connections:%lld", server.stat_rejected);
    info_add(s, "expired_keys:%lld", server.stat_expired);
    info_add(s, "evicted_keys:0");
    info_add(s, "keyspace_hits:%lld", server.stat_hits);
    info_add(s, "keyspace_misses:%lld", server.stat_misses);
    info_add(s, "latest_fork_usec:%lld", server.latest_fork_usec);
    info_add(s, "total_forks:%lld", server.total_forks);
}

static void info_keyspace(struct str **s)
{
    info_add(s, "# Keyspace");
    for (int i = 0; i < NUM_DBS; i++)
        if (server.db[i].keys->used)
            info_add(s, "db%d:keys=%lu,expires=%lld,avg_ttl=0", i, (unsigned long)server.db[i].keys->used,
                     server.db[i].expires);
}

/* INFO [section ...]: the sections asked for ("default", "all" or none: every one). */
static void info_command(struct client *c)
{
    static const struct {
        const char *name;
        void (*add)(struct str **s);
    } sections[] = {
        {"server", info_server}, {"clients", info_clients}, {"persistence", info_persistence},
        {"stats", info_stats}, {"keyspace", info_keyspace},
    };
    struct str *s = str_new("", 0);
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        int wanted = c->argc == 1;
        for (int j = 1; j < c->argc; j++)
            if (arg_is(c, j, sections[i].name) || arg_is(c, j, "all") || arg_is(c, j, "default") ||
                arg_is(c, j, "everything"))
                wanted = 1;
        if (!wanted)
            continue;
        if (s->len)
            s = str_append(s, "\r\n", 2);
        sections[i].add(&s);
    }
    reply_str(c, s);
    str_free(s);
}

/* ---- CONFIG ---------------------------------------------------------------------------------- */

static void save_rules_text(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < server.nsaveparams && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%ld %ld", i ? " " : "", server.saveparams[i].seconds,
                              server.saveparams[i].changes);
}

/* The value of a setting CONFIG GET shows, in buf. */
static const char *config_value(const char *name, char *buf, size_t size)
{
    if (strcmp(name, "port") == 0)
        snprintf(buf, size, "%d", server.port);
    else if (strcmp(name, "dir") == 0)
        return getcwd(buf, size) ? buf : server.dir;
    else if (strcmp(name, "dbfilename") == 0)
        return server.dbfilename;
    else if (strcmp(name, "save") == 0)
        save_rules_text(buf, size);
    else if (strcmp(name, "databases") == 0)
        snprintf(buf, size, "%d", NUM_DBS);
    else if (strcmp(name, "appendonly") == 0)
        return "no";
    else if (strcmp(name, "maxmemory") == 0)
        return "0";
    return buf;
}

static const char *const config_names[] = {"port", "dir", "dbfilename", "save", "databases", "appendonly",
                                           "maxmemory"};

/* "S C S C ..." -> the save rules; 0 if it is not such a list. "" clears them. */
int set_save_rules(const char *text)
{
    struct saveparam *rules = NULL;
    int n = 0;
    const char *p = text;
    for (;;) {
        char *end;
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        long secs = strtol(p, &end, 10);
        if (end == p || *end != ' ')
            goto bad;
        p = end;
        long changes = strtol(p, &end, 10);
        if (end == p || (*end && *end != ' ') || secs < 1 || changes < 0)
            goto bad;
        p = end;
        rules = xrealloc(rules, (size_t)(n + 1) * sizeof *rules);
        rules[n].seconds = secs;
        rules[n].changes = changes;
        n++;
    }
    free(server.saveparams);
    server.saveparams = rules;
    server.nsaveparams = n;
    return 1;
bad:
    free(rules);
    return 0;
}

static void config_set(struct client *c)
{
    const char *name = ARG(2)->buf, *value = ARG(3)->buf;
    const char *why = NULL;
    char lower[32];
    size_t i;
    for (i = 0; i + 1 < sizeof lower && name[i]; i++)
        lower[i] = (char)tolower((unsigned char)name[i]);
    lower[i] = 0;

    if (strcmp(lower, "save") == 0) {
        if (!set_save_rules(value))
            why = "Invalid save parameters";
    } else if (strcmp(lower, "dir") == 0) {
        if (chdir(value) != 0)
            why = strerror(errno);
        else {
            free(server.dir);
            server.dir = strdup(value);
        }
    } else if (strcmp(lower, "dbfilename") == 0) {
        if (strchr(value, '/') || !*value)
            why = "dbfilename can't be a path, just a filename";
        else {
            free(server.dbfilename);
            server.dbfilename = strdup(value);
        }
    } else if (strcmp(lower, "appendonly") == 0) {
        if (strcasecmp(value, "no") != 0)
            why = "this server has no append-only file";
    } else if (strcmp(lower, "port") == 0 || strcmp(lower, "databases") == 0) {
        reply_error(c, "ERR CONFIG SET failed (possibly related to argument '%s') - can't set immutable config",
                    lower);
        return;
    } else {
        reply_error(c, "ERR Unsupported CONFIG parameter: %s", name);
        return;
    }
    if (why)
        reply_error(c, "ERR Invalid argument '%s' for CONFIG SET '%s' - %s", value, lower, why);
    else
        reply_ok(c);
}

static void config_command(struct client *c)
{
    char buf[1024];
    if (c->argc == 3 && arg_is(c, 1, "GET")) {
        const char *matched[8];
        long n = 0;
        for (size_t i = 0; i < sizeof config_names / sizeof config_names[0]; i++)
            if (glob_match(ARG(2)->buf, ARG(2)->len, config_names[i], strlen(config_names[i]), 1))
                matched[n++] = config_names[i];
        reply_map(c, n);
        for (long i = 0; i < n; i++) {
            reply_cstr(c, matched[i]);
            reply_cstr(c, config_value(matched[i], buf, sizeof buf));
        }
    } else if (c->argc == 4 && arg_is(c, 1, "SET")) {
        config_set(c);
    } else if (c->argc == 2 && arg_is(c, 1, "RESETSTAT")) {
        server.stat_connections = server.stat_commands = server.stat_rejected = 0;
        server.stat_expired = server.stat_hits = server.stat_misses = 0;
        reply_ok(c);
    } else if (c->argc == 2 && arg_is(c, 1, "REWRITE")) {
        reply_error(c, "ERR The server is running without a config file");
    } else {
        unknown_subcommand(c, "CONFIG");
    }
}

/* ---- the table ------------------------------------------------------------------------------- */

static void command_command(struct client *c);

static const struct command command_table[] = {
    {"get", get_command, 2, "readonly fast", 1, 1, 1},
    {"set", set_command, -3, "write denyoom", 1, 1, 1},
    {"setnx", setnx_command, 3, "write denyoom fast", 1, 1, 1},
    {"setex", setex_command, 4, "write denyoom", 1, 1, 1},
    {"psetex", psetex_command, 4, "write denyoom", 1, 1, 1},
    {"getset", getset_command, 3, "write denyoom fast", 1, 1, 1},
    {"mget", mget_command, -2, "readonly fast", 1, -1, 1},
    {"mset", mset_command, -3, "write denyoom", 1, -1, 2},
    {"incr", incr_command, 2, "write denyoom fast", 1, 1, 1},
    {"decr", decr_command, 2, "write denyoom fast", 1, 1, 1},
    {"incrby", incrby_command, 3, "write denyoom fast", 1, 1, 1},
    {"decrby", decrby_command, 3, "write denyoom fast", 1, 1, 1},
    {"append", append_command, 3, "write denyoom fast", 1, 1, 1},
    {"strlen", strlen_command, 2, "readonly fast", 1, 1, 1},
    {"del", del_command, -2, "write", 1, -1, 1},
    {"unlink", del_command, -2, "write fast", 1, -1, 1},
    {"exists", exists_command, -2, "readonly fast", 1, -1, 1},
    {"keys", keys_command, 2, "readonly sort_for_script", 0, 0, 0},
    {"scan", scan_command, -2, "readonly random", 0, 0, 0},
    {"expire", expire_command, 3, "write fast", 1, 1, 1},
    {"pexpire", pexpire_command, 3, "write fast", 1, 1, 1},
    {"expireat", expireat_command, 3, "write fast", 1, 1, 1},
    {"pexpireat", pexpireat_command, 3, "write fast", 1, 1, 1},
    {"ttl", ttl_command, 2, "readonly random fast", 1, 1, 1},
    {"pttl", pttl_command, 2, "readonly random fast", 1, 1, 1},
    {"persist", persist_command, 2, "write fast", 1, 1, 1},
    {"type", type_command, 2, "readonly fast", 1, 1, 1},
    {"rename", rename_command, 3, "write", 1, 2, 1},
    {"dbsize", dbsize_command, 1, "readonly fast", 0, 0, 0},
    {"flushdb", flushdb_command, -1, "write", 0, 0, 0},
    {"flushall", flushall_command, -1, "write", 0, 0, 0},
    {"randomkey", randomkey_command, 1, "readonly random", 0, 0, 0},
    {"lpush", lpush_command, -3, "write denyoom fast", 1, 1, 1},
    {"rpush", rpush_command, -3, "write denyoom fast", 1, 1, 1},
    {"lpop", lpop_command, -2, "write fast", 1, 1, 1},
    {"rpop", rpop_command, -2, "write fast", 1, 1, 1},
    {"llen", llen_command, 2, "readonly fast", 1, 1, 1},
    {"lindex", lindex_command, 3, "readonly", 1, 1, 1},
    {"lrange", lrange_command, 4, "readonly", 1, 1, 1},
    {"hset", hset_command, -4, "write denyoom fast", 1, 1, 1},
    {"hmset", hmset_command, -4, "write denyoom fast", 1, 1, 1},
    {"hget", hget_command, 3, "readonly fast", 1, 1, 1},
    {"hmget", hmget_command, -3, "readonly fast", 1, 1, 1},
    {"hdel", hdel_command, -3, "write fast", 1, 1, 1},
    {"hgetall", hgetall_command, 2, "readonly random", 1, 1, 1},
    {"hkeys", hkeys_command, 2, "readonly sort_for_script", 1, 1, 1},
    {"hvals", hvals_command, 2, "readonly sort_for_script", 1, 1, 1},
    {"hlen", hlen_command, 2, "readonly fast", 1, 1, 1},
    {"hexists", hexists_command, 3, "readonly fast", 1, 1, 1},
    {"hincrby", hincrby_command, 4, "write denyoom fast", 1, 1, 1},
    {"sadd", sadd_command, -3, "write denyoom fast", 1, 1, 1},
    {"srem", srem_command, -3, "write fast", 1, 1, 1},
    {"smembers", smembers_command, 2, "readonly sort_for_script", 1, 1, 1},
    {"sismember", sismember_command, 3, "readonly fast", 1, 1, 1},
    {"scard", scard_command, 2, "readonly fast", 1, 1, 1},
    {"spop", spop_command, -2, "write random fast", 1, 1, 1},
    {"ping", ping_command, -1, "stale fast", 0, 0, 0},
    {"echo", echo_command, 2, "fast", 0, 0, 0},
    {"quit", quit_command, -1, "loading stale fast", 0, 0, 0},
    {"select", select_command, 2, "loading stale fast", 0, 0, 0},
    {"hello", hello_command, -1, "noscript loading stale fast", 0, 0, 0},
    {"client", client_command, -2, "admin noscript random loading stale", 0, 0, 0},
    {"multi", multi_command, 1, "noscript loading stale fast", 0, 0, 0},
    {"exec", exec_command, 1, "noscript loading stale skip_slowlog", 0, 0, 0},
    {"discard", discard_command, 1, "noscript loading stale fast", 0, 0, 0},
    {"command", command_command, -1, "random loading stale", 0, 0, 0},
    {"info", info_command, -1, "random loading stale", 0, 0, 0},
    {"config", config_command, -2, "admin noscript loading stale", 0, 0, 0},
    {"save", save_command, 1, "admin noscript", 0, 0, 0},
    {"bgsave", bgsave_command, -1, "admin noscript", 0, 0, 0},
    {"lastsave", lastsave_command, 1, "random loading stale fast", 0, 0, 0},
    {"shutdown", shutdown_command, -1, "admin noscript loading stale", 0, 0, 0},
    {"time", time_command, 1, "random loading stale fast", 0, 0, 0},
    {"debug", debug_command, -2, "admin noscript loading stale", 0, 0, 0},
};
#define NUM_COMMANDS ((int)(sizeof command_table / sizeof command_table[0]))

static struct dict *command_dict;        /* lower-case name -> its entry of command_table */

void commands_init(void)
{
    command_dict = dict_new(NULL);
    for (int i = 0; i < NUM_COMMANDS; i++)
        dict_add(command_dict, str_new(command_table[i].name, strlen(command_table[i].name)),
                 (void *)&command_table[i]);
}

static const struct command *find_command(struct str *name)
{
    char lower[32];
    if (name->len >= sizeof lower)
        return NULL;
    for (size_t i = 0; i < name->len; i++) {
        char ch = name->buf[i];
        lower[i] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 'a' - 'A') : ch;
    }
    struct entry *e = dict_find(command_dict, lower, name->len);
    return e ? e->val : NULL;
}

/* One command's COMMAND entry (Redis 6.2's shape): name, arity, flags, first key, last key,
 * step, ACL categories. */
static void command_info(struct client *c, const struct command *cmd)
{
    const char *flags[8];
    char buf[128];
    int nflags = 0;
    snprintf(buf, sizeof buf, "%s", cmd->flags);
    for (char *f = strtok(buf, " "); f && nflags < 8; f = strtok(NULL, " "))
        flags[nflags++] = f;
    reply_array(c, 7);
    reply_cstr(c, cmd->name);
    reply_int(c, cmd->arity);
    reply_set(c, nflags);
    for (int i = 0; i < nflags; i++)
        reply_status(c, flags[i]);
    reply_int(c, cmd->first_key);
    reply_int(c, cmd->last_key);
    reply_int(c, cmd->step);
    reply_set(c, 0);
}

/* COMMAND, COMMAND COUNT, COMMAND INFO name..., COMMAND DOCS [name...] */
static void command_command(struct client *c)
{
    if (c->argc == 1) {
        reply_array(c, NUM_COMMANDS);
        for (int i = 0; i < NUM_COMMANDS; i++)
            command_info(c, &command_table[i]);
    } else if (c->argc == 2 && arg_is(c, 1, "COUNT")) {
        reply_int(c, NUM_COMMANDS);
    } else if (arg_is(c, 1, "INFO")) {
        reply_array(c, c->argc - 2);
        for (int i = 2; i < c->argc; i++) {
            const struct command *cmd = find_command(ARG(i));
            if (cmd)
                command_info(c, cmd);
            else
                reply_null_array(c);
        }
    } else if (arg_is(c, 1, "DOCS")) {
        reply_map(c, 0);                  /* no documentation here: clients fall back to none */
    } else {
        unknown_subcommand(c, "COMMAND");
    }
}

static void call(struct client *c, const struct command *cmd)
{
    c->cmd = cmd;
    server.stat_commands++;
    cmd->proc(c);
}

static void unknown_command(struct client *c)
{
    char args[160];
    size_t n = 0;
    args[0] = 0;
    for (int i = 1; i < c->argc && n < 128; i++)
        n += (size_t)snprintf(args + n, sizeof args - n, "'%.*s' ", (int)(128 - n), ARG(i)->buf);
    if (n >= sizeof args)
        n = sizeof args - 1;
    args[n] = 0;
    reply_error(c, "ERR unknown command '%.128s', with args beginning with: %s", ARG(0)->buf, args);
}

/* The command argv[0] names: the client's last one again when the name is the same (a client
 * mostly repeats itself: a batch of SETs, a pipeline, a benchmark), else from the table. */
static const struct command *command_named(struct client *c)
{
    const struct command *last = c->cmd;
    if (last && arg_is(c, 0, last->name))
        return last;
    return find_command(ARG(0));
}

/* Run (or, inside MULTI, queue) the command in c->argv. */
void process_command(struct client *c)
{
    const struct command *cmd = command_named(c);
    int queuing = c->in_multi && cmd && cmd->proc != exec_command && cmd->proc != discard_command &&
                  cmd->proc != multi_command && cmd->proc != quit_command;
    if (!cmd) {
        unknown_command(c);
        c->multi_error = c->in_multi;
    } else if ((cmd->arity > 0 && c->argc != cmd->arity) || c->argc < -cmd->arity) {
        reply_error(c, "ERR wrong number of arguments for '%s' command", cmd->name);
        c->multi_error = c->in_multi;
    } else if (queuing) {
        if (c->nqueued == c->queue_cap) {
            c->queue_cap = c->queue_cap ? c->queue_cap * 2 : 8;
            c->queue = xrealloc(c->queue, (size_t)c->queue_cap * sizeof *c->queue);
        }
        struct str **copy = xmalloc((size_t)c->argc * sizeof *copy);    /* argv is gone after this */
        for (int i = 0; i < c->argc; i++)
            copy[i] = str_new(ARG(i)->buf, ARG(i)->len);
        c->queue[c->nqueued].argc = c->argc;
        c->queue[c->nqueued].argv = copy;
        c->nqueued++;
        reply_status(c, "QUEUED");
    } else {
        call(c, cmd);
    }
}
