/*
 * t_list.c - the list commands: pushing and popping at either end (LPUSH, RPUSHX, LPOP...),
 * LLEN, LINDEX, LRANGE, LSET, LREM, LTRIM, LINSERT, LPOS, and moving an element from one list to
 * another (RPOPLPUSH, LMOVE).
 *
 * A list is a ring buffer (db.c): O(1) at either end. The commands that change the middle (LREM,
 * LINSERT) rotate the whole list once, popping each item at one end and pushing it back at the
 * other, dropping or adding items on the way: O(n), as a search in the middle is in Redis too.
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

static int str_eq(const struct str *a, const struct str *b)
{
    return a->len == b->len && memcmp(a->buf, b->buf, a->len) == 0;
}

/* The slot of the list's item i (negative: counted from the tail), or NULL if out of range:
 * LINDEX reads it, LSET replaces it. */
static struct str **list_slot(struct list *l, long long i)
{
    if (i < 0)
        i += (long long)l->len;
    if (i < 0 || i >= (long long)l->len)
        return NULL;
    return &l->items[(l->head + (size_t)i) % l->cap];
}

/* LRANGE's and LTRIM's start and stop (negative: counted from the tail) clamped to a list of
 * len items: 0 if no item is in the range. */
static int clamp_range(long long len, long long *start, long long *stop)
{
    if (*start < 0)
        *start += len;
    if (*stop < 0)
        *stop += len;
    if (*start < 0)
        *start = 0;
    if (*stop >= len)
        *stop = len - 1;
    return *start <= *stop && *start < len;
}

/* LPUSH and RPUSH, and LPUSHX and RPUSHX (x: only onto a list that exists, else answer 0) */
static void push_generic(struct client *c, int head, int x)
{
    struct value *v;
    if (x ? !read_key(c, 1, TYPE_LIST, &v) : !(v = write_key(c, 1, TYPE_LIST)))
        return;
    for (int i = 2; v && i < c->argc; i++)
        list_push(v->ptr, str_new(ARG(i)->buf, ARG(i)->len), head);
    if (v)
        server.dirty += c->argc - 2;
    reply_int(c, v ? (long long)((struct list *)v->ptr)->len : 0);
}

void lpush_command(struct client *c)
{
    push_generic(c, 1, 0);
}

void rpush_command(struct client *c)
{
    push_generic(c, 0, 0);
}

void lpushx_command(struct client *c)
{
    push_generic(c, 1, 1);
}

void rpushx_command(struct client *c)
{
    push_generic(c, 0, 1);
}

/* LPOP/RPOP key [count] */
static void pop_generic(struct client *c, int head)
{
    struct value *v;
    long long count;
    if (c->argc > 3) {
        reply_error(c, "ERR wrong number of arguments for '%s' command", c->cmd->name);
        return;
    }
    if (!optional_count(c, &count))
        return;
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

void lpop_command(struct client *c)
{
    pop_generic(c, 1);
}

void rpop_command(struct client *c)
{
    pop_generic(c, 0);
}

void llen_command(struct client *c)
{
    reply_length(c, TYPE_LIST);
}

void lindex_command(struct client *c)
{
    struct value *v;
    long long i;
    if (!arg_ll(c, 2, &i) || !read_key(c, 1, TYPE_LIST, &v))
        return;
    struct str **slot = v ? list_slot(v->ptr, i) : NULL;
    if (slot)
        reply_str(c, *slot);
    else
        reply_null(c);
}

void lrange_command(struct client *c)
{
    struct value *v;
    long long start, stop;
    if (!arg_ll(c, 2, &start) || !arg_ll(c, 3, &stop) || !read_key(c, 1, TYPE_LIST, &v))
        return;
    if (!v || !clamp_range((long long)((struct list *)v->ptr)->len, &start, &stop)) {
        reply_array(c, 0);
        return;
    }
    reply_array(c, stop - start + 1);
    for (long long i = start; i <= stop; i++)
        reply_str(c, list_at(v->ptr, (size_t)i));
}

/* LSET key index element */
void lset_command(struct client *c)
{
    struct value *v;
    long long i;
    if (!read_key(c, 1, TYPE_LIST, &v))
        return;
    if (!v) {
        reply_error(c, "ERR no such key");
        return;
    }
    if (!arg_ll(c, 2, &i))
        return;
    struct str **slot = list_slot(v->ptr, i);
    if (!slot) {
        reply_error(c, "ERR index out of range");
        return;
    }
    str_free(*slot);
    *slot = str_new(ARG(3)->buf, ARG(3)->len);
    server.dirty++;
    reply_ok(c);
}

/* LREM key count element: removes the first count items equal to element (count < 0: the last
 * -count, 0: all of them). */
void lrem_command(struct client *c)
{
    struct value *v;
    long long count, removed = 0;
    if (!arg_ll(c, 2, &count) || !read_key(c, 1, TYPE_LIST, &v))
        return;
    if (v) {
        struct list *l = v->ptr;
        int head = count >= 0;                /* the rotation starts at the end to remove from */
        unsigned long long limit = count < 0 ? 0 - (unsigned long long)count : (unsigned long long)count;
        for (size_t n = l->len; n; n--) {
            struct str *s = list_pop(l, head);
            if ((limit == 0 || (unsigned long long)removed < limit) && str_eq(s, ARG(3))) {
                str_free(s);
                removed++;
            } else {
                list_push(l, s, !head);
            }
        }
        drop_if_empty(c, 1, v);
    }
    server.dirty += removed;
    reply_int(c, removed);
}

/* LTRIM key start stop: keeps only the items from start to stop. */
void ltrim_command(struct client *c)
{
    struct value *v;
    long long start, stop;
    if (!arg_ll(c, 2, &start) || !arg_ll(c, 3, &stop) || !read_key(c, 1, TYPE_LIST, &v))
        return;
    if (v) {
        struct list *l = v->ptr;
        long long len = (long long)l->len, left = len, right = 0;    /* items to drop at each end */
        if (clamp_range(len, &start, &stop)) {
            left = start;
            right = len - stop - 1;
        }
        for (long long i = 0; i < left; i++)
            str_free(list_pop(l, 1));
        for (long long i = 0; i < right; i++)
            str_free(list_pop(l, 0));
        drop_if_empty(c, 1, v);
        server.dirty += left + right;
    }
    reply_ok(c);
}

/* LINSERT key BEFORE|AFTER pivot element: the new length, -1 if there is no pivot, 0 if no key. */
void linsert_command(struct client *c)
{
    struct value *v;
    int after = arg_is(c, 2, "AFTER"), found = 0;
    if (!after && !arg_is(c, 2, "BEFORE")) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if (!read_key(c, 1, TYPE_LIST, &v))
        return;
    if (!v) {
        reply_int(c, 0);
        return;
    }
    struct list *l = v->ptr;
    for (size_t n = l->len; n; n--) {         /* one rotation, head to tail, by the first pivot */
        struct str *s = list_pop(l, 1);
        int pivot = !found && str_eq(s, ARG(3));
        if (pivot && !after)
            list_push(l, str_new(ARG(4)->buf, ARG(4)->len), 0);
        list_push(l, s, 0);
        if (pivot && after)
            list_push(l, str_new(ARG(4)->buf, ARG(4)->len), 0);
        found |= pivot;
    }
    server.dirty += found;
    reply_int(c, found ? (long long)l->len : -1);
}

/* LPOS key element [RANK rank] [COUNT num-matches] [MAXLEN len]: the index of the rank-th match
 * (negative rank: counted from the tail, searching backwards), or with COUNT an array of up to
 * count matches from there (0: all); MAXLEN compares only that many items. */
void lpos_command(struct client *c)
{
    struct value *v;
    long long rank = 1, count = -1, maxlen = 0;       /* count -1: no COUNT, one answer */
    for (int i = 3; i < c->argc; i++) {
        long long *opt = arg_is(c, i, "RANK") ? &rank : arg_is(c, i, "COUNT") ? &count :
                         arg_is(c, i, "MAXLEN") ? &maxlen : NULL;
        if (!opt || i + 1 == c->argc) {
            reply_error(c, ERR_SYNTAX);
            return;
        }
        if (opt == &rank ? !arg_signed_count(c, ++i, opt) : !arg_ll(c, ++i, opt))
            return;
        if (opt == &rank && rank == 0) {
            reply_error(c, "ERR RANK can't be zero: use 1 to start from the first match, 2 from "
                           "the second, ...");
            return;
        }
        if (opt != &rank && *opt < 0) {
            reply_error(c, "ERR %s can't be negative", opt == &count ? "COUNT" : "MAXLEN");
            return;
        }
    }
    if (!read_key(c, 1, TYPE_LIST, &v))
        return;
    long long len = v ? (long long)((struct list *)v->ptr)->len : 0, n = 0;
    long long want = count < 0 ? 1 : count == 0 || count > len ? len : count;
    long long *found = xmalloc((size_t)(want + 1) * sizeof *found);
    long long skip = (rank > 0 ? rank : -rank) - 1, matches = 0;     /* the matches before the rank-th */
    for (long long k = 0; k < len && (maxlen == 0 || k < maxlen) && n < want; k++) {
        long long i = rank > 0 ? k : len - 1 - k;
        if (str_eq(list_at(v->ptr, (size_t)i), ARG(2)) && matches++ >= skip)
            found[n++] = i;
    }
    if (count >= 0) {
        reply_array(c, n);
        for (long long i = 0; i < n; i++)
            reply_int(c, found[i]);
    } else if (n) {
        reply_int(c, found[0]);
    } else {
        reply_null(c);
    }
    free(found);
}

/* RPOPLPUSH and LMOVE: an element popped at one end of the source list, pushed at one end of the
 * destination (the same list: a rotation), and answered. */
void list_move(struct client *c, int from_head, int to_head)
{
    struct value *src, *dst;
    if (!read_key(c, 1, TYPE_LIST, &src))
        return;
    if (!src) {
        reply_null(c);
        return;
    }
    if (!read_key(c, 2, TYPE_LIST, &dst))
        return;
    struct str *s = list_pop(src->ptr, from_head);
    list_push(write_key(c, 2, TYPE_LIST)->ptr, s, to_head);
    drop_if_empty(c, 1, src);                 /* after the push: the source may be the destination */
    server.dirty++;
    reply_str(c, s);
}

void rpoplpush_command(struct client *c)
{
    list_move(c, 0, 1);
}

/* LEFT or RIGHT, LMOVE's argument i: 1 the head, 0 the tail, -1 after a syntax error. */
int list_end(struct client *c, int i)
{
    if (arg_is(c, i, "LEFT") || arg_is(c, i, "RIGHT"))
        return arg_is(c, i, "LEFT");
    reply_error(c, ERR_SYNTAX);
    return -1;
}

/* LMOVE source destination LEFT|RIGHT LEFT|RIGHT */
void lmove_command(struct client *c)
{
    int from = list_end(c, 3), to = from < 0 ? -1 : list_end(c, 4);
    if (to >= 0)
        list_move(c, from, to);
}
