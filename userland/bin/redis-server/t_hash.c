/*
 * t_hash.c - the hash commands: HSET and HMSET, HGET and HMGET, HDEL, HGETALL, HKEYS, HVALS,
 * HLEN, HEXISTS, HINCRBY.
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
    struct value *v;
    if (read_key(c, 1, TYPE_HASH, &v))
        reply_int(c, v ? (long long)((struct dict *)v->ptr)->used : 0);
}

void hexists_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_HASH, &v))
        reply_int(c, v && dict_find(v->ptr, ARG(2)->buf, ARG(2)->len) ? 1 : 0);
}

void hincrby_command(struct client *c)
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
