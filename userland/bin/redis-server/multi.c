/*
 * multi.c - transactions: MULTI queues commands, EXEC runs them one after the other with
 * nothing in between, DISCARD drops them.
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

void multi_command(struct client *c)
{
    if (c->in_multi) {
        reply_error(c, "ERR MULTI calls can not be nested");
        return;
    }
    c->in_multi = 1;
    c->multi_error = 0;
    reply_ok(c);
}

static void discard_queue(struct client *c)
{
    for (int i = 0; i < c->nqueued; i++)
        free_argv(c->queue[i].argc, c->queue[i].argv);
    c->nqueued = 0;
    c->in_multi = c->multi_error = 0;
}

void discard_command(struct client *c)
{
    if (!c->in_multi) {
        reply_error(c, "ERR DISCARD without MULTI");
        return;
    }
    discard_queue(c);
    reply_ok(c);
}

void exec_command(struct client *c)
{
    if (!c->in_multi) {
        reply_error(c, "ERR EXEC without MULTI");
        return;
    }
    if (c->multi_error) {
        reply_error(c, "EXECABORT Transaction discarded because of previous errors.");
        discard_queue(c);
        return;
    }
    int argc = c->argc;
    struct str **argv = c->argv;
    c->in_multi = 0;
    reply_array(c, c->nqueued);
    for (int i = 0; i < c->nqueued; i++) {
        c->argc = c->queue[i].argc;
        c->argv = c->queue[i].argv;
        call(c, find_command(ARG(0)));
    }
    c->argc = argc;
    c->argv = argv;
    discard_queue(c);
}
