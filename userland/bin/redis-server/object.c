/*
 * object.c - what the server tells and does about one key's value as a whole: OBJECT (how it is
 * stored), MEMORY USAGE (the bytes it takes), DUMP and RESTORE (its serialized form, which is
 * RDB's: rdb.c writes and reads it), as Redis 6.2 answers them. Tools read these: redis-cli
 * --memkeys asks MEMORY USAGE of every key, migration scripts DUMP from one server and RESTORE
 * into another.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "commands.h"

/* ---- OBJECT -------------------------------------------------------------------------------- */

/* The encoding OBJECT ENCODING names, in Redis's words where they describe ours:
 *   strings: "int" when Redis would keep the value as an integer (up to 20 bytes that read as
 *            a long, by its strict rules), else "embstr" up to 44 bytes and "raw" above. Ours
 *            is always one allocation (header and bytes, as embstr is), but tools expect
 *            Redis's threshold between the two.
 *   hashes, sets: "hashtable" (a small hash is never a ziplist here, nor a set of integers an
 *            intset: ours is always the dict).
 *   sorted sets: "skiplist" (a dict and a skip list, as Redis's).
 *   lists: "quicklist", the only list encoding Redis 6.2 has. Ours is a ring buffer of strings,
 *            which no Redis word describes; "linkedlist" (Redis 3's) would be wrong too, and a
 *            tool that checks the answer knows only 6.2's word. */
static const char *encoding_name(const struct value *v)
{
    static const char *const aggregate[] = {"", "quicklist", "hashtable", "hashtable", "skiplist"};
    long long n;
    if (v->type != TYPE_STRING)
        return aggregate[v->type];
    const struct str *s = v->ptr;
    if (s->len <= 20 && parse_ll(s->buf, s->len, &n))
        return "int";
    return s->len <= 44 ? "embstr" : "raw";
}

static const char *const object_help[] = {
    "OBJECT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "ENCODING <key>",
    "    Return the kind of internal representation used in order to store the value",
    "    associated with a <key>.",
    "FREQ <key>",
    "    Return the access frequency index of the <key>. The returned integer is",
    "    proportional to the logarithm of the recent access frequency of the key.",
    "IDLETIME <key>",
    "    Return the idle time of the <key>, that is the approximated number of",
    "    seconds elapsed since the last access to the key.",
    "REFCOUNT <key>",
    "    Return the number of references of the value associated with the specified",
    "    <key>.",
    "HELP",
    "    Prints this help.",
};

/* OBJECT ENCODING|REFCOUNT|IDLETIME|FREQ key, OBJECT HELP */
void object_command(struct client *c)
{
    if (c->argc == 2 && arg_is(c, 1, "HELP")) {
        reply_help(c, HELP_LINES(object_help));
        return;
    }
    if (c->argc != 3 || !(arg_is(c, 1, "ENCODING") || arg_is(c, 1, "REFCOUNT") || arg_is(c, 1, "IDLETIME") ||
                          arg_is(c, 1, "FREQ"))) {
        unknown_subcommand(c, "OBJECT");
        return;
    }
    struct value *v = db_lookup(c->db, ARG(2)->buf, ARG(2)->len);
    if (!v)
        reply_null(c);
    else if (arg_is(c, 1, "ENCODING"))
        reply_cstr(c, encoding_name(v));
    else if (arg_is(c, 1, "REFCOUNT"))
        reply_int(c, 1);                  /* no value is shared here (Redis shares 0..9999) */
    else if (arg_is(c, 1, "IDLETIME"))
        /* no access time is kept: a store on every lookup would cost GET about 6 instructions
         * (of some 1,350), for a number only eviction (which we lack) and OBJECT read */
        reply_int(c, 0);
    else                                  /* FREQ: counted only under an LFU maxmemory-policy */
        reply_error(c, "ERR An LFU maxmemory policy is not selected, access frequency not tracked. Please "
                       "note that when switching between policies at runtime LRU and LFU data will take "
                       "some time to adjust.");
}

/* ---- MEMORY USAGE ------------------------------------------------------------------------ */

#define DEFAULT_SAMPLES 5                 /* Redis's OBJ_COMPUTE_SIZE_DEF_SAMPLES */

/* A string's bytes, header included (one allocation). */
static size_t str_size(const struct str *s)
{
    return malloc_usable_size((void *)s);
}

/* Bytes of a dict's own allocations and its first `samples` entries (with their keys and, for a
 * hash, values; a sorted set's values are its skip list nodes), the rest estimated from them as
 * Redis's objectComputeSize does: the average sampled entry times the entries. */
static size_t dict_size(struct dict *d, int type, long long samples)
{
    size_t size = malloc_usable_size(d) + malloc_usable_size(d->table), sampled = 0, n = 0;
    struct dict_iter it;
    struct entry *e;
    dict_iter_init(&it, d);
    while (n < (size_t)samples && (e = dict_iter_next(&it))) {
        sampled += malloc_usable_size(e) + str_size(e->key);
        if (type == TYPE_HASH)
            sampled += str_size(e->val);
        else if (type == TYPE_ZSET)
            sampled += malloc_usable_size(e->val);
        n++;
    }
    return size + (n ? (size_t)((double)sampled / (double)n * (double)d->used) : 0);
}

static size_t list_size(struct list *l, long long samples)
{
    size_t size = malloc_usable_size(l) + malloc_usable_size(l->items), sampled = 0, n = 0;
    for (; n < l->len && n < (size_t)samples; n++)
        sampled += str_size(list_at(l, n));
    return size + (n ? (size_t)((double)sampled / (double)n * (double)l->len) : 0);
}

/* The bytes v's allocations take (malloc_usable_size, summed), sampling `samples` items of a
 * list, hash, set or sorted set. */
static size_t value_size(struct value *v, long long samples)
{
    size_t size = malloc_usable_size(v);
    if (v->type == TYPE_STRING)
        return size + str_size(v->ptr);
    if (v->type == TYPE_LIST)
        return size + list_size(v->ptr, samples);
    if (v->type == TYPE_ZSET) {
        struct zset *z = v->ptr;
        return size + malloc_usable_size(z) + malloc_usable_size(z->header) + dict_size(z->dict, TYPE_ZSET, samples);
    }
    return size + dict_size(v->ptr, v->type, samples);
}

static const char *const memory_help[] = {
    "MEMORY <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "USAGE <key> [SAMPLES <count>]",
    "    Return memory in bytes used by <key> and its value. Nested values are",
    "    sampled up to <count> times (default: 5).",
    "HELP",
    "    Prints this help.",
};

/* A key's bytes: its entry, its name and its value. */
static size_t key_size(struct entry *e, long long samples)
{
    return malloc_usable_size(e) + str_size(e->key) + value_size(e->val, samples);
}

/* Every key of every database (INFO's used_memory): a walk of the keyspace, each aggregate
 * sampled as MEMORY USAGE does by default. */
size_t dataset_memory(void)
{
    size_t total = 0;
    struct dict_iter it;
    struct entry *e;
    for (int i = 0; i < NUM_DBS; i++) {
        total += malloc_usable_size(server.db[i].keys->table);
        dict_iter_init(&it, server.db[i].keys);
        while ((e = dict_iter_next(&it)))
            total += key_size(e, DEFAULT_SAMPLES);
    }
    return total;
}

/* MEMORY USAGE key [SAMPLES count]: the key's entry, name and value, in bytes; SAMPLES 0 counts
 * every item. Like Redis it looks the key up without expiring it. */
static void memory_usage(struct client *c)
{
    long long samples = DEFAULT_SAMPLES;
    for (int i = 3; i < c->argc; i++) {
        if (!arg_is(c, i, "SAMPLES") || i + 1 == c->argc) {
            reply_error(c, ERR_SYNTAX);
            return;
        }
        if (!arg_ll(c, ++i, &samples))
            return;
        if (samples < 0) {
            reply_error(c, ERR_SYNTAX);
            return;
        }
        if (samples == 0)
            samples = LLONG_MAX;
    }
    struct entry *e = dict_find(c->db->keys, ARG(2)->buf, ARG(2)->len);
    if (!e)
        reply_null(c);
    else
        reply_int(c, (long long)key_size(e, samples));
}

/* MEMORY USAGE key [SAMPLES count], MEMORY HELP (Redis's DOCTOR, STATS, MALLOC-STATS and PURGE
 * speak of jemalloc's internals, which we lack) */
void memory_command(struct client *c)
{
    if (c->argc == 2 && arg_is(c, 1, "HELP"))
        reply_help(c, HELP_LINES(memory_help));
    else if (c->argc >= 3 && arg_is(c, 1, "USAGE"))
        memory_usage(c);
    else
        unknown_subcommand(c, "MEMORY");
}

/* ---- DUMP and RESTORE ---------------------------------------------------------------------- */

void dump_command(struct client *c)
{
    struct value *v = db_lookup(c->db, ARG(1)->buf, ARG(1)->len);
    if (!v) {
        reply_null(c);
        return;
    }
    struct str *payload = rdb_dump(v);
    reply_str(c, payload);
    str_free(payload);
}

/* RESTORE's options after the payload: 1, or 0 after the error. IDLETIME and FREQ are checked
 * as Redis checks them, then forgotten: we keep neither (OBJECT). */
static int restore_options(struct client *c, int *replace, int *absttl)
{
    int idletime = 0, freq = 0;
    long long n;
    for (int i = 4; i < c->argc; i++) {
        int more = i + 1 < c->argc;
        if (arg_is(c, i, "REPLACE")) {
            *replace = 1;
        } else if (arg_is(c, i, "ABSTTL")) {
            *absttl = 1;
        } else if (arg_is(c, i, "IDLETIME") && more && !freq) {
            if (!arg_ll(c, ++i, &n))
                return 0;
            if (n < 0) {
                reply_error(c, "ERR Invalid IDLETIME value, must be >= 0");
                return 0;
            }
            idletime = 1;
        } else if (arg_is(c, i, "FREQ") && more && !idletime) {
            if (!arg_ll(c, ++i, &n))
                return 0;
            if (n < 0 || n > 255) {
                reply_error(c, "ERR Invalid FREQ value, must be >= 0 and <= 255");
                return 0;
            }
            freq = 1;
        } else {
            reply_error(c, ERR_SYNTAX);
            return 0;
        }
    }
    return 1;
}

/* RESTORE key ttl payload [REPLACE] [ABSTTL] [IDLETIME s] [FREQ f]: the key made from a DUMP
 * payload (ours or a real Redis's), with a ttl in ms (0: none), checked in Redis's order. */
void restore_command(struct client *c)
{
    int replace = 0, absttl = 0;
    long long ttl;
    const char *why;
    if (!restore_options(c, &replace, &absttl))
        return;
    if (!replace && db_lookup(c->db, ARG(1)->buf, ARG(1)->len)) {
        reply_error(c, "BUSYKEY Target key name already exists.");
        return;
    }
    if (!arg_ll(c, 2, &ttl))
        return;
    if (ttl < 0) {
        reply_error(c, "ERR Invalid TTL value, must be >= 0");
        return;
    }
    struct value *v = rdb_restore(ARG(3)->buf, ARG(3)->len, &why);
    if (!v) {
        reply_error(c, "%s", why);
        return;
    }
    int deleted = replace && db_delete(c->db, ARG(1)->buf, ARG(1)->len);
    if (ttl && !absttl)
        ttl += now_ms();
    if (ttl && ttl <= now_ms()) {         /* already expired: the key is only deleted */
        value_free(v);
        server.dirty += deleted;
    } else {
        db_add(c->db, str_new(ARG(1)->buf, ARG(1)->len), v, ttl ? ttl : -1);
        server.dirty++;
    }
    reply_ok(c);
}
