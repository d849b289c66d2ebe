/*
 * t_string.c - the string commands: GET, SET and its options, the counters (INCR...), APPEND,
 * STRLEN, MGET and MSET, ranges (GETRANGE, SETRANGE), GETDEL and GETEX, INCRBYFLOAT.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"
#include "commands.h"

/* Answer key 1's string, or nil: what GET, GETSET, GETDEL and GETEX all begin with. 1 with *v
 * (NULL if there is no key), or 0 after WRONGTYPE. */
static int reply_string(struct client *c, struct value **v)
{
    if (!read_key(c, 1, TYPE_STRING, v))
        return 0;
    if (*v)
        reply_str(c, (*v)->ptr);
    else
        reply_null(c);
    return 1;
}

void get_command(struct client *c)
{
    struct value *v;
    reply_string(c, &v);
}

/* Is ARG(i) one of the expiry options EX s, PX ms, EXAT s, PXAT ms (SET, GETEX)? */
static int is_expire_option(struct client *c, int i)
{
    return arg_is(c, i, "EX") || arg_is(c, i, "PX") || arg_is(c, i, "EXAT") || arg_is(c, i, "PXAT");
}

/* The Unix time in ms the expiry option ARG(i) and its number ARG(i + 1) name: 1, or 0 after
 * replying the error. */
static int expire_option(struct client *c, int i, long long *when)
{
    long long t;
    if (!arg_ll(c, i + 1, &t))
        return 0;
    long long unit = toupper((unsigned char)ARG(i)->buf[0]) == 'E' ? 1000 : 1;
    if (t <= 0 || !expire_time(t, unit, ARG(i)->len == 4, when)) {
        reply_error(c, "ERR invalid expire time in '%s' command", c->cmd->name);
        return 0;
    }
    return 1;
}

/* SET key value [EX s|PX ms|EXAT s|PXAT ms|KEEPTTL] [NX|XX] [GET] */
void set_command(struct client *c)
{
    int nx = 0, xx = 0, get = 0, keepttl = 0;
    long long when = -1;

    for (int i = 3; i < c->argc; i++) {
        int has_next = i + 1 < c->argc;
        if (arg_is(c, i, "NX") && !xx)
            nx = 1;
        else if (arg_is(c, i, "XX") && !nx)
            xx = 1;
        else if (arg_is(c, i, "GET"))
            get = 1;
        else if (arg_is(c, i, "KEEPTTL") && when == -1)
            keepttl = 1;
        else if (has_next && when == -1 && !keepttl && is_expire_option(c, i)) {
            if (!expire_option(c, i++, &when))
                return;
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
    long long t, when;
    if (!arg_ll(c, 2, &t))
        return;
    if (t <= 0 || !expire_time(t, unit, 0, &when)) {
        reply_error(c, "ERR invalid expire time in '%s' command", c->cmd->name);
        return;
    }
    struct entry *e = db_set(c->db, ARG(1), ARG(3));
    db_set_expire(c->db, e, when);
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
    if (!reply_string(c, &v))
        return;
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

/* MSET and MSETNX: key value pairs, or after replying the arity error 0. */
static int pairs_given(struct client *c)
{
    if (c->argc % 2 == 1)
        return 1;
    reply_error(c, "ERR wrong number of arguments for '%s' command", c->cmd->name);
    return 0;
}

static void set_pairs(struct client *c)
{
    for (int i = 1; i < c->argc; i += 2)
        db_set(c->db, ARG(i), ARG(i + 1));
    server.dirty += (c->argc - 1) / 2;
}

void mset_command(struct client *c)
{
    if (!pairs_given(c))
        return;
    set_pairs(c);
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
    if (add_overflows(cur, delta)) {
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

/* MSETNX key value ...: all of them, or none if any key exists. */
void msetnx_command(struct client *c)
{
    if (!pairs_given(c))
        return;
    for (int i = 1; i < c->argc; i += 2)
        if (db_lookup(c->db, ARG(i)->buf, ARG(i)->len)) {
            reply_int(c, 0);
            return;
        }
    set_pairs(c);
    reply_int(c, 1);
}

/* GETDEL key: GET, then DEL. */
void getdel_command(struct client *c)
{
    struct value *v;
    if (!reply_string(c, &v) || !v)
        return;
    db_delete(c->db, ARG(1)->buf, ARG(1)->len);
    server.dirty++;
}

/* GETEX key [EX s|PX ms|EXAT s|PXAT ms|PERSIST]: GET, and set or drop the key's expiry. */
void getex_command(struct client *c)
{
    long long when = -1;
    int persist = 0;
    for (int i = 2; i < c->argc; i++) {
        if (arg_is(c, i, "PERSIST") && when == -1 && !persist)
            persist = 1;
        else if (i + 1 < c->argc && when == -1 && !persist && is_expire_option(c, i)) {
            if (!expire_option(c, i++, &when))
                return;
        } else {
            reply_error(c, ERR_SYNTAX);
            return;
        }
    }
    struct value *v;
    if (!reply_string(c, &v) || !v)
        return;
    struct entry *e = db_lookup_entry(c->db, ARG(1)->buf, ARG(1)->len);
    if (when != -1 || (persist && e->expire_ms != -1)) {
        db_set_expire(c->db, e, when);
        server.dirty++;
    }
}

/* GETRANGE key start end (and its old name SUBSTR): bytes start..end, both included, counted
 * from the end when negative, clamped to the string. */
void getrange_command(struct client *c)
{
    long long start, end;
    struct value *v;
    if (!arg_ll(c, 2, &start) || !arg_ll(c, 3, &end) || !read_key(c, 1, TYPE_STRING, &v))
        return;
    struct str *s = v ? v->ptr : NULL;
    long long len = s ? (long long)s->len : 0;
    if (start < 0 && end < 0 && start > end) {
        reply_bulk(c, "", 0);
        return;
    }
    if (start < 0)
        start = len + start < 0 ? 0 : len + start;
    if (end < 0)
        end = len + end < 0 ? 0 : len + end;
    if (end >= len)
        end = len - 1;
    if (len == 0 || start > end)
        reply_bulk(c, "", 0);
    else
        reply_bulk(c, s->buf + start, (size_t)(end - start + 1));
}

#define STRING_MAX (512LL * 1024 * 1024)     /* proto-max-bulk-len: the longest string Redis makes */

/* SETRANGE key offset value: overwrite from offset on, padding with zero bytes; the new length. */
void setrange_command(struct client *c)
{
    long long offset;
    struct value *v;
    if (!arg_ll(c, 2, &offset) || !read_key(c, 1, TYPE_STRING, &v))
        return;
    if (offset < 0) {
        reply_error(c, "ERR offset is out of range");
        return;
    }
    struct str *value = ARG(3);
    size_t old_len = v ? ((struct str *)v->ptr)->len : 0;
    if (value->len == 0) {                   /* nothing to write: no key is made, none grows */
        reply_int(c, (long long)old_len);
        return;
    }
    if (offset + (long long)value->len > STRING_MAX) {
        reply_error(c, "ERR string exceeds maximum allowed size (proto-max-bulk-len)");
        return;
    }
    size_t need = (size_t)offset + value->len;
    struct str *s = v ? v->ptr : str_new("", 0);
    if (need > s->len) {
        struct str *grown = str_resize(s, need);
        if (!grown) {
            if (!v)
                str_free(s);
            reply_error(c, "OOM command not allowed when used memory > 'maxmemory'.");
            return;
        }
        s = grown;
    }
    memcpy(s->buf + offset, value->buf, value->len);
    if (v)
        v->ptr = s;
    else
        db_add(c->db, str_new(ARG(1)->buf, ARG(1)->len), value_string(s), -1);
    server.dirty++;
    reply_int(c, (long long)s->len);
}

/* INCRBYFLOAT key increment: the value and the increment read as floats, the sum stored and
 * answered as a string (see double_to_str for its form). */
void incrbyfloat_command(struct client *c)
{
    struct value *v;
    double cur = 0, incr;
    char buf[512];
    if (!read_key(c, 1, TYPE_STRING, &v))
        return;
    if ((v && !parse_double(((struct str *)v->ptr)->buf, ((struct str *)v->ptr)->len, &cur)) ||
        !parse_double(ARG(2)->buf, ARG(2)->len, &incr)) {
        reply_error(c, "ERR value is not a valid float");
        return;
    }
    cur += incr;
    if (isnan(cur) || isinf(cur)) {
        reply_error(c, "ERR increment would produce NaN or Infinity");
        return;
    }
    int n = double_to_str(buf, cur);
    if (v) {
        str_free(v->ptr);
        v->ptr = str_new(buf, (size_t)n);
    } else {
        db_add(c->db, str_new(ARG(1)->buf, ARG(1)->len), value_string(str_new(buf, (size_t)n)), -1);
    }
    server.dirty++;
    reply_bulk(c, buf, (size_t)n);
}
