/*
 * t_list.c - the list commands: pushing and popping at either end, LLEN, LINDEX, LRANGE.
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

void lpush_command(struct client *c)
{
    push_generic(c, 1);
}

void rpush_command(struct client *c)
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
    struct value *v;
    if (read_key(c, 1, TYPE_LIST, &v))
        reply_int(c, v ? (long long)((struct list *)v->ptr)->len : 0);
}

void lindex_command(struct client *c)
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

void lrange_command(struct client *c)
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
