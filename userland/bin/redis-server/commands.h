/*
 * commands.h - what the command files share: the command table's entry, the common error
 * messages, the helpers that read arguments and look keys up (commands.c), and every handler,
 * grouped by the file it lives in, as Redis groups them (t_string.c, t_list.c, ...).
 */
#ifndef COMMANDS_H
#define COMMANDS_H

#include "server.h"

struct command {
    const char *name;
    void (*proc)(struct client *c);
    int arity;                       /* argc exactly, or at least -arity when negative */
    const char *flags;               /* as COMMAND reports them, space-separated */
    int first_key, last_key, step;
};

extern const char ERR_INT[], ERR_SYNTAX[], ERR_WRONGTYPE[], ERR_POSITIVE[];

#define ARG(i) (c->argv[i])

/* ---- commands.c: arguments, keys, running a command ------------------------------------------ */
int arg_is(struct client *c, int i, const char *word);         /* ARG(i) is word, any case */
int arg_ll(struct client *c, int i, long long *v);             /* 0 after replying ERR_INT */
int expire_time(long long t, long long unit, int absolute, long long *when);   /* 0: overflow */
int read_key(struct client *c, int i, int type, struct value **v);
struct value *write_key(struct client *c, int i, int type);
void drop_if_empty(struct client *c, int i, struct value *v);
int optional_count(struct client *c, long long *count);      /* LPOP's, SPOP's; 0 after the error */
int add_overflows(long long cur, long long delta);
void remove_elements(struct client *c, int type);            /* HDEL, SREM */
void reply_length(struct client *c, int type);               /* LLEN, HLEN, SCARD, ZCARD */
const struct command *find_command(struct str *name);
void call(struct client *c, const struct command *cmd);
void unknown_subcommand(struct client *c, const char *command);
void reply_help(struct client *c, const char *const *lines, int n);
#define HELP_LINES(lines) (lines), (int)(sizeof(lines) / sizeof((lines)[0]))
void command_command(struct client *c);

/* ---- t_string.c ------------------------------------------------------------------------------ */
void get_command(struct client *c);
void set_command(struct client *c);
void setnx_command(struct client *c);
void setex_command(struct client *c);
void psetex_command(struct client *c);
void getset_command(struct client *c);
void mget_command(struct client *c);
void mset_command(struct client *c);
void incr_command(struct client *c);
void decr_command(struct client *c);
void incrby_command(struct client *c);
void decrby_command(struct client *c);
void append_command(struct client *c);
void strlen_command(struct client *c);
void msetnx_command(struct client *c);
void getdel_command(struct client *c);
void getex_command(struct client *c);
void getrange_command(struct client *c);
void setrange_command(struct client *c);
void incrbyfloat_command(struct client *c);

/* ---- keyspace.c ------------------------------------------------------------------------------ */
void del_command(struct client *c);
void exists_command(struct client *c);
void expire_command(struct client *c);
void pexpire_command(struct client *c);
void expireat_command(struct client *c);
void pexpireat_command(struct client *c);
void ttl_command(struct client *c);
void pttl_command(struct client *c);
void persist_command(struct client *c);
void type_command(struct client *c);
void rename_command(struct client *c);
void dbsize_command(struct client *c);
void flushdb_command(struct client *c);
void flushall_command(struct client *c);
void randomkey_command(struct client *c);
void keys_command(struct client *c);
void scan_command(struct client *c);
void scan_generic(struct client *c, int type);   /* SCAN (type -1), HSCAN, SSCAN (the key's type) */
void renamenx_command(struct client *c);
void move_command(struct client *c);
void copy_command(struct client *c);
void swapdb_command(struct client *c);
void touch_command(struct client *c);

/* ---- t_list.c -------------------------------------------------------------------------------- */
void lpush_command(struct client *c);
void rpush_command(struct client *c);
void lpop_command(struct client *c);
void rpop_command(struct client *c);
void llen_command(struct client *c);
void lindex_command(struct client *c);
void lrange_command(struct client *c);
void list_move(struct client *c, int from_head, int to_head);   /* LMOVE's work */
int list_end(struct client *c, int i);     /* LEFT 1, RIGHT 0, -1 after the error */
void lpushx_command(struct client *c);
void rpushx_command(struct client *c);
void lset_command(struct client *c);
void lrem_command(struct client *c);
void ltrim_command(struct client *c);
void linsert_command(struct client *c);
void lpos_command(struct client *c);
void rpoplpush_command(struct client *c);
void lmove_command(struct client *c);

/* ---- t_hash.c -------------------------------------------------------------------------------- */
void hset_command(struct client *c);
void hmset_command(struct client *c);
void hget_command(struct client *c);
void hmget_command(struct client *c);
void hdel_command(struct client *c);
void hgetall_command(struct client *c);
void hkeys_command(struct client *c);
void hvals_command(struct client *c);
void hlen_command(struct client *c);
void hexists_command(struct client *c);
void hincrby_command(struct client *c);
void hsetnx_command(struct client *c);
void hstrlen_command(struct client *c);
void hincrbyfloat_command(struct client *c);
void hrandfield_command(struct client *c);
void zrandmember_command(struct client *c);
void hscan_command(struct client *c);

/* ---- t_set.c --------------------------------------------------------------------------------- */
void sadd_command(struct client *c);
void srem_command(struct client *c);
void smembers_command(struct client *c);
void sismember_command(struct client *c);
void scard_command(struct client *c);
void spop_command(struct client *c);
void srandmember_command(struct client *c);
void smove_command(struct client *c);
void sinter_command(struct client *c);
void sunion_command(struct client *c);
void sdiff_command(struct client *c);
void sinterstore_command(struct client *c);
void sunionstore_command(struct client *c);
void sdiffstore_command(struct client *c);
void smismember_command(struct client *c);
void sscan_command(struct client *c);
/* SRANDMEMBER's and HRANDFIELD's count random entries (values: a hash's, after each field) */
void reply_random_entries(struct client *c, struct dict *d, long long count, int values);
void reply_random(struct client *c, int type, long long count, int values);   /* SRANDMEMBER, HRANDFIELD */
void reply_random_with(struct client *c, int type, const char *with);          /* HRANDFIELD, ZRANDMEMBER */
int arg_signed_count(struct client *c, int i, long long *v);   /* not LLONG_MIN: 0 after an error */

/* ---- t_zset.c -------------------------------------------------------------------------------- */
void zadd_command(struct client *c);
void zincrby_command(struct client *c);
void zrem_command(struct client *c);
void zscore_command(struct client *c);
void zmscore_command(struct client *c);
void zcard_command(struct client *c);
void zcount_command(struct client *c);
void zlexcount_command(struct client *c);
void zrank_command(struct client *c);
void zrevrank_command(struct client *c);
void zrange_command(struct client *c);
void zrevrange_command(struct client *c);
void zrangebyscore_command(struct client *c);
void zrevrangebyscore_command(struct client *c);
void zrangebylex_command(struct client *c);
void zrevrangebylex_command(struct client *c);
void zpopmin_command(struct client *c);
void zpopmax_command(struct client *c);
void zremrangebyrank_command(struct client *c);
void zremrangebyscore_command(struct client *c);
void zremrangebylex_command(struct client *c);
void zscan_command(struct client *c);

/* ---- blocked.c ------------------------------------------------------------------------------- */
void blpop_command(struct client *c);
void brpop_command(struct client *c);
void brpoplpush_command(struct client *c);
void blmove_command(struct client *c);
void bzpopmin_command(struct client *c);
void bzpopmax_command(struct client *c);

/* ---- multi.c --------------------------------------------------------------------------------- */
void multi_command(struct client *c);
void discard_command(struct client *c);
void exec_command(struct client *c);
void watch_command(struct client *c);
void unwatch_command(struct client *c);
void touch_command_keys(struct client *c, const struct command *cmd);

/* ---- pubsub.c -------------------------------------------------------------------------------- */
void subscribe_command(struct client *c);
void unsubscribe_command(struct client *c);
void psubscribe_command(struct client *c);
void punsubscribe_command(struct client *c);
void publish_command(struct client *c);
void pubsub_command(struct client *c);
int allowed_while_subscribed(const struct command *cmd);   /* in RESP2 */
void pubsub_ping(struct client *c);              /* PING's answer to a subscribed RESP2 client */

/* ---- object.c ------------------------------------------------------------------------------- */
void object_command(struct client *c);
void memory_command(struct client *c);
void dump_command(struct client *c);
void restore_command(struct client *c);
size_t dataset_memory(void);                     /* every key's MEMORY USAGE, summed (INFO) */

/* ---- monitor.c ------------------------------------------------------------------------------ */
void monitor_command(struct client *c);
void slowlog_command(struct client *c);

/* ---- clients.c ------------------------------------------------------------------------------ */
void client_command(struct client *c);
int set_client_name(struct client *c, struct str *name);   /* 0 after the error */

/* ---- server_commands.c ----------------------------------------------------------------------- */
void ping_command(struct client *c);
void echo_command(struct client *c);
void quit_command(struct client *c);
void select_command(struct client *c);
void hello_command(struct client *c);
void role_command(struct client *c);
void save_command(struct client *c);
void bgsave_command(struct client *c);
void lastsave_command(struct client *c);
void shutdown_command(struct client *c);
void time_command(struct client *c);
void debug_command(struct client *c);
void info_command(struct client *c);
void config_command(struct client *c);

#endif
