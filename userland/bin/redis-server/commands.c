/*
 * commands.c - every command the server knows, in one table (name, arity, flags, key positions,
 * handler), and what all handlers share: reading arguments and looking keys up. process_command
 * looks a request's command up, checks its arity, queues it inside MULTI, or runs it. The
 * handlers live in a file per kind, as in Redis: t_string.c, t_list.c, t_hash.c, t_set.c,
 * t_zset.c, keyspace.c (any key), multi.c (transactions), blocked.c (commands that wait),
 * server_commands.c (connection and server).
 * The replies and error messages are Redis's (6.2/7.0), since real clients read them: redis-py,
 * redis-cli and redis-benchmark.
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "server.h"
#include "commands.h"

const char ERR_INT[] = "ERR value is not an integer or out of range";
const char ERR_SYNTAX[] = "ERR syntax error";
const char ERR_WRONGTYPE[] = "WRONGTYPE Operation against a key holding the wrong kind of value";
const char ERR_POSITIVE[] = "ERR value is out of range, must be positive";

static char ascii_lower(char ch)
{
    return ch >= 'A' && ch <= 'Z' ? (char)(ch + 'a' - 'A') : ch;
}

/* Is argument i the word, in any case? One pass, and cheap: every command comes through here.
 * Two bytes match if they are equal, or differ only in bit 5 (0x20) and are a letter. */
int arg_is(struct client *c, int i, const char *word)
{
    const struct str *a = ARG(i);
    const unsigned char *s = (const unsigned char *)a->buf, *w = (const unsigned char *)word;
    size_t n = 0;
    for (; n < a->len; n++) {
        unsigned x = s[n], y = w[n];
        if (x != y && ((x ^ y) != 0x20 || (y | 0x20) - 'a' > 'z' - 'a'))
            return 0;
        if (y == 0)
            return 0;
    }
    return w[n] == 0;
}

int arg_ll(struct client *c, int i, long long *v)
{
    if (parse_ll(ARG(i)->buf, ARG(i)->len, v))
        return 1;
    reply_error(c, ERR_INT);
    return 0;
}

/* t seconds (unit 1000) or milliseconds (unit 1) from now, or since the epoch if absolute, as a
 * Unix time in milliseconds in *when: 0 if that does not fit in 64 bits (Redis then answers
 * "invalid expire time" rather than let the time wrap around into the past). */
int expire_time(long long t, long long unit, int absolute, long long *when)
{
    long long base = absolute ? 0 : now_ms();
    if (t > LLONG_MAX / unit || t < LLONG_MIN / unit)
        return 0;
    t *= unit;
    if ((t > 0 && t > LLONG_MAX - base) || (t < 0 && t < LLONG_MIN + base))
        return 0;
    *when = t + base;
    return 1;
}

/* ---- looking keys up ----------------------------------------------------------------------- */

/* Key i's value for a reader: 1 with *v (NULL if the key does not exist), or 0 after replying
 * WRONGTYPE. */
int read_key(struct client *c, int i, int type, struct value **v)
{
    *v = db_lookup(c->db, ARG(i)->buf, ARG(i)->len);
    if (*v)
        server.stat_hits++;
    else
        server.stat_misses++;
    if (*v && (*v)->type != type) {
        reply_error(c, ERR_WRONGTYPE);
        return 0;
    }
    return 1;
}

/* Key i's value for a writer that adds to it: created empty if absent; NULL after WRONGTYPE. */
struct value *write_key(struct client *c, int i, int type)
{
    struct value *v = db_lookup(c->db, ARG(i)->buf, ARG(i)->len);
    if (v && v->type != type) {
        reply_error(c, ERR_WRONGTYPE);
        return NULL;
    }
    if (!v) {
        v = value_new(type);
        db_add(c->db, str_new(ARG(i)->buf, ARG(i)->len), v, -1);
    }
    return v;
}

/* LPOP's and SPOP's optional count, argument 2: 1 with *count (1 if absent), or 0 after replying
 * the error. */
int optional_count(struct client *c, long long *count)
{
    *count = 1;
    if (c->argc < 3)
        return 1;
    if (!arg_ll(c, 2, count))
        return 0;
    if (*count >= 0)
        return 1;
    reply_error(c, ERR_POSITIVE);
    return 0;
}

/* Would cur + delta overflow 64 bits? (INCRBY, HINCRBY) */
int add_overflows(long long cur, long long delta)
{
    return (delta > 0 && cur > LLONG_MAX - delta) || (delta < 0 && cur < LLONG_MIN - delta);
}

/* LLEN, HLEN, SCARD, ZCARD: how many items key 1 holds (0 if there is no key). */
void reply_length(struct client *c, int type)
{
    struct value *v;
    if (read_key(c, 1, type, &v))
        reply_int(c, v ? (long long)value_length(v) : 0);
}

/* HDEL key field ..., SREM key member ...: remove them from the hash or set; how many were there. */
void remove_elements(struct client *c, int type)
{
    struct value *v;
    long long n = 0;
    if (!read_key(c, 1, type, &v))
        return;
    for (int i = 2; v && i < c->argc; i++)
        n += dict_delete(v->ptr, ARG(i)->buf, ARG(i)->len);
    if (v)
        drop_if_empty(c, 1, v);
    server.dirty += n;
    reply_int(c, n);
}

/* A list, hash or set left empty by a command goes away, as in Redis. */
void drop_if_empty(struct client *c, int i, struct value *v)
{
    if (value_length(v) == 0)
        db_delete(c->db, ARG(i)->buf, ARG(i)->len);
}

void unknown_subcommand(struct client *c, const char *command)
{
    reply_error(c, "ERR Unknown subcommand or wrong number of arguments for '%.128s'. Try %s HELP.",
                ARG(1)->buf, command);
}

/* A HELP subcommand's answer: its lines, each a status reply, as Redis's addReplyHelp. */
void reply_help(struct client *c, const char *const *lines, int n)
{
    reply_array(c, n);
    for (int i = 0; i < n; i++)
        reply_status(c, lines[i]);
}

/* ---- the table ------------------------------------------------------------------------------- */


static const struct command command_table[] = {
    {"get", get_command, 2, "readonly fast", 1, 1, 1},
    {"set", set_command, -3, "write denyoom", 1, 1, 1},
    {"setnx", setnx_command, 3, "write denyoom fast", 1, 1, 1},
    {"setex", setex_command, 4, "write denyoom", 1, 1, 1},
    {"psetex", psetex_command, 4, "write denyoom", 1, 1, 1},
    {"getset", getset_command, 3, "write denyoom fast", 1, 1, 1},
    {"mget", mget_command, -2, "readonly fast", 1, -1, 1},
    {"mset", mset_command, -3, "write denyoom", 1, -1, 2},
    {"incr", incr_command, 2, "write denyoom fast", 1, 1, 1},
    {"decr", decr_command, 2, "write denyoom fast", 1, 1, 1},
    {"incrby", incrby_command, 3, "write denyoom fast", 1, 1, 1},
    {"decrby", decrby_command, 3, "write denyoom fast", 1, 1, 1},
    {"append", append_command, 3, "write denyoom fast", 1, 1, 1},
    {"strlen", strlen_command, 2, "readonly fast", 1, 1, 1},
    {"msetnx", msetnx_command, -3, "write denyoom", 1, -1, 2},
    {"getdel", getdel_command, 2, "write fast", 1, 1, 1},
    {"getex", getex_command, -2, "write fast", 1, 1, 1},
    {"getrange", getrange_command, 4, "readonly", 1, 1, 1},
    {"substr", getrange_command, 4, "readonly", 1, 1, 1},
    {"setrange", setrange_command, 4, "write denyoom", 1, 1, 1},
    {"incrbyfloat", incrbyfloat_command, 3, "write denyoom fast", 1, 1, 1},
    {"del", del_command, -2, "write", 1, -1, 1},
    {"unlink", del_command, -2, "write fast", 1, -1, 1},
    {"exists", exists_command, -2, "readonly fast", 1, -1, 1},
    {"keys", keys_command, 2, "readonly sort_for_script", 0, 0, 0},
    {"scan", scan_command, -2, "readonly random", 0, 0, 0},
    {"expire", expire_command, 3, "write fast", 1, 1, 1},
    {"pexpire", pexpire_command, 3, "write fast", 1, 1, 1},
    {"expireat", expireat_command, 3, "write fast", 1, 1, 1},
    {"pexpireat", pexpireat_command, 3, "write fast", 1, 1, 1},
    {"ttl", ttl_command, 2, "readonly random fast", 1, 1, 1},
    {"pttl", pttl_command, 2, "readonly random fast", 1, 1, 1},
    {"persist", persist_command, 2, "write fast", 1, 1, 1},
    {"type", type_command, 2, "readonly fast", 1, 1, 1},
    {"rename", rename_command, 3, "write", 1, 2, 1},
    {"renamenx", renamenx_command, 3, "write fast", 1, 2, 1},
    {"move", move_command, 3, "write fast", 1, 1, 1},
    {"copy", copy_command, -3, "write denyoom", 1, 2, 1},
    {"swapdb", swapdb_command, 3, "write fast", 0, 0, 0},
    {"touch", touch_command, -2, "readonly fast", 1, -1, 1},
    {"object", object_command, -2, "readonly random", 2, 2, 1},
    {"memory", memory_command, -2, "readonly random movablekeys", 0, 0, 0},
    {"dump", dump_command, 2, "readonly random", 1, 1, 1},
    {"restore", restore_command, -4, "write denyoom", 1, 1, 1},
    {"dbsize", dbsize_command, 1, "readonly fast", 0, 0, 0},
    {"flushdb", flushdb_command, -1, "write", 0, 0, 0},
    {"flushall", flushall_command, -1, "write", 0, 0, 0},
    {"randomkey", randomkey_command, 1, "readonly random", 0, 0, 0},
    {"lpush", lpush_command, -3, "write denyoom fast", 1, 1, 1},
    {"rpush", rpush_command, -3, "write denyoom fast", 1, 1, 1},
    {"lpop", lpop_command, -2, "write fast", 1, 1, 1},
    {"rpop", rpop_command, -2, "write fast", 1, 1, 1},
    {"llen", llen_command, 2, "readonly fast", 1, 1, 1},
    {"lindex", lindex_command, 3, "readonly", 1, 1, 1},
    {"lrange", lrange_command, 4, "readonly", 1, 1, 1},
    {"lpushx", lpushx_command, -3, "write denyoom fast", 1, 1, 1},
    {"rpushx", rpushx_command, -3, "write denyoom fast", 1, 1, 1},
    {"lset", lset_command, 4, "write denyoom", 1, 1, 1},
    {"lrem", lrem_command, 4, "write", 1, 1, 1},
    {"ltrim", ltrim_command, 4, "write", 1, 1, 1},
    {"linsert", linsert_command, 5, "write denyoom", 1, 1, 1},
    {"lpos", lpos_command, -3, "readonly", 1, 1, 1},
    {"rpoplpush", rpoplpush_command, 3, "write denyoom", 1, 2, 1},
    {"lmove", lmove_command, 5, "write denyoom", 1, 2, 1},
    {"hset", hset_command, -4, "write denyoom fast", 1, 1, 1},
    {"hmset", hmset_command, -4, "write denyoom fast", 1, 1, 1},
    {"hget", hget_command, 3, "readonly fast", 1, 1, 1},
    {"hmget", hmget_command, -3, "readonly fast", 1, 1, 1},
    {"hdel", hdel_command, -3, "write fast", 1, 1, 1},
    {"hgetall", hgetall_command, 2, "readonly random", 1, 1, 1},
    {"hkeys", hkeys_command, 2, "readonly sort_for_script", 1, 1, 1},
    {"hvals", hvals_command, 2, "readonly sort_for_script", 1, 1, 1},
    {"hlen", hlen_command, 2, "readonly fast", 1, 1, 1},
    {"hexists", hexists_command, 3, "readonly fast", 1, 1, 1},
    {"hincrby", hincrby_command, 4, "write denyoom fast", 1, 1, 1},
    {"hsetnx", hsetnx_command, 4, "write denyoom fast", 1, 1, 1},
    {"hstrlen", hstrlen_command, 3, "readonly fast", 1, 1, 1},
    {"hincrbyfloat", hincrbyfloat_command, 4, "write denyoom fast", 1, 1, 1},
    {"hrandfield", hrandfield_command, -2, "readonly random", 1, 1, 1},
    {"hscan", hscan_command, -3, "readonly random", 1, 1, 1},
    {"sadd", sadd_command, -3, "write denyoom fast", 1, 1, 1},
    {"srem", srem_command, -3, "write fast", 1, 1, 1},
    {"smembers", smembers_command, 2, "readonly sort_for_script", 1, 1, 1},
    {"sismember", sismember_command, 3, "readonly fast", 1, 1, 1},
    {"scard", scard_command, 2, "readonly fast", 1, 1, 1},
    {"spop", spop_command, -2, "write random fast", 1, 1, 1},
    {"srandmember", srandmember_command, -2, "readonly random", 1, 1, 1},
    {"smove", smove_command, 4, "write fast", 1, 2, 1},
    {"sinter", sinter_command, -2, "readonly sort_for_script", 1, -1, 1},
    {"sunion", sunion_command, -2, "readonly sort_for_script", 1, -1, 1},
    {"sdiff", sdiff_command, -2, "readonly sort_for_script", 1, -1, 1},
    {"sinterstore", sinterstore_command, -3, "write denyoom", 1, -1, 1},
    {"sunionstore", sunionstore_command, -3, "write denyoom", 1, -1, 1},
    {"sdiffstore", sdiffstore_command, -3, "write denyoom", 1, -1, 1},
    {"smismember", smismember_command, -3, "readonly fast", 1, 1, 1},
    {"sscan", sscan_command, -3, "readonly random", 1, 1, 1},
    {"zadd", zadd_command, -4, "write denyoom fast", 1, 1, 1},
    {"zincrby", zincrby_command, 4, "write denyoom fast", 1, 1, 1},
    {"zrem", zrem_command, -3, "write fast", 1, 1, 1},
    {"zscore", zscore_command, 3, "readonly fast", 1, 1, 1},
    {"zmscore", zmscore_command, -3, "readonly fast", 1, 1, 1},
    {"zcard", zcard_command, 2, "readonly fast", 1, 1, 1},
    {"zcount", zcount_command, 4, "readonly fast", 1, 1, 1},
    {"zlexcount", zlexcount_command, 4, "readonly fast", 1, 1, 1},
    {"zrank", zrank_command, 3, "readonly fast", 1, 1, 1},
    {"zrevrank", zrevrank_command, 3, "readonly fast", 1, 1, 1},
    {"zrange", zrange_command, -4, "readonly", 1, 1, 1},
    {"zrevrange", zrevrange_command, -4, "readonly", 1, 1, 1},
    {"zrangebyscore", zrangebyscore_command, -4, "readonly", 1, 1, 1},
    {"zrevrangebyscore", zrevrangebyscore_command, -4, "readonly", 1, 1, 1},
    {"zrangebylex", zrangebylex_command, -4, "readonly", 1, 1, 1},
    {"zrevrangebylex", zrevrangebylex_command, -4, "readonly", 1, 1, 1},
    {"zpopmin", zpopmin_command, -2, "write fast", 1, 1, 1},
    {"zpopmax", zpopmax_command, -2, "write fast", 1, 1, 1},
    {"zremrangebyrank", zremrangebyrank_command, 4, "write", 1, 1, 1},
    {"zremrangebyscore", zremrangebyscore_command, 4, "write", 1, 1, 1},
    {"zremrangebylex", zremrangebylex_command, 4, "write", 1, 1, 1},
    {"zscan", zscan_command, -3, "readonly random", 1, 1, 1},
    {"zrandmember", zrandmember_command, -2, "readonly random", 1, 1, 1},
    {"blpop", blpop_command, -3, "write noscript", 1, -2, 1},
    {"brpop", brpop_command, -3, "write noscript", 1, -2, 1},
    {"brpoplpush", brpoplpush_command, 4, "write denyoom noscript", 1, 2, 1},
    {"blmove", blmove_command, 6, "write denyoom noscript", 1, 2, 1},
    {"bzpopmin", bzpopmin_command, -3, "write noscript fast", 1, -2, 1},
    {"bzpopmax", bzpopmax_command, -3, "write noscript fast", 1, -2, 1},
    {"ping", ping_command, -1, "stale fast", 0, 0, 0},
    {"echo", echo_command, 2, "fast", 0, 0, 0},
    {"quit", quit_command, -1, "loading stale fast", 0, 0, 0},
    {"select", select_command, 2, "loading stale fast", 0, 0, 0},
    {"hello", hello_command, -1, "noscript loading stale fast", 0, 0, 0},
    {"client", client_command, -2, "admin noscript random loading stale", 0, 0, 0},
    {"multi", multi_command, 1, "noscript loading stale fast", 0, 0, 0},
    {"exec", exec_command, 1, "noscript loading stale skip_slowlog", 0, 0, 0},
    {"discard", discard_command, 1, "noscript loading stale fast", 0, 0, 0},
    {"watch", watch_command, -2, "noscript loading stale fast", 1, -1, 1},
    {"unwatch", unwatch_command, 1, "noscript loading stale fast", 0, 0, 0},
    {"command", command_command, -1, "random loading stale", 0, 0, 0},
    {"info", info_command, -1, "random loading stale", 0, 0, 0},
    {"config", config_command, -2, "admin noscript loading stale", 0, 0, 0},
    {"save", save_command, 1, "admin noscript", 0, 0, 0},
    {"bgsave", bgsave_command, -1, "admin noscript", 0, 0, 0},
    {"lastsave", lastsave_command, 1, "random loading stale fast", 0, 0, 0},
    {"shutdown", shutdown_command, -1, "admin noscript loading stale", 0, 0, 0},
    {"time", time_command, 1, "random loading stale fast", 0, 0, 0},
    {"debug", debug_command, -2, "admin noscript loading stale", 0, 0, 0},
    {"role", role_command, 1, "noscript loading stale fast", 0, 0, 0},
    {"monitor", monitor_command, 1, "admin noscript loading stale", 0, 0, 0},
    {"slowlog", slowlog_command, -2, "admin random loading stale", 0, 0, 0},
    {"subscribe", subscribe_command, -2, "pubsub noscript loading stale", 0, 0, 0},
    {"unsubscribe", unsubscribe_command, -1, "pubsub noscript loading stale", 0, 0, 0},
    {"psubscribe", psubscribe_command, -2, "pubsub noscript loading stale", 0, 0, 0},
    {"punsubscribe", punsubscribe_command, -1, "pubsub noscript loading stale", 0, 0, 0},
    {"publish", publish_command, 3, "pubsub loading stale fast may_replicate", 0, 0, 0},
    {"pubsub", pubsub_command, -2, "pubsub random loading stale", 0, 0, 0},
};
#define NUM_COMMANDS ((int)(sizeof command_table / sizeof command_table[0]))

static struct dict *command_dict;        /* lower-case name -> its entry of command_table */

void commands_init(void)
{
    command_dict = dict_new(NULL);
    for (int i = 0; i < NUM_COMMANDS; i++)
        dict_add(command_dict, str_new(command_table[i].name, strlen(command_table[i].name)),
                 (void *)&command_table[i]);
}

const struct command *find_command(struct str *name)
{
    char lower[32];
    if (name->len >= sizeof lower)
        return NULL;
    for (size_t i = 0; i < name->len; i++) {
        lower[i] = ascii_lower(name->buf[i]);
    }
    struct entry *e = dict_find(command_dict, lower, name->len);
    return e ? e->val : NULL;
}

/* One command's COMMAND entry (Redis 6.2's shape): name, arity, flags, first key, last key,
 * step, ACL categories. */
static void command_info(struct client *c, const struct command *cmd)
{
    const char *flags[8];
    char buf[128];
    int nflags = 0;
    snprintf(buf, sizeof buf, "%s", cmd->flags);
    for (char *f = strtok(buf, " "); f && nflags < 8; f = strtok(NULL, " "))
        flags[nflags++] = f;
    reply_array(c, 7);
    reply_cstr(c, cmd->name);
    reply_int(c, cmd->arity);
    reply_set(c, nflags);
    for (int i = 0; i < nflags; i++)
        reply_status(c, flags[i]);
    reply_int(c, cmd->first_key);
    reply_int(c, cmd->last_key);
    reply_int(c, cmd->step);
    reply_set(c, 0);
}

/* COMMAND, COMMAND COUNT, COMMAND INFO name..., COMMAND DOCS [name...] */
void command_command(struct client *c)
{
    if (c->argc == 1) {
        reply_array(c, NUM_COMMANDS);
        for (int i = 0; i < NUM_COMMANDS; i++)
            command_info(c, &command_table[i]);
    } else if (c->argc == 2 && arg_is(c, 1, "COUNT")) {
        reply_int(c, NUM_COMMANDS);
    } else if (arg_is(c, 1, "INFO")) {
        reply_array(c, c->argc - 2);
        for (int i = 2; i < c->argc; i++) {
            const struct command *cmd = find_command(ARG(i));
            if (cmd)
                command_info(c, cmd);
            else
                reply_null_array(c);
        }
    } else if (arg_is(c, 1, "DOCS")) {
        reply_map(c, 0);                  /* no documentation here: clients fall back to none */
    } else {
        unknown_subcommand(c, "COMMAND");
    }
}

/* A command changed the data: the clients that wait on it hear of it. */
static void data_changed(struct client *c, const struct command *cmd)
{
    if (server.watching)
        touch_command_keys(c, cmd);           /* WATCH: the keys it names changed (multi.c) */
    if (server.nblocked)
        serve_blocked_clients();              /* BLPOP...: something to take now? (blocked.c) */
}

/* The slow log's clock is the machine's cycle counter: the instructions retired, one a cycle at
 * the modeled 2.5 GHz (the kernel's CPU-time clock counts them so too). Reading it is one
 * instruction, where clock_gettime is a system call dearer than most of the commands it would
 * time; and it is deterministic: the same commands log the same durations on every machine. It
 * times the command's own work, not the kernel's in the system calls it makes. */
#define CYCLES_PER_US 2500ULL

/* Run cmd, timed for the slow log (monitor.c), show it to the monitors, if any, and wake whoever
 * waits on the keys it changed. */
void call(struct client *c, const struct command *cmd)
{
    long long dirty = server.dirty, slower_than = server.slowlog_log_slower_than;
    unsigned long long start = __builtin_readcyclecounter(), cycles;
    c->cmd = cmd;
    server.stat_commands++;
    cmd->proc(c);
    cycles = __builtin_readcyclecounter() - start;
    if (slower_than >= 0 && cycles >= (unsigned long long)slower_than * CYCLES_PER_US)
        slowlog_push(c, cmd, (long long)(cycles / CYCLES_PER_US));
    if (server.monitors)
        feed_monitors(c, cmd);
    if (server.dirty != dirty && (server.watching || server.nblocked))
        data_changed(c, cmd);
}

static void unknown_command(struct client *c)
{
    char args[160];
    size_t n = 0;
    args[0] = 0;
    for (int i = 1; i < c->argc && n < 128; i++)
        n += (size_t)snprintf(args + n, sizeof args - n, "'%.*s' ", (int)(128 - n), ARG(i)->buf);
    if (n >= sizeof args)
        n = sizeof args - 1;
    args[n] = 0;
    reply_error(c, "ERR unknown command '%.128s', with args beginning with: %s", ARG(0)->buf, args);
}

/* The command argv[0] names: the client's last one again when the name is the same (a client
 * mostly repeats itself: a batch of SETs, a pipeline, a benchmark), else from the table. */
static const struct command *command_named(struct client *c)
{
    const struct command *last = c->cmd;
    if (last && arg_is(c, 0, last->name))
        return last;
    return find_command(ARG(0));
}

/* Run (or, inside MULTI, queue) the command in c->argv. */
void process_command(struct client *c)
{
    const struct command *cmd = command_named(c);
    int queuing = c->in_multi && cmd && cmd->proc != exec_command && cmd->proc != discard_command &&
                  cmd->proc != multi_command && cmd->proc != watch_command && cmd->proc != quit_command;
    if (!cmd) {
        unknown_command(c);
        c->multi_error = c->in_multi;
    } else if ((cmd->arity > 0 && c->argc != cmd->arity) || c->argc < -cmd->arity) {
        reply_error(c, "ERR wrong number of arguments for '%s' command", cmd->name);
        c->multi_error = c->in_multi;
    } else if (c->resp == 2 && subscription_count(c) > 0 && !allowed_while_subscribed(cmd)) {
        /* a subscribed RESP2 connection carries messages: only what keeps it readable (pubsub.c) */
        reply_error(c, "ERR Can't execute '%s': only (P)SUBSCRIBE / (P)UNSUBSCRIBE / PING / QUIT / RESET "
                       "are allowed in this context", cmd->name);
        c->multi_error = c->in_multi;
    } else if (queuing) {
        if (c->nqueued == c->queue_cap) {
            c->queue_cap = c->queue_cap ? c->queue_cap * 2 : 8;
            c->queue = xrealloc(c->queue, (size_t)c->queue_cap * sizeof *c->queue);
        }
        struct str **copy = xmalloc((size_t)c->argc * sizeof *copy);    /* argv is gone after this */
        for (int i = 0; i < c->argc; i++)
            copy[i] = str_new(ARG(i)->buf, ARG(i)->len);
        c->queue[c->nqueued].argc = c->argc;
        c->queue[c->nqueued].argv = copy;
        c->nqueued++;
        reply_status(c, "QUEUED");
    } else {
        call(c, cmd);
    }
}
