/*
 * pubsub.c - publish/subscribe: SUBSCRIBE, UNSUBSCRIBE, PSUBSCRIBE, PUNSUBSCRIBE, PUBLISH and
 * PUBSUB (CHANNELS, NUMSUB, NUMPAT, HELP), as Redis 6.2 answers them.
 *
 * A client subscribes to channels by name, or to glob patterns ("news.*", util.c's glob_match);
 * PUBLISH channel message hands the message to every subscriber of the channel, then to every
 * subscriber of a pattern the channel matches, and answers how many received it (a client is
 * counted once per subscription that matched: a channel and a pattern, or two patterns, make two
 * messages). Nothing is stored: a message nobody listens for is lost.
 *
 * Delivering means writing into the subscriber's c->out with the reply_* functions, as if it had
 * asked: the event loop (server.c) polls a client with bytes waiting there for POLLOUT, so the
 * message leaves on the next turn of the loop.
 *
 * What is kept, both ways round, as in Redis:
 *
 *   server.pubsub_channels   a dict: channel -> struct subscribers, its clients in the order
 *                            they subscribed (PUBLISH walks it)
 *   server.pubsub_patterns   an array of (pattern, client), in subscription order (PUBLISH
 *                            matches the channel against each)
 *   c->channels, c->patterns each client's own names, in order: its subscription count, what
 *                            UNSUBSCRIBE without arguments drops, and what goes when it leaves
 *
 * The replies: a subscription change is confirmed with ["subscribe", channel, count] (count: the
 * client's channels and patterns together), a message is ["message", channel, payload] or
 * ["pmessage", pattern, channel, payload]. They are arrays in RESP2 and pushes (">") in RESP3.
 * In RESP2 a subscribed client's connection carries messages at any time, so it may only send the
 * commands that keep that readable (process_command enforces it), and PING answers
 * ["pong", message] there (server_commands.c).
 */
#include <stdlib.h>
#include <string.h>

#include "server.h"
#include "commands.h"

/* The clients subscribed to one channel, in the order they subscribed. */
struct subscribers {
    struct client **clients;
    int n, cap;
};

/* One client's subscription to one pattern. */
struct pattern_sub {
    struct str *pattern;
    struct client *client;
};

static void subscribers_free(void *p)
{
    struct subscribers *s = p;
    free(s->clients);
    free(s);
}

static struct dict *channels_dict(void)
{
    if (!server.pubsub_channels)
        server.pubsub_channels = dict_new(subscribers_free);
    return server.pubsub_channels;
}

/* i in names (n of them) whose bytes are p, len; -1 if none. */
static int find_name(struct str **names, int n, const char *p, size_t len)
{
    for (int i = 0; i < n; i++)
        if (names[i]->len == len && memcmp(names[i]->buf, p, len) == 0)
            return i;
    return -1;
}

/* Append name to an array that grows by doubling. */
static void add_name(struct str ***names, int *n, int *cap, const char *p, size_t len)
{
    if (*n == *cap) {
        *cap = *cap ? *cap * 2 : 4;
        *names = xrealloc(*names, (size_t)*cap * sizeof **names);
    }
    (*names)[(*n)++] = str_new(p, len);
}

/* Take name i out of the array, keeping the others' order; the caller frees it. */
static struct str *remove_name(struct str **names, int *n, int i)
{
    struct str *name = names[i];
    memmove(names + i, names + i + 1, (size_t)(*n - i - 1) * sizeof *names);
    (*n)--;
    return name;
}

/* [kind, name, count]: a subscription confirmed; name NULL (a nil) when UNSUBSCRIBE had
 * nothing to drop. */
static void reply_subscription(struct client *c, const char *kind, const struct str *name)
{
    reply_push(c, 3);
    reply_cstr(c, kind);
    if (name)
        reply_bulk(c, name->buf, name->len);
    else
        reply_null(c);
    reply_int(c, subscription_count(c));
}

/* ---- channels -------------------------------------------------------------------------------- */

static void subscribe_channel(struct client *c, struct str *channel)
{
    if (find_name(c->channels, c->nchannels, channel->buf, channel->len) < 0) {
        add_name(&c->channels, &c->nchannels, &c->channels_cap, channel->buf, channel->len);
        struct entry *e = dict_find(channels_dict(), channel->buf, channel->len);
        if (!e)
            e = dict_add(server.pubsub_channels, str_new(channel->buf, channel->len),
                         xcalloc(1, sizeof(struct subscribers)));
        struct subscribers *s = e->val;
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 4;
            s->clients = xrealloc(s->clients, (size_t)s->cap * sizeof *s->clients);
        }
        s->clients[s->n++] = c;
    }
    reply_subscription(c, "subscribe", channel);
}

/* Drop c's subscription to the channel p, len (if it has one); confirm it if notify. p may be
 * c's own copy of the name (UNSUBSCRIBE without arguments): it is freed last. */
static void unsubscribe_channel(struct client *c, const char *p, size_t len, int notify)
{
    int i = find_name(c->channels, c->nchannels, p, len);
    struct str *channel = i >= 0 ? remove_name(c->channels, &c->nchannels, i) : str_new(p, len);
    if (i >= 0) {
        struct entry *e = dict_find(server.pubsub_channels, p, len);
        struct subscribers *s = e->val;
        for (int j = 0; j < s->n; j++)
            if (s->clients[j] == c) {
                memmove(s->clients + j, s->clients + j + 1, (size_t)(s->n - j - 1) * sizeof *s->clients);
                s->n--;
                break;
            }
        if (s->n == 0)                       /* nobody listens any more: the channel goes */
            dict_delete(server.pubsub_channels, p, len);
    }
    if (notify)
        reply_subscription(c, "unsubscribe", channel);
    str_free(channel);
}

static void unsubscribe_all_channels(struct client *c, int notify)
{
    if (c->nchannels == 0 && notify)
        reply_subscription(c, "unsubscribe", NULL);
    while (c->nchannels > 0)
        unsubscribe_channel(c, c->channels[0]->buf, c->channels[0]->len, notify);
}

/* ---- patterns -------------------------------------------------------------------------------- */

static void subscribe_pattern(struct client *c, struct str *pattern)
{
    if (find_name(c->patterns, c->npatterns, pattern->buf, pattern->len) < 0) {
        add_name(&c->patterns, &c->npatterns, &c->patterns_cap, pattern->buf, pattern->len);
        if (server.npubsub_patterns == server.pubsub_patterns_cap) {
            server.pubsub_patterns_cap = server.pubsub_patterns_cap ? server.pubsub_patterns_cap * 2 : 4;
            server.pubsub_patterns = xrealloc(server.pubsub_patterns,
                                              (size_t)server.pubsub_patterns_cap * sizeof *server.pubsub_patterns);
        }
        struct pattern_sub *ps = &server.pubsub_patterns[server.npubsub_patterns++];
        ps->pattern = str_new(pattern->buf, pattern->len);
        ps->client = c;
    }
    reply_subscription(c, "psubscribe", pattern);
}

/* As unsubscribe_channel, for a pattern. */
static void unsubscribe_pattern(struct client *c, const char *p, size_t len, int notify)
{
    int i = find_name(c->patterns, c->npatterns, p, len);
    struct str *pattern = i >= 0 ? remove_name(c->patterns, &c->npatterns, i) : str_new(p, len);
    if (i >= 0) {
        struct pattern_sub *all = server.pubsub_patterns;
        for (int j = 0; j < server.npubsub_patterns; j++)
            if (all[j].client == c && all[j].pattern->len == len && memcmp(all[j].pattern->buf, p, len) == 0) {
                str_free(all[j].pattern);
                memmove(all + j, all + j + 1, (size_t)(server.npubsub_patterns - j - 1) * sizeof *all);
                server.npubsub_patterns--;
                break;
            }
    }
    if (notify)
        reply_subscription(c, "punsubscribe", pattern);
    str_free(pattern);
}

static void unsubscribe_all_patterns(struct client *c, int notify)
{
    if (c->npatterns == 0 && notify)
        reply_subscription(c, "punsubscribe", NULL);
    while (c->npatterns > 0)
        unsubscribe_pattern(c, c->patterns[0]->buf, c->patterns[0]->len, notify);
}

/* The client is going away (server.c's client_free): out of every channel and pattern. */
void pubsub_client_gone(struct client *c)
{
    unsubscribe_all_channels(c, 0);
    unsubscribe_all_patterns(c, 0);
    free(c->channels);
    free(c->patterns);
    c->channels = c->patterns = NULL;
    c->channels_cap = c->patterns_cap = 0;
}

/* ---- the commands ------------------------------------------------------------------------------ */

/* SUBSCRIBE channel [channel ...] */
void subscribe_command(struct client *c)
{
    for (int i = 1; i < c->argc; i++)
        subscribe_channel(c, ARG(i));
}

/* UNSUBSCRIBE [channel ...]: those channels, or every one */
void unsubscribe_command(struct client *c)
{
    if (c->argc == 1)
        unsubscribe_all_channels(c, 1);
    for (int i = 1; i < c->argc; i++)
        unsubscribe_channel(c, ARG(i)->buf, ARG(i)->len, 1);
}

/* PSUBSCRIBE pattern [pattern ...] */
void psubscribe_command(struct client *c)
{
    for (int i = 1; i < c->argc; i++)
        subscribe_pattern(c, ARG(i));
}

/* PUNSUBSCRIBE [pattern ...] */
void punsubscribe_command(struct client *c)
{
    if (c->argc == 1)
        unsubscribe_all_patterns(c, 1);
    for (int i = 1; i < c->argc; i++)
        unsubscribe_pattern(c, ARG(i)->buf, ARG(i)->len, 1);
}

/* PUBLISH channel message: to the channel's subscribers in the order they subscribed, then to
 * the pattern subscriptions the channel matches, in theirs; answers how many received it. */
void publish_command(struct client *c)
{
    struct str *channel = ARG(1), *message = ARG(2);
    long long receivers = 0;
    struct entry *e = dict_find(channels_dict(), channel->buf, channel->len);
    if (e) {
        struct subscribers *s = e->val;
        for (int i = 0; i < s->n; i++) {
            struct client *to = s->clients[i];
            reply_push(to, 3);
            reply_cstr(to, "message");
            reply_str(to, channel);
            reply_str(to, message);
            receivers++;
        }
    }
    for (int i = 0; i < server.npubsub_patterns; i++) {
        struct pattern_sub *ps = &server.pubsub_patterns[i];
        if (!glob_match(ps->pattern->buf, ps->pattern->len, channel->buf, channel->len, 0))
            continue;
        reply_push(ps->client, 4);
        reply_cstr(ps->client, "pmessage");
        reply_str(ps->client, ps->pattern);
        reply_str(ps->client, channel);
        reply_str(ps->client, message);
        receivers++;
    }
    reply_int(c, receivers);
}

/* How many different patterns are subscribed to (two clients on one pattern count once). */
static long long distinct_patterns(void)
{
    long long n = 0;
    for (int i = 0; i < server.npubsub_patterns; i++) {
        struct str *p = server.pubsub_patterns[i].pattern;
        int seen = 0;
        for (int j = 0; j < i && !seen; j++)
            seen = server.pubsub_patterns[j].pattern->len == p->len &&
                   memcmp(server.pubsub_patterns[j].pattern->buf, p->buf, p->len) == 0;
        n += !seen;
    }
    return n;
}

static const char *const pubsub_help[] = {
    "PUBSUB <subcommand> [<arg> [value] [opt] ...]. Subcommands are:",
    "CHANNELS [<pattern>]",
    "    Return the currently active channels matching a <pattern> (default: '*').",
    "NUMPAT",
    "    Return number of subscriptions to patterns.",
    "NUMSUB [<channel> ...]",
    "    Return the number of subscribers for the specified channels, excluding",
    "    pattern subscriptions(default: no channels).",
    "HELP",
    "    Prints this help.",
};

/* PUBSUB CHANNELS [pattern] | NUMSUB [channel ...] | NUMPAT | HELP */
void pubsub_command(struct client *c)
{
    struct dict *channels = channels_dict();
    if (c->argc == 2 && arg_is(c, 1, "HELP")) {
        reply_help(c, HELP_LINES(pubsub_help));
    } else if (arg_is(c, 1, "CHANNELS") && c->argc <= 3) {
        /* the channels someone subscribes to (matching the pattern): counted, then listed */
        struct dict_iter it;
        struct entry *e;
        long n = 0;
        for (int pass = 0; pass < 2; pass++) {
            if (pass == 1)
                reply_array(c, n);
            dict_iter_init(&it, channels);
            while ((e = dict_iter_next(&it)) != NULL) {
                if (c->argc == 3 && !glob_match(ARG(2)->buf, ARG(2)->len, e->key->buf, e->key->len, 0))
                    continue;
                if (pass == 0)
                    n++;
                else
                    reply_str(c, e->key);
            }
        }
    } else if (arg_is(c, 1, "NUMSUB")) {
        /* each channel and its subscribers (pattern subscriptions not counted) */
        reply_array(c, 2L * (c->argc - 2));
        for (int i = 2; i < c->argc; i++) {
            struct entry *e = dict_find(channels, ARG(i)->buf, ARG(i)->len);
            reply_str(c, ARG(i));
            reply_int(c, e ? ((struct subscribers *)e->val)->n : 0);
        }
    } else if (arg_is(c, 1, "NUMPAT") && c->argc == 2) {
        reply_int(c, distinct_patterns());
    } else {
        unknown_subcommand(c, "PUBSUB");
    }
}

/* PING from a subscribed RESP2 client: ["pong", message or ""], as Redis answers it there (a
 * plain +PONG could not be told from a message). */
void pubsub_ping(struct client *c)
{
    reply_array(c, 2);
    reply_cstr(c, "pong");
    if (c->argc == 2)
        reply_str(c, ARG(1));
    else
        reply_bulk(c, "", 0);
}

/* process_command's check for a subscribed RESP2 client: 1 if cmd is one it may send. */
int allowed_while_subscribed(const struct command *cmd)
{
    return cmd->proc == subscribe_command || cmd->proc == unsubscribe_command ||
           cmd->proc == psubscribe_command || cmd->proc == punsubscribe_command ||
           cmd->proc == ping_command || cmd->proc == quit_command;
}
