/*
 * t_hash.c - the hash commands: HSET, HMSET and HSETNX, HGET and HMGET, HDEL, HGETALL, HKEYS,
 * HVALS, HLEN, HEXISTS, HSTRLEN, HINCRBY and HINCRBYFLOAT, HRANDFIELD, HSCAN.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"
#include "commands.h"

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

void hset_command(struct client *c)
{
    int added = hset_generic(c);
    if (added >= 0)
        reply_int(c, added);
}

void hmset_command(struct client *c)
{
    if (hset_generic(c) >= 0)
        reply_ok(c);
}

void hget_command(struct client *c)
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

void hmget_command(struct client *c)
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

void hdel_command(struct client *c)
{
    remove_elements(c, TYPE_HASH);
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

void hgetall_command(struct client *c)
{
    hash_reply(c, 1, 1);
}

void hkeys_command(struct client *c)
{
    hash_reply(c, 1, 0);
}

void hvals_command(struct client *c)
{
    hash_reply(c, 0, 1);
}

void hlen_command(struct client *c)
{
    reply_length(c, TYPE_HASH);
}

void hexists_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_HASH, &v))
        reply_int(c, v && dict_find(v->ptr, ARG(2)->buf, ARG(2)->len) ? 1 : 0);
}

/* Field ARG(2) of the hash ARG(1), for the commands that change one field: 1 with *val (NULL if
 * the key or the field is absent), or 0 after WRONGTYPE. */
static int hash_field(struct client *c, struct str **val)
{
    struct value *v;
    if (!read_key(c, 1, TYPE_HASH, &v))
        return 0;
    struct entry *e = v ? dict_find(v->ptr, ARG(2)->buf, ARG(2)->len) : NULL;
    *val = e ? e->val : NULL;
    return 1;
}

/* Field ARG(2) of the hash ARG(1) (created if absent) becomes s: one change. */
static void hash_store(struct client *c, struct str *s)
{
    hash_set(write_key(c, 1, TYPE_HASH)->ptr, ARG(2), s);
    server.dirty++;
}

/* HSETNX key field value: sets the field only if it is new. */
void hsetnx_command(struct client *c)
{
    struct str *old;
    if (!hash_field(c, &old))
        return;
    if (!old)
        hash_store(c, ARG(3));
    reply_int(c, !old);
}

void hstrlen_command(struct client *c)
{
    struct str *val;
    if (hash_field(c, &val))
        reply_int(c, val ? (long long)val->len : 0);
}

void hincrby_command(struct client *c)
{
    long long delta, cur = 0;
    struct str *old;
    if (!arg_ll(c, 3, &delta) || !hash_field(c, &old))
        return;
    if (old && !parse_ll(old->buf, old->len, &cur)) {
        reply_error(c, "ERR hash value is not an integer");
        return;
    }
    if (add_overflows(cur, delta)) {
        reply_error(c, "ERR increment or decrement would overflow");
        return;
    }
    cur += delta;
    struct str *s = str_from_ll(cur);
    hash_store(c, s);
    str_free(s);
    reply_int(c, cur);
}

/* HINCRBYFLOAT key field increment: the new value in INCRBYFLOAT's form, as a bulk string. */
void hincrbyfloat_command(struct client *c)
{
    double delta, cur = 0;
    struct str *old;
    char buf[512];
    if (!parse_double(ARG(3)->buf, ARG(3)->len, &delta)) {
        reply_error(c, "ERR value is not a valid float");
        return;
    }
    if (isinf(delta)) {
        reply_error(c, "ERR value is NaN or Infinity");
        return;
    }
    if (!hash_field(c, &old))
        return;
    if (old && !parse_double(old->buf, old->len, &cur)) {
        reply_error(c, "ERR hash value is not a float");
        return;
    }
    cur += delta;
    if (isnan(cur) || isinf(cur)) {
        reply_error(c, "ERR increment would produce NaN or Infinity");
        return;
    }
    struct str *s = str_new(buf, (size_t)double_to_str(buf, cur));
    hash_store(c, s);
    reply_str(c, s);
    str_free(s);
}

/* HRANDFIELD key [count [WITHVALUES]]: one random field, or count of them as SRANDMEMBER picks
 * its members (t_set.c). */
void hrandfield_command(struct client *c)
{
    reply_random_with(c, TYPE_HASH, "WITHVALUES");
}

/* HSCAN key cursor [MATCH pattern] [COUNT count]: fields and their values */
void hscan_command(struct client *c)
{
    scan_generic(c, TYPE_HASH);
}
