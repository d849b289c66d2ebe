/*
 * clients.c - CLIENT: what the server tells about its connections and does to them, as Redis
 * 6.2 answers it: ID, SETNAME, GETNAME, LIST and INFO (a line per client, in Redis's fields),
 * KILL (by id, address, local address or type), HELP. Tools read CLIENT LIST to see who is
 * connected and what each last ran; a field we keep nothing for says 0.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "commands.h"

static int valid_client_name(struct str *name)
{
    for (size_t i = 0; i < name->len; i++)
        if (name->buf[i] < '!' || name->buf[i] > '~')
            return 0;
    return 1;
}

int set_client_name(struct client *c, struct str *name)
{
    if (!valid_client_name(name)) {
        reply_error(c, "ERR Client names cannot contain spaces, newlines or special characters.");
        return 0;
    }
    str_free(c->name);
    c->name = name->len ? str_new(name->buf, name->len) : NULL;
    return 1;
}

/* ---- kinds of clients (CLIENT LIST TYPE, CLIENT KILL TYPE) ------------------------------------- */

enum { CLIENT_NORMAL, CLIENT_REPLICA, CLIENT_PUBSUB, CLIENT_MASTER };

/* A monitor counts as normal, as in Redis; we have no replicas or masters. */
static int client_type(const struct client *c)
{
    return subscription_count(c) > 0 ? CLIENT_PUBSUB : CLIENT_NORMAL;
}

/* The kind ARG(i) names: 1, or 0 after the error. */
static int arg_client_type(struct client *c, int i, int *type)
{
    static const struct { const char *name; int type; } names[] = {
        {"normal", CLIENT_NORMAL}, {"replica", CLIENT_REPLICA}, {"slave", CLIENT_REPLICA},
        {"pubsub", CLIENT_PUBSUB}, {"master", CLIENT_MASTER},
    };
    for (size_t k = 0; k < sizeof names / sizeof names[0]; k++)
        if (arg_is(c, i, names[k].name)) {
            *type = names[k].type;
            return 1;
        }
    reply_error(c, "ERR Unknown client type '%s'", ARG(i)->buf);
    return 0;
}

/* ---- CLIENT LIST and INFO ---------------------------------------------------------------- */

/* Redis's flag letters: O monitor, P subscribed, x in MULTI, b blocked, d a watched key changed,
 * c closing after the reply, A closing now; N none. */
static void client_flags(const struct client *c, char *flags)
{
    char *p = flags;
    if (c->monitor)
        *p++ = 'O';
    if (subscription_count(c) > 0)
        *p++ = 'P';
    if (c->in_multi)
        *p++ = 'x';
    if (c->blocked)
        *p++ = 'b';
    if (c->dirty_cas)
        *p++ = 'd';
    if (c->close_after_reply)
        *p++ = 'c';
    if (c->close_asap)
        *p++ = 'A';
    if (p == flags)
        *p++ = 'N';
    *p = 0;
}

/* The bytes of the arguments of the command it is running (none between commands). */
static size_t argv_bytes(const struct client *c)
{
    size_t n = 0;
    for (int i = 0; i < c->argc; i++)
        n += c->argv[i]->len;
    return n;
}

/* One client's line, in Redis 6.2's fields and order. qbuf is its unparsed input, obl the
 * replies not yet written (we have one output buffer, no reply list: oll and omem are 0). */
static struct str *append_client_info(struct str *s, const struct client *c)
{
    char line[1024], flags[16];
    size_t mem = malloc_usable_size((void *)c) + malloc_usable_size(c->in) + malloc_usable_size(c->out) +
                 malloc_usable_size(c->slots) + malloc_usable_size(c->views);
    client_flags(c, flags);
    int n = snprintf(line, sizeof line,
                     "id=%lld addr=%s laddr=%s fd=%d name=%s age=%lld idle=%lld flags=%s db=%d sub=%d psub=%d "
                     "multi=%d qbuf=%lu qbuf-free=%lu argv-mem=%lu obl=%lu oll=0 omem=0 tot-mem=%lu events=%s%s "
                     "cmd=%s user=default redir=-1\n",
                     c->id, c->addr, c->laddr, c->fd, c->name ? c->name->buf : "",
                     server.unixtime - c->ctime, server.unixtime - c->last_interaction, flags, c->db->id,
                     c->nchannels, c->npatterns, c->in_multi ? c->nqueued : -1, (unsigned long)c->in_len,
                     (unsigned long)(c->in_cap - c->in_len), (unsigned long)argv_bytes(c),
                     (unsigned long)(c->out_len - c->out_pos), (unsigned long)mem,
                     c->close_after_reply ? "" : "r", c->out_pos < c->out_len ? "w" : "",
                     c->cmd ? c->cmd->name : "NULL");
    return str_append(s, line, n < (int)sizeof line ? (size_t)n : sizeof line - 1);
}

static struct client *client_by_id(long long id)
{
    for (int i = 0; i < server.nclients; i++)
        if (server.clients[i]->id == id)
            return server.clients[i];
    return NULL;
}

/* CLIENT LIST [TYPE type | ID id ...] */
static void client_list(struct client *c)
{
    int type = -1;
    struct str *out = str_new("", 0);
    if (c->argc == 4 && arg_is(c, 2, "TYPE")) {
        if (!arg_client_type(c, 3, &type))
            goto done;
    } else if (c->argc > 3 && arg_is(c, 2, "ID")) {
        for (int i = 3; i < c->argc; i++) {
            long long id;
            if (!parse_ll(ARG(i)->buf, ARG(i)->len, &id)) {
                reply_error(c, "ERR Invalid client ID");
                goto done;
            }
            struct client *o = client_by_id(id);
            if (o)
                out = append_client_info(out, o);
        }
        reply_verbatim(c, out->buf, out->len);
        goto done;
    } else if (c->argc != 2) {
        reply_error(c, ERR_SYNTAX);
        goto done;
    }
    for (int i = 0; i < server.nclients; i++)
        if (type == -1 || client_type(server.clients[i]) == type)
            out = append_client_info(out, server.clients[i]);
    reply_verbatim(c, out->buf, out->len);
done:
    str_free(out);
}

static void client_info(struct client *c)
{
    struct str *out = append_client_info(str_new("", 0), c);
    reply_verbatim(c, out->buf, out->len);
    str_free(out);
}

/* ---- CLIENT KILL ------------------------------------------------------------------------- */

struct kill_filter {
    long long id;                    /* 0: any */
    const char *addr, *laddr;        /* NULL: any */
    int type;                        /* -1: any */
    int skipme;
};

/* CLIENT KILL's options (ID, ADDR, LADDR, TYPE, SKIPME, each with a value) into f: 1, or 0
 * after the error. */
static int kill_options(struct client *c, struct kill_filter *f)
{
    for (int i = 2; i < c->argc; i += 2) {
        if (i + 1 == c->argc) {
            reply_error(c, ERR_SYNTAX);
            return 0;
        }
        if (arg_is(c, i, "ID")) {
            if (!arg_ll(c, i + 1, &f->id))
                return 0;
        } else if (arg_is(c, i, "ADDR")) {
            f->addr = ARG(i + 1)->buf;
        } else if (arg_is(c, i, "LADDR")) {
            f->laddr = ARG(i + 1)->buf;
        } else if (arg_is(c, i, "TYPE")) {
            if (!arg_client_type(c, i + 1, &f->type))
                return 0;
        } else if (arg_is(c, i, "SKIPME") && (arg_is(c, i + 1, "YES") || arg_is(c, i + 1, "NO"))) {
            f->skipme = arg_is(c, i + 1, "YES");
        } else {
            reply_error(c, ERR_SYNTAX);
            return 0;
        }
    }
    return 1;
}

static int kill_matches(const struct kill_filter *f, struct client *o, struct client *c)
{
    return (!f->addr || strcmp(o->addr, f->addr) == 0) && (!f->laddr || strcmp(o->laddr, f->laddr) == 0) &&
           (f->type == -1 || client_type(o) == f->type) && (!f->id || o->id == f->id) &&
           !(o == c && f->skipme);
}

/* CLIENT KILL ip:port (which may be this client), or CLIENT KILL option value ... (which skips
 * this client unless SKIPME no): the others are closed at the end of this turn of the event
 * loop, before they run anything more; this one after its reply. */
static void client_kill(struct client *c)
{
    struct kill_filter f = {0, NULL, NULL, -1, 1};
    int killed = 0;
    if (c->argc == 2) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if (c->argc == 3) {
        f.addr = ARG(2)->buf;
        f.skipme = 0;
    } else if (!kill_options(c, &f)) {
        return;
    }
    for (int i = 0; i < server.nclients; i++) {
        struct client *o = server.clients[i];
        if (!kill_matches(&f, o, c))
            continue;
        if (o == c)
            c->close_after_reply = 1;
        else if (!o->close_asap) {
            o->close_asap = 1;
            server.nkilled++;
        }
        killed++;
    }
    if (c->argc > 3)
        reply_int(c, killed);
    else if (killed)
        reply_ok(c);
    else
        reply_error(c, "ERR No such client");
}

/* ---- CLIENT -------------------------------------------------------------------------------- */

static const char *const client_help[] = {
    "CLIENT <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "GETNAME",
    "    Return the name of the current connection.",
    "ID",
    "    Return the ID of the current connection.",
    "INFO",
    "    Return information about the current client connection.",
    "KILL <ip:port>",
    "    Kill connection made from <ip:port>.",
    "KILL <option> <value> [<option> <value> [...]]",
    "    Kill connections. Options are:",
    "    * ADDR (<ip:port>|<unixsocket>:0)",
    "      Kill connections made from the specified address",
    "    * LADDR (<ip:port>|<unixsocket>:0)",
    "      Kill connections made to specified local address",
    "    * TYPE (normal|master|replica|pubsub)",
    "      Kill connections by type.",
    "    * SKIPME (YES|NO)",
    "      Skip killing current connection (default: yes).",
    "LIST [options ...]",
    "    Return information about client connections. Options:",
    "    * TYPE (NORMAL|MASTER|REPLICA|PUBSUB)",
    "      Return clients of specified type.",
    "SETNAME <name>",
    "    Assign the name <name> to the current connection.",
    "HELP",
    "    Prints this help.",
};

void client_command(struct client *c)
{
    if (c->argc == 2 && arg_is(c, 1, "ID")) {
        reply_int(c, c->id);
    } else if (c->argc == 3 && arg_is(c, 1, "SETNAME")) {
        if (set_client_name(c, ARG(2)))
            reply_ok(c);
    } else if (c->argc == 2 && arg_is(c, 1, "GETNAME")) {
        if (c->name)
            reply_str(c, c->name);
        else
            reply_null(c);
    } else if (c->argc == 4 && arg_is(c, 1, "SETINFO")) {
        reply_ok(c);                          /* redis-py 5 sends its name and version */
    } else if (arg_is(c, 1, "LIST")) {
        client_list(c);
    } else if (c->argc == 2 && arg_is(c, 1, "INFO")) {
        client_info(c);
    } else if (arg_is(c, 1, "KILL")) {
        client_kill(c);
    } else if (c->argc == 2 && arg_is(c, 1, "HELP")) {
        reply_help(c, HELP_LINES(client_help));
    } else {
        unknown_subcommand(c, "CLIENT");
    }
}
