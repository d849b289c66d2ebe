/*
 * blocked.c - the commands that wait: BLPOP, BRPOP, BRPOPLPUSH, BLMOVE, BZPOPMIN, BZPOPMAX (the
 * queue a worker waits on). When every key they name is empty, the client is parked: no answer
 * yet, and nothing more it sent is run, while the loop serves everyone else. The command is kept,
 * and tried again each time another command changes the data; the longest waiting client tries
 * first. A try that finds something answers, and the client runs on. A timeout (in seconds, a
 * float; 0 waits forever) answers a null array, as Redis does.
 *
 * Trying again whenever anything changed, rather than only when one of the client's keys did, is
 * simpler than Redis's bookkeeping of ready keys and gives the same answers: a try that finds
 * nothing changes nothing. It costs a little only while some client waits.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "commands.h"

/* The timeout argument ARG(i) as a Unix time in ms (0: no timeout): 1, or 0 after the error. */
static int timeout_argument(struct client *c, int i, long long *deadline)
{
    double seconds;
    if (!parse_double(ARG(i)->buf, ARG(i)->len, &seconds) || isinf(seconds) || seconds > 1e15) {
        reply_error(c, "ERR timeout is not a float or out of range");
        return 0;
    }
    if (seconds < 0) {
        reply_error(c, "ERR timeout is negative");
        return 0;
    }
    *deadline = seconds > 0 ? now_ms() + (long long)ceil(seconds * 1000) : 0;
    return 1;
}

/* Nothing to take: park the client with a copy of its command, to be tried again. A try that
 * finds nothing again leaves it waiting as it was. Inside EXEC nothing may wait: a null answer. */
static void wait_for_data(struct client *c, long long deadline)
{
    if (c->blocked)
        return;
    if (c->in_exec) {
        reply_null_array(c);
        return;
    }
    c->blocked = 1;
    c->block_cmd = c->cmd;
    c->block_deadline = deadline;
    c->block_seq = ++server.block_seq;
    c->block_argc = c->argc;
    c->block_argv = xmalloc((size_t)c->argc * sizeof *c->block_argv);
    for (int i = 0; i < c->argc; i++)
        c->block_argv[i] = str_new(ARG(i)->buf, ARG(i)->len);
    server.nblocked++;
}

void unblock_client(struct client *c)
{
    if (!c->blocked)
        return;
    free_argv(c->block_argc, c->block_argv);
    c->blocked = 0;
    c->resume = 1;                     /* server.c runs what it sent meanwhile */
    server.nresume++;
    server.nblocked--;
}

/* Try a parked client's command again: 1 if it answered (something to take, or an error). */
static int try_again(struct client *c)
{
    int argc = c->argc;
    struct str **argv = c->argv;
    size_t answered = c->out_len;
    c->argc = c->block_argc;
    c->argv = c->block_argv;
    call(c, c->block_cmd);
    c->argc = argc;
    c->argv = argv;
    return c->out_len != answered;
}

/* The parked client that has waited longest and not been tried since `after`, or NULL. */
static struct client *next_waiting(long long after)
{
    struct client *best = NULL;
    for (int i = 0; i < server.nclients; i++) {
        struct client *w = server.clients[i];
        if (w->blocked && w->block_seq > after && (!best || w->block_seq < best->block_seq))
            best = w;
    }
    return best;
}

/* After a command changed the data: every parked client tries again, longest waiting first,
 * until a round serves no one (a BLMOVE that is served may fill a list another waits on). */
void serve_blocked_clients(void)
{
    static int serving;                /* a try is a command too: it must not start this again */
    int served = 1;
    if (serving)
        return;
    serving = 1;
    while (served && server.nblocked) {
        served = 0;
        long long seq = 0;
        for (struct client *w; (w = next_waiting(seq)) != NULL; seq = w->block_seq)
            if (try_again(w)) {
                unblock_client(w);
                served = 1;
            }
    }
    serving = 0;
}

/* The cron: parked clients whose time is up get a null array. */
void unblock_timed_out_clients(void)
{
    long long now = now_ms();
    for (int i = 0; i < server.nclients && server.nblocked; i++) {
        struct client *w = server.clients[i];
        if (w->blocked && w->block_deadline && w->block_deadline <= now) {
            reply_null_array(w);
            unblock_client(w);
        }
    }
}

/* ---- the commands ------------------------------------------------------------------------------ */

/* BLPOP key [key ...] timeout, BRPOP: the first non-empty list's end, as [key, value]. */
static void bpop_generic(struct client *c, int head)
{
    long long deadline;
    if (!timeout_argument(c, c->argc - 1, &deadline))
        return;
    for (int i = 1; i < c->argc - 1; i++) {
        struct value *v;
        if (!read_key(c, i, TYPE_LIST, &v))
            return;
        if (v) {
            struct str *s = list_pop(v->ptr, head);
            reply_array(c, 2);
            reply_str(c, ARG(i));
            reply_str(c, s);
            str_free(s);
            drop_if_empty(c, i, v);
            server.dirty++;
            return;
        }
    }
    wait_for_data(c, deadline);
}

void blpop_command(struct client *c)
{
    bpop_generic(c, 1);
}

void brpop_command(struct client *c)
{
    bpop_generic(c, 0);
}

/* BLMOVE source destination LEFT|RIGHT LEFT|RIGHT timeout, and BRPOPLPUSH source destination
 * timeout (RIGHT LEFT): LMOVE once the source has something. */
static void bmove_generic(struct client *c, int from_head, int to_head)
{
    long long deadline;
    struct value *src;
    if (!timeout_argument(c, c->argc - 1, &deadline) || !read_key(c, 1, TYPE_LIST, &src))
        return;
    if (src)
        list_move(c, from_head, to_head);
    else
        wait_for_data(c, deadline);
}

void brpoplpush_command(struct client *c)
{
    bmove_generic(c, 0, 1);
}

void blmove_command(struct client *c)
{
    int from = list_end(c, 3), to = from < 0 ? -1 : list_end(c, 4);
    if (to >= 0)
        bmove_generic(c, from, to);
}

/* BZPOPMIN key [key ...] timeout, BZPOPMAX: the first non-empty sorted set's lowest (highest)
 * member, as [key, member, score]. */
static void bzpop_generic(struct client *c, int max)
{
    long long deadline;
    if (!timeout_argument(c, c->argc - 1, &deadline))
        return;
    for (int i = 1; i < c->argc - 1; i++) {
        struct value *v;
        if (!read_key(c, i, TYPE_ZSET, &v))
            return;
        if (v) {
            struct zset *z = v->ptr;
            struct znode *n = max ? z->tail : z->header->level[0].forward;
            reply_array(c, 3);
            reply_str(c, ARG(i));
            reply_str(c, n->member);
            reply_double(c, n->score);
            zset_delete(z, n);
            drop_if_empty(c, i, v);
            server.dirty++;
            return;
        }
    }
    wait_for_data(c, deadline);
}

void bzpopmin_command(struct client *c)
{
    bzpop_generic(c, 0);
}

void bzpopmax_command(struct client *c)
{
    bzpop_generic(c, 1);
}
