/*
 * t_string.c - the string commands: GET, SET and its options, the counters (INCR...), APPEND,
 * STRLEN, MGET and MSET.
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

void get_command(struct client *c)
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
void set_command(struct client *c)
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

void setnx_command(struct client *c)
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

void setex_command(struct client *c)
{
    setex_generic(c, 1000);
}

void psetex_command(struct client *c)
{
    setex_generic(c, 1);
}

void getset_command(struct client *c)
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

void mget_command(struct client *c)
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

void mset_command(struct client *c)
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

void incr_command(struct client *c)
{
    incr_by(c, 1);
}

void decr_command(struct client *c)
{
    incr_by(c, -1);
}

void incrby_command(struct client *c)
{
    long long d;
    if (arg_ll(c, 2, &d))
        incr_by(c, d);
}

void decrby_command(struct client *c)
{
    long long d;
    if (!arg_ll(c, 2, &d))
        return;
    if (d == -9223372036854775807LL - 1)
        reply_error(c, "ERR decrement would overflow");
    else
        incr_by(c, -d);
}

void append_command(struct client *c)
{
    struct value *v = write_key(c, 1, TYPE_STRING);
    if (!v)
        return;
    v->ptr = str_append(v->ptr, ARG(2)->buf, ARG(2)->len);
    server.dirty++;
    reply_int(c, (long long)((struct str *)v->ptr)->len);
}

void strlen_command(struct client *c)
{
    struct value *v;
    if (read_key(c, 1, TYPE_STRING, &v))
        reply_int(c, v ? (long long)((struct str *)v->ptr)->len : 0);
}
