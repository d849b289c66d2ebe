/*
 * server.h - the mini Redis's shared declarations: strings, values, the keyspace, clients, the
 * server's state, and the functions each file exports.
 *
 * How a request travels through the server:
 *
 *   server.c    options, the listening socket, the poll event loop, clients' buffers, the cron
 *               (save rules, expiry), logging, shutdown
 *   resp.c      bytes -> a command's arguments (RESP2 multibulk or inline), replies -> bytes
 *               (RESP2, and RESP3 after HELLO 3)
 *   commands.c  the command table (name, arity, flags, key positions, handler), lookup, MULTI's
 *               queueing; the handlers, a file per kind: t_string.c, t_list.c, t_hash.c,
 *               t_set.c, t_zset.c (with the sorted set's skip list), keyspace.c (any key),
 *               multi.c (MULTI/EXEC/WATCH), blocked.c (BLPOP and the commands that
 *               wait), server_commands.c (connection, server), clients.c (CLIENT),
 *               object.c (OBJECT, MEMORY, DUMP, RESTORE: one key's value as a whole),
 *               monitor.c (MONITOR and SLOWLOG: the commands as they run)
 *   db.c        the keyspace: a hash table per database, expiry, and the value types
 *               string, list, hash and set (sorted sets: t_zset.c)
 *   rdb.c       the RDB file (version 9, as Redis 6.2 writes it): save, load, CRC64, LZF
 *   bgsave.c    BGSAVE: the snapshot written by a forked child while the parent serves on
 *   pubsub.c    publish/subscribe: who listens to which channel or pattern; PUBLISH writes
 *               the message into each subscriber's output buffer
 *   util.c      memory, integers, glob patterns, time
 */
#ifndef SERVER_H
#define SERVER_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#define REDIS_VERSION "6.2.0"       /* the protocol and RDB level we speak (redis-py reads it) */
#define NUM_DBS 16
#define CRON_HZ 10                   /* the cron runs 10 times a second, as Redis's default hz */

/* ---- util.c ---------------------------------------------------------------------------------- */

void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
void *xcalloc(size_t n, size_t size);

/* A binary-safe string; buf always has a NUL after its len bytes (C functions may read it). */
struct str {
    size_t len;
    char *buf;
};
struct str *str_new(const char *p, size_t len);     /* p may be NULL: len zero bytes */
int str_overwrite(struct str *s, const struct str *t);   /* s = t in s's own room, if it fits: 1 */
struct str *str_from_ll(long long v);
void str_free(struct str *s);
struct str *str_append(struct str *s, const char *p, size_t len);   /* s, moved */
struct str *str_resize(struct str *s, size_t len);  /* longer, zero-filled; NULL: no memory */

/* Integers as Redis reads them: optional '-', digits, no leading zeros or spaces, in range. */
int parse_ll(const char *p, size_t len, long long *out);
int ll_to_str(char *buf, long long v);               /* its length; buf needs 21 bytes */
int parse_double(const char *p, size_t len, double *out);   /* strtod's syntax, all of p, not NaN */
int double_to_str(char *buf, double v);              /* INCRBYFLOAT's form; buf needs 512 bytes */
int glob_match(const char *pat, size_t plen, const char *s, size_t slen, int nocase);
long long now_ms(void);                              /* the Unix time in milliseconds */
long long mono_us(void);                             /* a monotonic clock in microseconds */
long long now_us(void);                              /* the Unix time in microseconds */

/* ---- db.c: hash tables, values, databases ---------------------------------------------------- */

enum { TYPE_STRING, TYPE_LIST, TYPE_HASH, TYPE_SET, TYPE_ZSET };

/* A list: a ring buffer of strings (LPUSH and RPUSH are both O(1)). */
struct list {
    struct str **items;
    size_t head, len, cap;
};

struct entry {
    struct str *key;
    void *val;
    long long expire_ms;             /* -1: no expiry (only the keyspace uses it) */
    struct entry *next;              /* the chain of one bucket */
};

struct dict {
    struct entry **table;
    size_t size;                     /* buckets: 0 or a power of two */
    size_t used;
    void (*free_val)(void *val);
};

struct dict_iter {
    struct dict *d;
    size_t bucket;
    struct entry *next;
};

struct dict *dict_new(void (*free_val)(void *));
void dict_free(struct dict *d);
void dict_clear(struct dict *d);
struct entry *dict_find(struct dict *d, const char *key, size_t len);
struct entry *dict_add(struct dict *d, struct str *key, void *val);    /* key must be absent */
int dict_delete(struct dict *d, const char *key, size_t len);
struct entry *dict_random(struct dict *d);
unsigned long dict_scan(struct dict *d, unsigned long cursor,
                        void (*fn)(struct entry *e, void *arg), void *arg);
void dict_iter_init(struct dict_iter *it, struct dict *d);
struct entry *dict_iter_next(struct dict_iter *it);

/* A sorted set (t_zset.c): a dict from member to node, and a skip list of the nodes in order. */
struct zlevel {
    struct znode *forward;
    unsigned long span;              /* level-0 steps this link jumps */
};

struct znode {
    struct str *member;              /* the dict's key: the dict frees it */
    double score;
    struct znode *backward;          /* the node before on level 0, or NULL */
    struct zlevel level[];           /* as many as the node's height */
};

struct zset {
    struct dict *dict;               /* member -> its znode */
    struct znode *header;            /* before the first node, on every level */
    struct znode *tail;
    unsigned long length;
    int level;                       /* the height of the tallest node */
};

struct zset *zset_new(void);
void zset_free(struct zset *z);
int zset_add(struct zset *z, double score, const char *member, size_t len);   /* 1 if new */
struct znode *zset_find(struct zset *z, const struct str *member);
void zset_delete(struct zset *z, struct znode *n);   /* n's member with it */

struct value {
    int type;
    void *ptr;                       /* struct str, list, dict (hash, set) or zset */
};
struct value *value_new(int type);   /* an empty list, hash, set or zset, or an empty string */
struct value *value_string(struct str *s);
void value_free(void *v);
struct value *value_copy(const struct value *v);   /* deep (COPY) */
size_t value_length(const struct value *v);         /* items of a list, hash, set, zset */
const char *type_name(int type);

struct list *list_new(void);
void list_push(struct list *l, struct str *s, int head);
struct str *list_pop(struct list *l, int head);
struct str *list_at(struct list *l, size_t i);

struct db {
    int id;
    struct dict *keys;
    long long expires;               /* how many keys have an expiry */
};

struct value *db_lookup(struct db *db, const char *key, size_t len);   /* NULL if absent or expired */
struct entry *db_lookup_entry(struct db *db, const char *key, size_t len);
struct entry *db_set(struct db *db, const struct str *key, const struct str *val);   /* a copy of val; no expiry */
/* db_set for a caller that has just looked the key up: e is what db_lookup_entry gave (or NULL) */
struct entry *db_set_entry(struct db *db, struct entry *e, const struct str *key, const struct str *val);
void db_add(struct db *db, struct str *key, struct value *v, long long expire_ms);
int db_delete(struct db *db, const char *key, size_t len);
void db_set_expire(struct db *db, struct entry *e, long long when_ms);
void db_flush(struct db *db);
void db_expire_some(struct db *db, int buckets);   /* the cron's active expiry */
int key_expired(struct entry *e);

/* ---- clients and the server's state (server.c) ------------------------------------------- */

struct client {
    int fd;
    long long id;
    struct str *name;
    char addr[48];                   /* the peer's "ip:port" (getpeername), as Redis names clients */
    char laddr[48];                  /* our end's "ip:port" (getsockname) */
    long long ctime;                 /* the Unix second it connected */
    long long last_interaction;      /* the server.unixtime it last sent something */
    int monitor;                     /* after MONITOR: every command run is streamed to it */
    int close_asap;                  /* CLIENT KILL, or answers over OUTPUT_MAX: closed at the end of this turn of the loop */
    struct db *db;
    int resp;                        /* 2, or 3 after HELLO 3 */
    char *in;                        /* bytes read, not yet parsed */
    size_t in_len, in_cap;
    char *out;                       /* replies not yet written */
    size_t out_len, out_cap, out_pos;
    int argc;
    struct str **argv;               /* the command being run: c->slots, or a queued command's */
    struct str **slots;              /* argv's array, kept from one command to the next */
    struct str *views;               /* multibulk arguments: views of in, not copies */
    int argv_cap;
    int argv_owned;                  /* inline arguments are allocated: freed after the command */
    int close_after_reply;

    /* publish/subscribe (pubsub.c): its channels and patterns, in the order it subscribed */
    struct str **channels;
    int nchannels, channels_cap;
    struct str **patterns;
    int npatterns, patterns_cap;

    int in_multi, multi_error;      /* MULTI ... EXEC */
    struct queued *queue;
    int nqueued, queue_cap;
    const struct command *cmd;       /* the command being run, or the last one (commands.c) */
    struct watched_key *watched;     /* WATCH's keys (multi.c) */
    int nwatched, watched_cap;
    int dirty_cas;                   /* a watched key changed: EXEC will run nothing */
    int in_exec;                     /* running EXEC's commands: none may wait */

    /* a blocking command (BLPOP...) waiting for data (blocked.c) */
    int blocked;
    const struct command *block_cmd;
    int block_argc;
    struct str **block_argv;         /* a copy: what it sent after waits in `in` */
    long long block_deadline;        /* Unix ms; 0: no timeout */
    long long block_seq;             /* when it began to wait: the longest waiting goes first */
    int resume;                      /* no longer waiting: run what it sent meanwhile */
};

/* The channels and patterns a client subscribes to (pubsub.c keeps them). */
static inline int subscription_count(const struct client *c)
{
    return c->nchannels + c->npatterns;
}

struct queued {
    int argc;
    struct str **argv;
};

struct saveparam {
    long seconds, changes;
};

struct server {
    int port;
    char *dir, *dbfilename;
    struct saveparam *saveparams;
    int nsaveparams;
    int listen_fd;
    struct db db[NUM_DBS];
    long long start_ms;
    long long next_client_id;
    long long unixtime;              /* the Unix second, as of the last cron: cheap to read */
    struct client **clients;
    int nclients, clients_cap;
    int shutdown_asap;               /* SIGTERM or SIGINT came */
    long long loop_us;               /* the monotonic clock when the loop's last turn ended */
    int watching;                    /* clients that WATCH some key */
    int nblocked;                    /* clients waiting in BLPOP and the like */
    int nresume;                     /* clients served after waiting, to run what they sent */
    int nkilled;                     /* clients CLIENT KILL named, to close this turn */
    long long block_seq;             /* how many began to wait, ever */

    /* persistence */
    long long dirty;                 /* changes since the last successful save */
    long long lastsave;              /* Unix seconds of the last successful save */
    int lastbgsave_ok;               /* rdb_last_bgsave_status */
    long long lastbgsave_try;        /* Unix seconds of the last BGSAVE attempt */
    long long rdb_last_bgsave_time_sec;
    int bgsave_scheduled;            /* BGSAVE SCHEDULE while a save ran */

    /* the BGSAVE child (bgsave.c sets and clears these) */
    pid_t child_pid;                 /* 0: no child */
    int child_report_fd;             /* read end of the pipe the child reports its cost on */
    long long child_start_ms;
    long long dirty_before_bgsave;
    long long latest_fork_usec;      /* how long the last fork took */
    long long total_forks;
    long long child_pages_copied;    /* the last child's copy cost, as it reported it */
    long long child_caps_relocated;

    /* stats */
    long long stat_connections, stat_commands, stat_rejected;
    long long stat_expired, stat_hits, stat_misses;

    /* watching the commands as they run (monitor.c) */
    int monitors;                    /* clients in MONITOR mode: all call() tests when none */
    long long slowlog_log_slower_than;   /* microseconds; negative: no slow log */
    long long slowlog_max_len;

    /* publish/subscribe (pubsub.c) */
    struct dict *pubsub_channels;    /* channel -> its subscribers, in the order they came */
    struct pattern_sub *pubsub_patterns;   /* every (pattern, client), in subscription order */
    int npubsub_patterns, pubsub_patterns_cap;
};

extern struct server server;

void log_msg(char level, const char *fmt, ...);   /* '.', '-', '*' or '#', as Redis logs */
extern char log_role;                              /* 'M', or 'C' in a BGSAVE child */
void server_shutdown(int save);                     /* save 1, 0 or -1 (as the save rules say) */
int prepare_shutdown(int save);                     /* -1 if the final save failed */
void free_argv(int argc, struct str **argv);        /* copies and their array (MULTI's queue) */

/* ---- resp.c: requests and replies -------------------------------------------------------- */

int parse_request(struct client *c, size_t *pos);  /* 1 a command in argv, 0 more needed, -1 error */
void reply_raw(struct client *c, const char *p, size_t n);
int reply_room(struct client *c, size_t n);       /* 0: over OUTPUT_MAX, the client is closed */
void reply_ok(struct client *c);
void reply_status(struct client *c, const char *s);
void reply_error(struct client *c, const char *fmt, ...);    /* the message, code first: "ERR ..." */
void reply_int(struct client *c, long long v);
void reply_bulk(struct client *c, const char *p, size_t n);
void reply_str(struct client *c, struct str *s);
void reply_cstr(struct client *c, const char *s);
void reply_ll_bulk(struct client *c, long long v);
void reply_verbatim(struct client *c, const char *p, size_t n);   /* text: CLIENT LIST, INFO */
void reply_null(struct client *c);
void reply_null_array(struct client *c);
void reply_array(struct client *c, long n);
void reply_map(struct client *c, long n);         /* n pairs */
void reply_set(struct client *c, long n);
void reply_double(struct client *c, double d);   /* a score */
void reply_push(struct client *c, long n);       /* pub/sub's: an array in RESP2, a push in RESP3 */

/* ---- commands.c -------------------------------------------------------------------------- */

void commands_init(void);
void process_command(struct client *c);
void flush_all_dbs(void);
void discard_transaction(struct client *c);      /* multi.c: queued commands, watched keys */
void touch_watched_key(struct db *db, const struct str *key);
void touch_all_watched_keys(struct db *db);      /* db is emptied or swapped */
void serve_blocked_clients(void);                 /* blocked.c: the data changed, try again */
void unblock_timed_out_clients(void);
void unblock_client(struct client *c);
int set_save_rules(const char *text);            /* "S C S C ..."; 0 if malformed */

/* ---- rdb.c ------------------------------------------------------------------------------- */

int rdb_save(const char *filename);               /* temp-PID.rdb, then renamed: 0 or -1 */
int rdb_load(const char *filename);               /* 0 loaded, 1 no file, -1 a bad file */
uint64_t crc64(uint64_t crc, const unsigned char *p, size_t len);
struct str *rdb_dump(struct value *v);            /* DUMP's payload */
struct value *rdb_restore(const char *payload, size_t len, const char **why);   /* NULL: *why */
void crc64_init(void);                            /* its tables, once, before any fork */

/* ---- bgsave.c ---------------------------------------------------------------------------- */

int rdb_save_background(void);                    /* 0 started, -1 (errno) not */
void bgsave_check_done(void);                     /* reap the child if it ended */
void bgsave_kill(void);                           /* stop a running save (SHUTDOWN, FLUSHALL) */

/* ---- pubsub.c ---------------------------------------------------------------------------- */

void pubsub_client_gone(struct client *c);        /* out of every channel and pattern */

/* ---- monitor.c --------------------------------------------------------------------------- */

void slowlog_push(struct client *c, const struct command *cmd, long long duration);   /* in us */
void feed_monitors(struct client *c, const struct command *cmd);   /* which c just ran */
void monitor_client_gone(struct client *c);

#endif
