/*
 * server_commands.c - the commands about the connection and the server rather than the data:
 * PING, ECHO, QUIT, SELECT, HELLO, ROLE; SAVE, BGSAVE, LASTSAVE, SHUTDOWN, TIME, DEBUG; INFO
 * and CONFIG. (CLIENT: clients.c.)
 */
#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "server.h"
#include "commands.h"

void ping_command(struct client *c)
{
    if (c->argc > 2)
        reply_error(c, "ERR wrong number of arguments for 'ping' command");
    else if (c->resp == 2 && subscription_count(c) > 0)
        pubsub_ping(c);                       /* ["pong", message]: pubsub.c */
    else if (c->argc == 2)
        reply_str(c, ARG(1));
    else
        reply_status(c, "PONG");
}

void echo_command(struct client *c)
{
    reply_str(c, ARG(1));
}

void quit_command(struct client *c)
{
    reply_ok(c);
    c->close_after_reply = 1;
}

void select_command(struct client *c)
{
    long long id;
    if (!parse_ll(ARG(1)->buf, ARG(1)->len, &id))
        reply_error(c, ERR_INT);
    else if (id < 0 || id >= NUM_DBS)
        reply_error(c, "ERR DB index is out of range");
    else {
        c->db = &server.db[id];
        reply_ok(c);
    }
}

/* HELLO [protover [AUTH user pass] [SETNAME name]]: redis-py 8 sends HELLO 3 first. */
void hello_command(struct client *c)
{
    long long ver = c->resp;
    if (c->argc >= 2) {
        if (!parse_ll(ARG(1)->buf, ARG(1)->len, &ver)) {
            reply_error(c, "ERR Protocol version is not an integer or out of range");
            return;
        }
        if (ver != 2 && ver != 3) {
            reply_error(c, "NOPROTO unsupported protocol version");
            return;
        }
    }
    for (int i = 2; i < c->argc; i++) {
        if (arg_is(c, i, "AUTH") && i + 2 < c->argc)
            i += 2;                           /* no passwords: the default user needs none */
        else if (arg_is(c, i, "SETNAME") && i + 1 < c->argc) {
            if (!set_client_name(c, ARG(++i)))
                return;
        } else {
            reply_error(c, "ERR Syntax error in HELLO option '%s'", ARG(i)->buf);
            return;
        }
    }
    c->resp = (int)ver;
    reply_map(c, 7);
    reply_cstr(c, "server");
    reply_cstr(c, "redis");
    reply_cstr(c, "version");
    reply_cstr(c, REDIS_VERSION);
    reply_cstr(c, "proto");
    reply_int(c, ver);
    reply_cstr(c, "id");
    reply_int(c, c->id);
    reply_cstr(c, "mode");
    reply_cstr(c, "standalone");
    reply_cstr(c, "role");
    reply_cstr(c, "master");
    reply_cstr(c, "modules");
    reply_array(c, 0);
}

/* ROLE: a master with no replicas, at replication offset 0 (we replicate nothing). */
void role_command(struct client *c)
{
    reply_array(c, 3);
    reply_cstr(c, "master");
    reply_int(c, 0);
    reply_array(c, 0);
}

/* ---- server -------------------------------------------------------------------------------- */

void save_command(struct client *c)
{
    if (server.child_pid)
        reply_error(c, "ERR Background save already in progress");
    else if (rdb_save(server.dbfilename) == 0)
        reply_ok(c);
    else
        reply_error(c, "ERR the save failed (the server's log says why)");
}

/* BGSAVE [SCHEDULE] */
void bgsave_command(struct client *c)
{
    int schedule = c->argc == 2 && arg_is(c, 1, "SCHEDULE");
    if (c->argc > 2 || (c->argc == 2 && !schedule)) {
        reply_error(c, ERR_SYNTAX);
        return;
    }
    if (server.child_pid) {
        if (schedule) {
            server.bgsave_scheduled = 1;
            reply_status(c, "Background saving scheduled");
        } else {
            reply_error(c, "ERR Background save already in progress");
        }
    } else if (rdb_save_background() == 0) {
        reply_status(c, "Background saving started");
    } else {
        reply_error(c, "ERR Background saving failed: %s", strerror(errno));
    }
}

void lastsave_command(struct client *c)
{
    reply_int(c, server.lastsave);
}

/* SHUTDOWN [SAVE|NOSAVE]: no reply when it works, the connection just closes. */
void shutdown_command(struct client *c)
{
    int save = -1;
    for (int i = 1; i < c->argc; i++) {
        if (arg_is(c, i, "SAVE"))
            save = 1;
        else if (arg_is(c, i, "NOSAVE"))
            save = 0;
        else if (!arg_is(c, i, "NOW") && !arg_is(c, i, "FORCE")) {
            reply_error(c, ERR_SYNTAX);
            return;
        }
    }
    log_msg('#', "User requested shutdown...");
    if (prepare_shutdown(save) < 0) {
        reply_error(c, "ERR Errors trying to SHUTDOWN. Check logs.");
        return;
    }
    exit(0);
}

void time_command(struct client *c)
{
    long long us = now_ms() * 1000;
    reply_array(c, 2);
    reply_ll_bulk(c, us / 1000000);
    reply_ll_bulk(c, us % 1000000);
}

/* DEBUG POPULATE count [prefix] [size]: keys prefix:0 ... with values "value:N", zero-padded (or
 * cut) to size bytes, exactly as Redis makes them; keys that exist are left alone. */
static void debug_populate(struct client *c)
{
    long long count, size = 0;
    char key[256], val[64];
    if (c->argc > 5) {
        unknown_subcommand(c, "DEBUG");
        return;
    }
    if (!parse_ll(ARG(2)->buf, ARG(2)->len, &count) || count < 0 ||
        (c->argc == 5 && (!parse_ll(ARG(4)->buf, ARG(4)->len, &size) || size < 0))) {
        reply_error(c, ERR_POSITIVE);
        return;
    }
    const char *prefix = c->argc >= 4 ? ARG(3)->buf : "key";
    for (long long j = 0; j < count; j++) {
        int klen = snprintf(key, sizeof key, "%s:%lld", prefix, j);
        if (klen >= (int)sizeof key)
            klen = (int)sizeof key - 1;
        if (db_lookup(c->db, key, (size_t)klen))
            continue;
        size_t vlen = (size_t)snprintf(val, sizeof val, "value:%lld", j);
        struct str *v;
        if (size == 0) {
            v = str_new(val, vlen);
        } else {
            v = str_new(NULL, (size_t)size);
            memcpy(v->buf, val, (size_t)size < vlen ? (size_t)size : vlen);
        }
        db_add(c->db, str_new(key, (size_t)klen), value_string(v), -1);
    }
    reply_ok(c);
}

void debug_command(struct client *c)
{
    if (c->argc >= 3 && arg_is(c, 1, "POPULATE")) {
        debug_populate(c);
    } else if (c->argc == 3 && arg_is(c, 1, "SLEEP")) {
        double secs = strtod(ARG(2)->buf, NULL);
        if (secs > 0)
            usleep((useconds_t)(secs * 1000000));
        reply_ok(c);
    } else if (c->argc == 2 && arg_is(c, 1, "RELOAD")) {
        if (rdb_save(server.dbfilename) != 0) {
            reply_error(c, "ERR Error trying to save the DB");
            return;
        }
        flush_all_dbs();
        if (rdb_load(server.dbfilename) != 0) {
            reply_error(c, "ERR Error trying to load the RDB dump");
            return;
        }
        log_msg('*', "DB reloaded by DEBUG RELOAD");
        reply_ok(c);
    } else {
        unknown_subcommand(c, "DEBUG");
    }
}

/* ---- INFO ------------------------------------------------------------------------------------ */

static void info_add(struct str **s, const char *fmt, ...)
{
    char line[256];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(line, sizeof line - 2, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 3)
        n = (int)sizeof line - 3;
    line[n++] = '\r';
    line[n++] = '\n';
    *s = str_append(*s, line, (size_t)n);
}

static void info_server(struct str **s)
{
    long long up = (now_ms() - server.start_ms) / 1000;
    info_add(s, "# Server");
    info_add(s, "redis_version:%s", REDIS_VERSION);
    info_add(s, "redis_mode:standalone");
    info_add(s, "os:ufos");
    info_add(s, "arch_bits:64");
    info_add(s, "multiplexing_api:poll");
    info_add(s, "process_id:%d", (int)getpid());
    info_add(s, "tcp_port:%d", server.port);
    info_add(s, "uptime_in_seconds:%lld", up);
    info_add(s, "uptime_in_days:%lld", up / 86400);
    info_add(s, "hz:%d", CRON_HZ);
    info_add(s, "executable:/bin/redis-server");
    info_add(s, "config_file:");
}

static void info_clients(struct str **s)
{
    info_add(s, "# Clients");
    info_add(s, "connected_clients:%d", server.nclients);
    info_add(s, "blocked_clients:%d", server.nblocked);
}

/* bytes as Redis's bytesToHuman: 937896 -> "915.91K" */
static void human_bytes(char *buf, size_t size, double n)
{
    static const char units[] = "KMGTP";
    int u = -1;
    while (n >= 1024 && u < 4) {
        n /= 1024;
        u++;
    }
    if (u < 0)
        snprintf(buf, size, "%.0fB", n);
    else
        snprintf(buf, size, "%.2f%c", n, units[u]);
}

/* What the keys hold (MEMORY USAGE's count, summed) and the clients' buffers: the memory this
 * server's own allocations take, counted when asked, for the allocator keeps no total. */
static void info_memory(struct str **s)
{
    size_t dataset = dataset_memory(), clients = 0;
    char human[32];
    for (int i = 0; i < server.nclients; i++)
        clients += malloc_usable_size(server.clients[i]->in) + malloc_usable_size(server.clients[i]->out);
    human_bytes(human, sizeof human, (double)(dataset + clients));
    info_add(s, "# Memory");
    info_add(s, "used_memory:%lu", (unsigned long)(dataset + clients));
    info_add(s, "used_memory_human:%s", human);
    info_add(s, "used_memory_dataset:%lu", (unsigned long)dataset);
    info_add(s, "mem_clients_normal:%lu", (unsigned long)clients);
    info_add(s, "maxmemory:0");
    info_add(s, "maxmemory_human:0B");
    info_add(s, "maxmemory_policy:noeviction");
    info_add(s, "mem_allocator:libc");
}

static void info_persistence(struct str **s)
{
    long long now = now_ms() / 1000;
    info_add(s, "# Persistence");
    info_add(s, "loading:0");
    info_add(s, "rdb_changes_since_last_save:%lld", server.dirty);
    info_add(s, "rdb_bgsave_in_progress:%d", server.child_pid != 0);
    info_add(s, "rdb_last_save_time:%lld", server.lastsave);
    info_add(s, "rdb_last_bgsave_status:%s", server.lastbgsave_ok ? "ok" : "err");
    info_add(s, "rdb_last_bgsave_time_sec:%lld", server.rdb_last_bgsave_time_sec);
    info_add(s, "rdb_current_bgsave_time_sec:%lld",
             server.child_pid ? now - server.child_start_ms / 1000 : -1LL);
    info_add(s, "rdb_last_cow_size:%lld", server.child_pages_copied * 4096);
    info_add(s, "rdb_last_bgsave_pages_copied:%lld", server.child_pages_copied);
    info_add(s, "rdb_last_bgsave_caps_relocated:%lld", server.child_caps_relocated);
    info_add(s, "aof_enabled:0");
}

static void info_stats(struct str **s)
{
    info_add(s, "# Stats");
    info_add(s, "total_connections_received:%lld", server.stat_connections);
    info_add(s, "total_commands_processed:%lld", server.stat_commands);
    info_add(s, "rejected_connections:%lld", server.stat_rejected);
    info_add(s, "expired_keys:%lld", server.stat_expired);
    info_add(s, "evicted_keys:0");
    info_add(s, "keyspace_hits:%lld", server.stat_hits);
    info_add(s, "keyspace_misses:%lld", server.stat_misses);
    info_add(s, "latest_fork_usec:%lld", server.latest_fork_usec);
    info_add(s, "total_forks:%lld", server.total_forks);
}

static void info_replication(struct str **s)
{
    info_add(s, "# Replication");
    info_add(s, "role:master");
    info_add(s, "connected_slaves:0");
    info_add(s, "master_repl_offset:0");
    info_add(s, "repl_backlog_active:0");
}

/* CPU time as the kernel counts it (getrusage): ours, and the BGSAVE children's. */
static void info_cpu(struct str **s)
{
    struct rusage self, children;
    getrusage(RUSAGE_SELF, &self);
    getrusage(RUSAGE_CHILDREN, &children);
    info_add(s, "# CPU");
    info_add(s, "used_cpu_sys:%ld.%06ld", (long)self.ru_stime.tv_sec, (long)self.ru_stime.tv_usec);
    info_add(s, "used_cpu_user:%ld.%06ld", (long)self.ru_utime.tv_sec, (long)self.ru_utime.tv_usec);
    info_add(s, "used_cpu_sys_children:%ld.%06ld", (long)children.ru_stime.tv_sec, (long)children.ru_stime.tv_usec);
    info_add(s, "used_cpu_user_children:%ld.%06ld", (long)children.ru_utime.tv_sec, (long)children.ru_utime.tv_usec);
}

static void info_keyspace(struct str **s)
{
    info_add(s, "# Keyspace");
    for (int i = 0; i < NUM_DBS; i++)
        if (server.db[i].keys->used)
            info_add(s, "db%d:keys=%lu,expires=%lld,avg_ttl=0", i, (unsigned long)server.db[i].keys->used,
                     server.db[i].expires);
}

/* INFO [section ...]: the sections asked for ("default", "all" or none: every one). */
void info_command(struct client *c)
{
    static const struct {
        const char *name;
        void (*add)(struct str **s);
    } sections[] = {
        {"server", info_server}, {"clients", info_clients}, {"memory", info_memory},
        {"persistence", info_persistence}, {"stats", info_stats}, {"replication", info_replication},
        {"cpu", info_cpu}, {"keyspace", info_keyspace},
    };
    struct str *s = str_new("", 0);
    for (size_t i = 0; i < sizeof sections / sizeof sections[0]; i++) {
        int wanted = c->argc == 1;
        for (int j = 1; j < c->argc; j++)
            if (arg_is(c, j, sections[i].name) || arg_is(c, j, "all") || arg_is(c, j, "default") ||
                arg_is(c, j, "everything"))
                wanted = 1;
        if (!wanted)
            continue;
        if (s->len)
            s = str_append(s, "\r\n", 2);
        sections[i].add(&s);
    }
    reply_verbatim(c, s->buf, s->len);
    str_free(s);
}

/* ---- CONFIG ---------------------------------------------------------------------------------- */

static void save_rules_text(char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = 0;
    for (int i = 0; i < server.nsaveparams && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%ld %ld", i ? " " : "", server.saveparams[i].seconds,
                              server.saveparams[i].changes);
}

/* The value of a setting CONFIG GET shows, in buf. */
static const char *config_value(const char *name, char *buf, size_t size)
{
    if (strcmp(name, "port") == 0)
        snprintf(buf, size, "%d", server.port);
    else if (strcmp(name, "dir") == 0)
        return getcwd(buf, size) ? buf : server.dir;
    else if (strcmp(name, "dbfilename") == 0)
        return server.dbfilename;
    else if (strcmp(name, "save") == 0)
        save_rules_text(buf, size);
    else if (strcmp(name, "databases") == 0)
        snprintf(buf, size, "%d", NUM_DBS);
    else if (strcmp(name, "appendonly") == 0)
        return "no";
    else if (strcmp(name, "maxmemory") == 0)
        return "0";
    else if (strcmp(name, "slowlog-log-slower-than") == 0)
        snprintf(buf, size, "%lld", server.slowlog_log_slower_than);
    else if (strcmp(name, "slowlog-max-len") == 0)
        snprintf(buf, size, "%lld", server.slowlog_max_len);
    return buf;
}

static const char *const config_names[] = {"port", "dir", "dbfilename", "save", "databases", "appendonly",
                                           "maxmemory", "slowlog-log-slower-than", "slowlog-max-len"};

/* "S C S C ..." -> the save rules; 0 if it is not such a list. "" clears them. */
int set_save_rules(const char *text)
{
    struct saveparam *rules = NULL;
    int n = 0;
    const char *p = text;
    for (;;) {
        char *end;
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        long secs = strtol(p, &end, 10);
        if (end == p || *end != ' ')
            goto bad;
        p = end;
        long changes = strtol(p, &end, 10);
        if (end == p || (*end && *end != ' ') || secs < 1 || changes < 0)
            goto bad;
        p = end;
        rules = xrealloc(rules, (size_t)(n + 1) * sizeof *rules);
        rules[n].seconds = secs;
        rules[n].changes = changes;
        n++;
    }
    free(server.saveparams);
    server.saveparams = rules;
    server.nsaveparams = n;
    return 1;
bad:
    free(rules);
    return 0;
}

/* A number setting from min up, as Redis's CONFIG SET checks it: NULL once set, or why not. */
static const char *set_number(const char *value, long long min, long long *setting)
{
    static char why[96];
    long long v;
    if (!parse_ll(value, strlen(value), &v))
        return "argument couldn't be parsed into an integer";
    if (v < min) {
        snprintf(why, sizeof why, "argument must be between %lld and %lld inclusive", min, LLONG_MAX);
        return why;
    }
    *setting = v;
    return NULL;
}

static void config_set(struct client *c)
{
    const char *name = ARG(2)->buf, *value = ARG(3)->buf;
    const char *why = NULL;
    char lower[32];
    size_t i;
    for (i = 0; i + 1 < sizeof lower && name[i]; i++)
        lower[i] = (char)tolower((unsigned char)name[i]);
    lower[i] = 0;

    if (strcmp(lower, "save") == 0) {
        if (!set_save_rules(value))
            why = "Invalid save parameters";
    } else if (strcmp(lower, "dir") == 0) {
        if (chdir(value) != 0)
            why = strerror(errno);
        else {
            free(server.dir);
            server.dir = strdup(value);
        }
    } else if (strcmp(lower, "dbfilename") == 0) {
        if (strchr(value, '/') || !*value)
            why = "dbfilename can't be a path, just a filename";
        else {
            free(server.dbfilename);
            server.dbfilename = strdup(value);
        }
    } else if (strcmp(lower, "slowlog-log-slower-than") == 0) {
        why = set_number(value, -1, &server.slowlog_log_slower_than);
    } else if (strcmp(lower, "slowlog-max-len") == 0) {
        why = set_number(value, 0, &server.slowlog_max_len);
    } else if (strcmp(lower, "appendonly") == 0) {
        if (strcasecmp(value, "no") != 0)
            why = "this server has no append-only file";
    } else if (strcmp(lower, "port") == 0 || strcmp(lower, "databases") == 0) {
        reply_error(c, "ERR CONFIG SET failed (possibly related to argument '%s') - can't set immutable config",
                    lower);
        return;
    } else {
        reply_error(c, "ERR Unsupported CONFIG parameter: %s", name);
        return;
    }
    if (why)
        reply_error(c, "ERR Invalid argument '%s' for CONFIG SET '%s' - %s", value, lower, why);
    else
        reply_ok(c);
}

void config_command(struct client *c)
{
    char buf[1024];
    if (c->argc == 3 && arg_is(c, 1, "GET")) {
        const char *matched[sizeof config_names / sizeof config_names[0]];
        long n = 0;
        for (size_t i = 0; i < sizeof config_names / sizeof config_names[0]; i++)
            if (glob_match(ARG(2)->buf, ARG(2)->len, config_names[i], strlen(config_names[i]), 1))
                matched[n++] = config_names[i];
        reply_map(c, n);
        for (long i = 0; i < n; i++) {
            reply_cstr(c, matched[i]);
            reply_cstr(c, config_value(matched[i], buf, sizeof buf));
        }
    } else if (c->argc == 4 && arg_is(c, 1, "SET")) {
        config_set(c);
    } else if (c->argc == 2 && arg_is(c, 1, "RESETSTAT")) {
        server.stat_connections = server.stat_commands = server.stat_rejected = 0;
        server.stat_expired = server.stat_hits = server.stat_misses = 0;
        reply_ok(c);
    } else if (c->argc == 2 && arg_is(c, 1, "REWRITE")) {
        reply_error(c, "ERR The server is running without a config file");
    } else {
        unknown_subcommand(c, "CONFIG");
    }
}
