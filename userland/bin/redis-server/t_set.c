/*
 * t_set.c - the set commands: SADD, SREM, SMEMBERS, SISMEMBER and SMISMEMBER, SCARD, SPOP,
 * SRANDMEMBER, SMOVE, SINTER, SUNION and SDIFF (and their STORE forms), SSCAN. A set is a dict
 * whose entries have no value (db.c).
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"
#include "commands.h"

/* Add member m to the set d: 1 if it is new. */
static int set_add(struct dict *d, const struct str *m)
{
    if (dict_find(d, m->buf, m->len))
        return 0;
    dict_add(d, str_new(m->buf, m->len), NULL);
    return 1;
}

void sadd_command(struct client *c)
{
    struct value *v = write_key(c, 1, TYPE_SET);
    long long n = 0;
    if (!v)
        return;
    for (int i = 2; i < c->argc; i++)
        n += set_add(v->ptr, ARG(i));
    server.dirty += n;
    reply_int(c, n);
}

void srem_command(struct client *c)
{
    remove_elements(c, TYPE_SET);
}

void smembers_command(struct client *c)
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

void sismember_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_SET, &v))
        reply_int(c, v && dict_find(v->ptr, ARG(2)->buf, ARG(2)->len) ? 1 : 0);
}

/* SMISMEMBER key member...: 1 or 0 for each */
void smismember_command(struct client *c)
{
    struct value *v;
    if (!read_key(c, 1, TYPE_SET, &v))
        return;
    reply_array(c, c->argc - 2);
    for (int i = 2; i < c->argc; i++)
        reply_int(c, v && dict_find(v->ptr, ARG(i)->buf, ARG(i)->len) ? 1 : 0);
}

void scard_command(struct client *c)
{
    reply_length(c, TYPE_SET);
}

/* SPOP key [count] */
void spop_command(struct client *c)
{
    struct value *v;
    long long count;
    if (c->argc > 3) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if (!optional_count(c, &count))
        return;
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

/* Argument i as a count that may be negative (SRANDMEMBER, LPOS's RANK): an integer whose
 * negation is one too; 0 after replying an error. */
int arg_signed_count(struct client *c, int i, long long *v)
{
    if (!arg_ll(c, i, v))
        return 0;
    if (*v != LLONG_MIN)
        return 1;
    reply_error(c, "ERR value is out of range, value must between %lld and %lld", -LLONG_MAX, LLONG_MAX);
    return 0;
}

/* An entry of a set, a hash or a sorted set's dict: its key, then, if values is TYPE_HASH or
 * TYPE_ZSET, its value or its score. */
static void reply_entry(struct client *c, struct entry *e, int values)
{
    if (values && c->resp == 3)
        reply_array(c, 2);                /* RESP3: a [field, value] pair each */
    reply_str(c, e->key);
    if (values == TYPE_HASH)
        reply_str(c, e->val);
    else if (values == TYPE_ZSET)
        reply_double(c, ((struct znode *)e->val)->score);
}

/* SRANDMEMBER's, HRANDFIELD's and ZRANDMEMBER's answer: count random entries of d (not empty),
 * as Redis picks them: with repeats when count is negative, else distinct ones, all of d when
 * count reaches its size; values as reply_entry's (0: the keys alone). The picks come from
 * random(), as SPOP's do, so that a seed gives the same answers. */
void reply_random_entries(struct client *c, struct dict *d, long long count, int values)
{
    size_t n = count < 0 ? (size_t)-count : count < (long long)d->used ? (size_t)count : d->used;
    if (count < 0 && !reply_room(c, n > SIZE_MAX / 8 ? SIZE_MAX : 8 * n))   /* 7 bytes or more each */
        return;
    reply_array(c, (long)(values && c->resp == 2 ? 2 * n : n));
    if (count < 0) {
        for (size_t i = 0; i < n; i++)
            reply_entry(c, dict_random(d), values);
        return;
    }
    /* distinct: the first n of the entries after a partial Fisher-Yates shuffle */
    struct entry **all = xmalloc(d->used * sizeof *all), *e;
    struct dict_iter it;
    size_t used = 0;
    dict_iter_init(&it, d);
    while ((e = dict_iter_next(&it)))
        all[used++] = e;
    for (size_t i = 0; i < n; i++) {
        size_t j = i + (size_t)random() % (used - i);
        e = all[j];
        all[j] = all[i];
        reply_entry(c, e, values);
    }
    free(all);
}

/* SRANDMEMBER key [count] */
void srandmember_command(struct client *c)
{
    long long count = 0;
    if (c->argc > 3) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if (c->argc == 3 && !arg_signed_count(c, 2, &count))
        return;
    reply_random(c, TYPE_SET, count, 0);
}

/* SRANDMEMBER's, HRANDFIELD's and ZRANDMEMBER's answer, their arguments read: one random member
 * or field (no count given), or reply_random_entries's (values: with the values or scores); nil
 * or an empty array if there is no key. */
void reply_random(struct client *c, int type, long long count, int values)
{
    struct value *v;
    if (!read_key(c, 1, type, &v))
        return;
    struct dict *d = !v ? NULL : type == TYPE_ZSET ? ((struct zset *)v->ptr)->dict : v->ptr;
    if (c->argc == 2 && d)
        reply_str(c, dict_random(d)->key);
    else if (c->argc == 2)
        reply_null(c);
    else if (d)
        reply_random_entries(c, d, count, values ? type : 0);
    else
        reply_array(c, 0);
}

/* HRANDFIELD key [count [WITHVALUES]] and ZRANDMEMBER key [count [WITHSCORES]]: the count's
 * checks, then reply_random. */
void reply_random_with(struct client *c, int type, const char *with)
{
    long long count = 0;
    int withvalues = c->argc == 4;
    if (c->argc >= 3 && !arg_signed_count(c, 2, &count))     /* -2^63: no 2^63 picks */
        return;
    if (c->argc > 4 || (withvalues && !arg_is(c, 3, with))) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if (withvalues && (count < LLONG_MIN / 2 || count > LLONG_MAX / 2)) {    /* twice as many replies */
        reply_error(c, "ERR value is out of range");
        return;
    }
    reply_random(c, type, count, withvalues);
}

/* SMOVE source destination member: 1 if the member was in the source. */
void smove_command(struct client *c)
{
    struct value *src, *dst;
    if (!read_key(c, 1, TYPE_SET, &src))
        return;
    if (!src) {
        reply_int(c, 0);
        return;
    }
    if (!read_key(c, 2, TYPE_SET, &dst))
        return;
    if (src == dst) {
        reply_int(c, dict_find(src->ptr, ARG(3)->buf, ARG(3)->len) ? 1 : 0);
        return;
    }
    if (!dict_delete(src->ptr, ARG(3)->buf, ARG(3)->len)) {
        reply_int(c, 0);
        return;
    }
    drop_if_empty(c, 1, src);
    server.dirty++;
    server.dirty += set_add(write_key(c, 2, TYPE_SET)->ptr, ARG(3));
    reply_int(c, 1);
}

enum set_op { SET_INTER, SET_UNION, SET_DIFF };

/* m is in every set of sets[1..n-1] */
static int in_all(struct dict **sets, int n, const struct str *m)
{
    for (int i = 1; i < n; i++)
        if (!dict_find(sets[i], m->buf, m->len))
            return 0;
    return 1;
}

/* SINTER, SUNION and SDIFF key..., and SINTERSTORE, SUNIONSTORE and SDIFFSTORE destination
 * key... (store: 1). The STORE forms replace the destination with the result (no expiry) and
 * answer its size; an empty result deletes the destination. A missing key is an empty set. */
static void set_op_generic(struct client *c, enum set_op op, int store)
{
    int first = 1 + store, n = c->argc - first, missing = 0;
    struct dict **sets = xcalloc((size_t)n, sizeof *sets);
    struct value *result = value_new(TYPE_SET), *v;
    struct dict *res = result->ptr;
    for (int i = 0; i < n; i++) {
        if (!read_key(c, first + i, TYPE_SET, &v))
            goto done;
        sets[i] = v ? v->ptr : NULL;
        missing |= !v && op == SET_INTER;
    }
    for (int i = 1; i < n && op == SET_INTER && !missing; i++) {
        if (sets[i]->used < sets[0]->used) {     /* SINTER walks the smallest set */
            struct dict *t = sets[0];
            sets[0] = sets[i];
            sets[i] = t;
        }
    }
    for (int i = 0; i < n && !missing; i++) {
        struct dict_iter it;
        struct entry *e;
        if (!sets[i] || (op == SET_INTER && i > 0))
            continue;
        dict_iter_init(&it, sets[i]);
        while ((e = dict_iter_next(&it))) {
            if (op == SET_DIFF && i > 0)
                dict_delete(res, e->key->buf, e->key->len);
            else if (op != SET_INTER || in_all(sets, n, e->key))
                set_add(res, e->key);
        }
    }
    long long size = (long long)res->used;
    if (store) {
        int existed = db_delete(c->db, ARG(1)->buf, ARG(1)->len);
        if (size) {
            db_add(c->db, str_new(ARG(1)->buf, ARG(1)->len), result, -1);
            result = NULL;
        }
        server.dirty += size || existed;
        reply_int(c, size);
    } else {
        struct dict_iter it;
        struct entry *e;
        reply_set(c, (long)size);
        dict_iter_init(&it, res);
        while ((e = dict_iter_next(&it)))
            reply_str(c, e->key);
    }
done:
    if (result)
        value_free(result);
    free(sets);
}

void sinter_command(struct client *c)
{
    set_op_generic(c, SET_INTER, 0);
}

void sunion_command(struct client *c)
{
    set_op_generic(c, SET_UNION, 0);
}

void sdiff_command(struct client *c)
{
    set_op_generic(c, SET_DIFF, 0);
}

void sinterstore_command(struct client *c)
{
    set_op_generic(c, SET_INTER, 1);
}

void sunionstore_command(struct client *c)
{
    set_op_generic(c, SET_UNION, 1);
}

void sdiffstore_command(struct client *c)
{
    set_op_generic(c, SET_DIFF, 1);
}

/* SSCAN key cursor [MATCH pattern] [COUNT count] */
void sscan_command(struct client *c)
{
    scan_generic(c, TYPE_SET);
}
