/*
 * monitor.c - watching the commands as they run, as Redis 6.2 lets one: MONITOR streams every
 * command any client runs to the clients that asked (a line each: time, database, client,
 * arguments), and SLOWLOG keeps the latest commands that took slowlog-log-slower-than
 * microseconds or more. call() (commands.c) hands each command over once it has run; when
 * nobody monitors and the command was quick, that costs it a comparison and a test of a counter.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "commands.h"

/* ---- MONITOR ----------------------------------------------------------------------------- */

/* MONITOR: from now on this client is sent every command run. A second MONITOR is ignored, not
 * even answered (as Redis does); inside EXEC it may not wait for the stream. */
void monitor_command(struct client *c)
{
    if (c->in_exec) {
        reply_error(c, "ERR MONITOR isn't allowed for DENY BLOCKING client");
        return;
    }
    if (c->monitor)
        return;
    c->monitor = 1;
    server.monitors++;
    reply_ok(c);
}

void monitor_client_gone(struct client *c)
{
    if (c->monitor)
        server.monitors--;
}

/* p's len bytes, quoted and escaped as Redis's sdscatrepr: "a\n\"\x01". */
static struct str *append_repr(struct str *s, const char *p, size_t len)
{
    char esc[5];
    s = str_append(s, "\"", 1);
    for (size_t i = 0; i < len; i++) {
        unsigned char ch = (unsigned char)p[i];
        const char *named = ch == '\n' ? "\\n" : ch == '\r' ? "\\r" : ch == '\t' ? "\\t" :
                            ch == '\a' ? "\\a" : ch == '\b' ? "\\b" : NULL;
        if (named)
            s = str_append(s, named, 2);
        else if (ch == '\\' || ch == '"')
            s = str_append(s, ch == '"' ? "\\\"" : "\\\\", 2);
        else if (ch < 0x80 && isprint(ch))
            s = str_append(s, (const char *)&ch, 1);
        else
            s = str_append(s, esc, (size_t)snprintf(esc, sizeof esc, "\\x%02x", ch));
    }
    return str_append(s, "\"", 1);
}

/* The command c just ran, as a status line to every monitor:
 *   +1339518083.107412 [0 127.0.0.1:60866] "keys" "*"
 * (the database is the one it ran in, after it: SELECT 5 shows 5). Admin commands are not
 * shown, as Redis hides them (CONFIG, DEBUG, CLIENT, ...). */
void feed_monitors(struct client *c, const struct command *cmd)
{
    char head[128];
    long long us = now_us();
    if (strstr(cmd->flags, "admin"))
        return;
    struct str *line = str_new(head, (size_t)snprintf(head, sizeof head, "+%lld.%06lld [%d %s] ",
                                                       us / 1000000, us % 1000000, c->db->id, c->addr));
    for (int i = 0; i < c->argc; i++) {
        line = append_repr(line, ARG(i)->buf, ARG(i)->len);
        if (i + 1 < c->argc)
            line = str_append(line, " ", 1);
    }
    line = str_append(line, "\r\n", 2);
    for (int i = 0; i < server.nclients; i++)
        if (server.clients[i]->monitor)
            reply_raw(server.clients[i], line->buf, line->len);
    str_free(line);
}

/* ---- SLOWLOG ----------------------------------------------------------------------------- */

#define SLOWLOG_MAX_ARGC 32                /* arguments kept of a command: the last says how many more */
#define SLOWLOG_MAX_STRING 128             /* bytes kept of an argument: then how many more */

struct slow_entry {
    long long id, time, duration;          /* time: Unix seconds; duration: microseconds */
    int argc;
    struct str **argv;
    char addr[48];
    struct str *name;                      /* the client's name then ("" if none) */
};

static struct slow_entry **slowlog;        /* newest first */
static long long slowlog_len, slowlog_cap, slowlog_next_id;

/* Argument a as the slow log keeps it: at most SLOWLOG_MAX_STRING bytes, then a note. */
static struct str *kept_argument(const struct str *a)
{
    char note[64];
    if (a->len <= SLOWLOG_MAX_STRING)
        return str_new(a->buf, a->len);
    struct str *s = str_new(a->buf, SLOWLOG_MAX_STRING);
    return str_append(s, note, (size_t)snprintf(note, sizeof note, "... (%lu more bytes)",
                                                (unsigned long)(a->len - SLOWLOG_MAX_STRING)));
}

static struct slow_entry *slow_entry_new(struct client *c, long long duration)
{
    struct slow_entry *e = xmalloc(sizeof *e);
    char note[64];
    e->id = slowlog_next_id++;
    e->time = now_ms() / 1000;
    e->duration = duration;
    e->argc = c->argc < SLOWLOG_MAX_ARGC ? c->argc : SLOWLOG_MAX_ARGC;
    e->argv = xmalloc((size_t)e->argc * sizeof *e->argv);
    for (int i = 0; i < e->argc; i++)
        e->argv[i] = kept_argument(ARG(i));
    if (e->argc < c->argc) {              /* the last one kept says how many were left out */
        str_free(e->argv[e->argc - 1]);
        e->argv[e->argc - 1] = str_new(note, (size_t)snprintf(note, sizeof note, "... (%d more arguments)",
                                                              c->argc - e->argc + 1));
    }
    memcpy(e->addr, c->addr, sizeof e->addr);
    e->name = c->name ? str_new(c->name->buf, c->name->len) : str_new("", 0);
    return e;
}

static void slow_entry_free(struct slow_entry *e)
{
    free_argv(e->argc, e->argv);
    str_free(e->name);
    free(e);
}

/* The command c just ran took duration microseconds, at least slowlog-log-slower-than (call()
 * times it: commands.c): it goes first in the slow log, and the oldest entries beyond slowlog-max-len go. EXEC is not logged
 * (the commands it ran are). */
void slowlog_push(struct client *c, const struct command *cmd, long long duration)
{
    if (strstr(cmd->flags, "skip_slowlog"))
        return;
    if (slowlog_len == slowlog_cap) {
        slowlog_cap = slowlog_cap ? slowlog_cap * 2 : 16;
        slowlog = xrealloc(slowlog, (size_t)slowlog_cap * sizeof *slowlog);
    }
    memmove(slowlog + 1, slowlog, (size_t)slowlog_len * sizeof *slowlog);
    slowlog[0] = slow_entry_new(c, duration);
    slowlog_len++;
    while (slowlog_len > server.slowlog_max_len)
        slow_entry_free(slowlog[--slowlog_len]);
}

static void slowlog_reset(void)
{
    while (slowlog_len)
        slow_entry_free(slowlog[--slowlog_len]);
}

/* SLOWLOG GET [count]: the newest count entries (10; a negative count: all), each
 * [id, time, microseconds, [arguments], "ip:port", "client name"]. */
static void slowlog_get(struct client *c)
{
    long long count = 10;
    if (c->argc == 3 && !arg_ll(c, 2, &count))
        return;
    if (count < 0 || count > slowlog_len)
        count = slowlog_len;
    reply_array(c, count);
    for (long long i = 0; i < count; i++) {
        struct slow_entry *e = slowlog[i];
        reply_array(c, 6);
        reply_int(c, e->id);
        reply_int(c, e->time);
        reply_int(c, e->duration);
        reply_array(c, e->argc);
        for (int j = 0; j < e->argc; j++)
            reply_str(c, e->argv[j]);
        reply_cstr(c, e->addr);
        reply_str(c, e->name);
    }
}

static const char *const slowlog_help[] = {
    "SLOWLOG <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "GET [<count>]",
    "    Return top <count> entries from the slowlog (default: 10). Entries are",
    "    made of:",
    "    id, timestamp, time in microseconds, arguments array, client IP and port,",
    "    client name",
    "LEN",
    "    Return the length of the slowlog.",
    "RESET",
    "    Reset the slowlog.",
    "HELP",
    "    Prints this help.",
};

/* SLOWLOG GET [count] | LEN | RESET | HELP */
void slowlog_command(struct client *c)
{
    if (c->argc == 2 && arg_is(c, 1, "HELP")) {
        reply_help(c, HELP_LINES(slowlog_help));
    } else if (c->argc == 2 && arg_is(c, 1, "RESET")) {
        slowlog_reset();
        reply_ok(c);
    } else if (c->argc == 2 && arg_is(c, 1, "LEN")) {
        reply_int(c, slowlog_len);
    } else if (c->argc <= 3 && arg_is(c, 1, "GET")) {
        slowlog_get(c);
    } else {
        unknown_subcommand(c, "SLOWLOG");
    }
}
