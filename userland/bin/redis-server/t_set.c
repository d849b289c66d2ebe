/*
 * t_set.c - the set commands: SADD, SREM, SMEMBERS, SISMEMBER, SCARD, SPOP.
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

void sadd_command(struct client *c)
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

void srem_command(struct client *c)
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

void scard_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_SET, &v))
        reply_int(c, v ? (long long)((struct dict *)v->ptr)->used : 0);
}

/* SPOP key [count] */
void spop_command(struct client *c)
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
