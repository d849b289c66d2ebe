/*
 * server.c - the mini Redis's main program: options (as redis-server takes them), the listening
 * socket, the one event loop (poll over the listener, every client and the BGSAVE child's report
 * pipe), clients' input and output buffers, the cron (save rules, expiry, the scheduled BGSAVE),
 * logging in Redis's format, and shutdown.
 *
 *   redis-server [CONFIGFILE] [--port P] [--dir DIR] [--dbfilename F] [--save "S C ..."]
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "server.h"

#define MAX_CLIENTS 1000
#define READ_CHUNK (16 * 1024)

struct server server;
char log_role = 'M';                 /* M the server, C a BGSAVE child (as Redis logs) */

void log_msg(char level, const char *fmt, ...)
{
    char line[1024];
    long long ms = now_ms();
    time_t secs = (time_t)(ms / 1000);
    va_list ap;
    int n = snprintf(line, sizeof line, "%d:%c ", (int)getpid(), log_role);
    n += (int)strftime(line + n, sizeof line - (size_t)n, "%d %b %Y %H:%M:%S", gmtime(&secs));
    n += snprintf(line + n, sizeof line - (size_t)n, ".%03d %c ", (int)(ms % 1000), level);
    va_start(ap, fmt);
    n += vsnprintf(line + n, sizeof line - (size_t)n - 1, fmt, ap);
    va_end(ap);
    if (n > (int)sizeof line - 2)
        n = (int)sizeof line - 2;
    line[n++] = '\n';
    write(STDOUT_FILENO, line, (size_t)n);
}

void free_argv(int argc, struct str **argv)
{
    for (int i = 0; i < argc; i++)
        str_free(argv[i]);
    free(argv);
}

/* ---- options --------------------------------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr, "Usage: ./redis-server [/path/to/redis.conf] [options]\n"
                    "       ./redis-server --port 7777 --dir /host --save \"60 1000\"\n"
                    "       ./redis-server -v or --version\n");
    exit(1);
}

static _Noreturn void config_error(const char *line, const char *why)
{
    fprintf(stderr, "\n*** FATAL CONFIG FILE ERROR (Redis %s) ***\n>>> '%s'\n%s\n", REDIS_VERSION, line, why);
    exit(1);
}

/* One directive, "name arg ...", from the command line or a config file. save lines add up (the
 * first one replaces the default rules). */
static void apply_directive(char *line, struct str **save)
{
    char *words[8], *last;
    int n = 0;
    char copy[512];
    snprintf(copy, sizeof copy, "%s", line);
    for (char *w = strtok_r(copy, " \t", &last); w && n < 8; w = strtok_r(NULL, " \t", &last))
        words[n++] = w;
    if (n == 0 || words[0][0] == '#')
        return;
    for (char *p = words[0]; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    const char *name = words[0];
    if (strcmp(name, "save") == 0) {
        for (int i = 1; i < n; i++) {
            if (strcmp(words[i], "\"\"") == 0)
                continue;
            *save = str_append(*save, " ", 1);
            *save = str_append(*save, words[i], strlen(words[i]));
        }
    } else if (n != 2 && !(strcmp(name, "bind") == 0 && n > 2)) {
        config_error(line, "Bad directive or wrong number of arguments");
    } else if (strcmp(name, "port") == 0) {
        long long port;
        if (!parse_ll(words[1], strlen(words[1]), &port) || port < 0 || port > 65535)
            config_error(line, "Invalid port");
        server.port = (int)port;
    } else if (strcmp(name, "dir") == 0) {
        free(server.dir);
        server.dir = strdup(words[1]);
    } else if (strcmp(name, "dbfilename") == 0) {
        if (strchr(words[1], '/'))
            config_error(line, "dbfilename can't be a path, just a filename");
        free(server.dbfilename);
        server.dbfilename = strdup(words[1]);
    } else if ((strcmp(name, "appendonly") == 0 || strcmp(name, "daemonize") == 0) &&
               strcmp(words[1], "no") == 0) {
        /* what this server always does */
    } else if (strcmp(name, "bind") != 0 && strcmp(name, "protected-mode") != 0 &&
               strcmp(name, "loglevel") != 0) {
        config_error(line, "Bad directive or wrong number of arguments");
    }
}

static void load_config_file(const char *path, struct str **save)
{
    char line[512];
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "Fatal error, can't open config file '%s': %s\n", path, strerror(errno));
        exit(1);
    }
    while (fgets(line, sizeof line, f)) {
        line[strcspn(line, "\r\n")] = 0;
        apply_directive(line, save);
    }
    fclose(f);
}

/* The command line: --name value... until the next --name, as Redis joins them into a line. */
static void parse_options(int argc, char **argv)
{
    struct str *save = NULL, *line = str_new("", 0);
    int i = 1;
    if (argc > 1 && (strcmp(argv[1], "-v") == 0 || strcmp(argv[1], "--version") == 0)) {
        printf("Redis server v=%s sha=00000000:0 malloc=libc bits=64 build=ufos\n", REDIS_VERSION);
        exit(0);
    }
    if (argc > 1 && (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0))
        usage();
    save = str_new("", 0);
    if (argc > 1 && strncmp(argv[1], "--", 2) != 0)
        load_config_file(argv[i++], &save);
    for (; i < argc; i++) {
        if (strncmp(argv[i], "--", 2) == 0) {
            if (line->len)
                apply_directive(line->buf, &save);
            str_free(line);
            line = str_new(argv[i] + 2, strlen(argv[i] + 2));
        } else if (line->len) {
            line = str_append(line, " ", 1);
            line = str_append(line, *argv[i] ? argv[i] : "\"\"", *argv[i] ? strlen(argv[i]) : 2);
        } else {
            usage();
        }
    }
    if (line->len)
        apply_directive(line->buf, &save);
    /* a --save seen (even "") replaces the defaults */
    int saw_save = 0;
    for (int j = 1; j < argc; j++)
        saw_save |= strcmp(argv[j], "--save") == 0;
    if (saw_save || save->len)
        if (!set_save_rules(save->buf))
            config_error(save->buf, "Invalid save parameters");
    str_free(save);
    str_free(line);
}

/* ---- clients --------------------------------------------------------------------------------- */

/* Done with the command in argv: free its arguments if they were allocated. */
static void release_argv(struct client *c)
{
    for (int i = 0; c->argv_owned && i < c->argc; i++)
        str_free(c->argv[i]);
    c->argc = 0;
    c->argv_owned = 0;
}

/* "ip:port" of a socket's end (getpeername or getsockname), as Redis shows a client's address;
 * "?:0" if the kernel tells none. */
static void address_text(int fd, int (*get)(int, struct sockaddr *, socklen_t *), char *out, size_t size)
{
    struct sockaddr_in sa;
    socklen_t len = sizeof sa;
    char ip[INET_ADDRSTRLEN];
    if (get(fd, (struct sockaddr *)&sa, &len) != 0 || sa.sin_family != AF_INET ||
        !inet_ntop(AF_INET, &sa.sin_addr, ip, sizeof ip))
        snprintf(out, size, "?:0");
    else
        snprintf(out, size, "%s:%d", ip, ntohs(sa.sin_port));
}

static struct client *client_new(int fd)
{
    struct client *c = xcalloc(1, sizeof *c);
    c->fd = fd;
    c->id = ++server.next_client_id;
    address_text(fd, getpeername, c->addr, sizeof c->addr);
    address_text(fd, getsockname, c->laddr, sizeof c->laddr);
    c->ctime = c->last_interaction = server.unixtime;
    c->db = &server.db[0];
    c->resp = 2;
    if (server.nclients == server.clients_cap) {
        server.clients_cap = server.clients_cap ? server.clients_cap * 2 : 16;
        server.clients = xrealloc(server.clients, (size_t)server.clients_cap * sizeof *server.clients);
    }
    server.clients[server.nclients++] = c;
    return c;
}

static void client_free(struct client *c)
{
    for (int i = 0; i < server.nclients; i++)
        if (server.clients[i] == c) {
            server.clients[i] = server.clients[--server.nclients];
            break;
        }
    close(c->fd);
    unblock_client(c);
    server.nresume -= c->resume;             /* what it waited for, or was to run, goes with it */
    server.nkilled -= c->close_asap;
    discard_transaction(c);
    pubsub_client_gone(c);
    monitor_client_gone(c);
    free(c->queue);
    free(c->watched);
    release_argv(c);
    free(c->slots);
    free(c->views);
    str_free(c->name);
    free(c->in);
    free(c->out);
    free(c);
}

static void accept_clients(void)
{
    for (int i = 0; i < 64; i++) {
        int fd = accept(server.listen_fd, NULL, NULL);
        if (fd < 0)
            return;
        fcntl(fd, F_SETFL, O_NONBLOCK);
        server.stat_connections++;
        if (server.nclients >= MAX_CLIENTS) {
            static const char err[] = "-ERR max number of clients reached\r\n";
            write(fd, err, sizeof err - 1);
            close(fd);
            server.stat_rejected++;
            continue;
        }
        client_new(fd);
    }
}

/* Write what can be written now. 0, or -1 if the client is gone (or done: close after reply). */
static int write_to_client(struct client *c)
{
    while (c->out_pos < c->out_len) {
        ssize_t n = write(c->fd, c->out + c->out_pos, c->out_len - c->out_pos);
        if (n > 0)
            c->out_pos += (size_t)n;
        else if (n < 0 && errno == EAGAIN)
            return 0;
        else
            return -1;
    }
    c->out_pos = c->out_len = 0;
    if (c->out_cap > 1024 * 1024) {          /* do not keep a big reply's buffer around */
        free(c->out);
        c->out = NULL;
        c->out_cap = 0;
    }
    return c->close_after_reply ? -1 : 0;
}

/* Run every complete request in the input buffer, in order; keep the unfinished rest (and all
 * that follows a command that waits, as BLPOP may: blocked.c). */
static void process_input(struct client *c)
{
    size_t pos = 0;
    while (!c->close_after_reply && !c->close_asap && !c->blocked) {
        size_t before = pos;
        int r = parse_request(c, &pos);
        if (r == 0 && pos != before)
            continue;                       /* an empty request: skipped */
        if (r <= 0)
            break;
        process_command(c);
        release_argv(c);
    }
    memmove(c->in, c->in + pos, c->in_len - pos);
    c->in_len -= pos;
}

/* Read what came and run it; the answers wait in c->out for answer_clients(). -1 if the client
 * is to be closed. */
static int read_from_client(struct client *c)
{
    if (c->in_len == c->in_cap) {           /* full (a big argument's room is made by resp.c) */
        size_t cap = c->in_cap ? c->in_cap * 2 : READ_CHUNK;
        char *in = realloc(c->in, cap);
        if (!in)
            return -1;                      /* no memory for more of it: this client goes */
        c->in = in;
        c->in_cap = cap;
    }
    ssize_t n = read(c->fd, c->in + c->in_len, c->in_cap - c->in_len);
    if (n == 0 || (n < 0 && errno != EAGAIN))
        return -1;
    if (n < 0)
        return 0;
    c->in_len += (size_t)n;
    c->last_interaction = server.unixtime;
    process_input(c);
    return 0;
}

/* Clients that waited (BLPOP...) and were served run what they sent meanwhile. */
static void resume_clients(void)
{
    for (int i = 0; i < server.nclients && server.nresume; i++) {
        struct client *c = server.clients[i];
        if (c->resume) {
            c->resume = 0;
            server.nresume--;
            process_input(c);
        }
    }
}

/* Write every answer of this turn, one after the other, as Redis's beforeSleep() does
 * (handleClientsWithPendingWrites). Writing them back to back, rather than each between the next
 * client's read and run, lets the clients' side take them in one wake-up instead of one each. */
static void answer_clients(struct pollfd *fds, struct client **polled, int first, int n)
{
    for (int i = first; i < n; i++)
        if (polled[i] && !polled[i]->close_asap && fds[i].revents && write_to_client(polled[i]) < 0)
            client_free(polled[i]);
}

/* The clients CLIENT KILL named go now, their pending replies unsent (as in Redis). */
static void free_killed_clients(void)
{
    for (int i = server.nclients - 1; i >= 0 && server.nkilled; i--)
        if (server.clients[i]->close_asap)
            client_free(server.clients[i]);
}

/* ---- the cron -------------------------------------------------------------------------------- */

/* A save rule whose time and changes have come, as Redis's serverCron checks them; a failed
 * BGSAVE is retried only after 5 seconds. */
static void check_save_rules(void)
{
    long long now = now_ms() / 1000;
    if (server.child_pid)
        return;
    if (server.bgsave_scheduled) {
        server.bgsave_scheduled = 0;
        rdb_save_background();
        return;
    }
    for (int i = 0; i < server.nsaveparams; i++) {
        struct saveparam *sp = &server.saveparams[i];
        if (server.dirty >= sp->changes && now - server.lastsave > sp->seconds &&
            (server.lastbgsave_ok || now - server.lastbgsave_try > 5)) {
            log_msg('*', "%ld changes in %ld seconds. Saving...", sp->changes, sp->seconds);
            rdb_save_background();
            return;
        }
    }
}

static void cron(void)
{
    server.unixtime = now_ms() / 1000;
    unblock_timed_out_clients();
    bgsave_check_done();
    check_save_rules();
    for (int i = 0; i < NUM_DBS; i++)
        db_expire_some(&server.db[i], 16);
}

/* ---- shutdown -------------------------------------------------------------------------------- */

int prepare_shutdown(int save)
{
    if (server.child_pid) {
        log_msg('#', "There is a child saving an .rdb. Killing it!");
        bgsave_kill();
    }
    if (save == 1 || (save == -1 && server.nsaveparams > 0)) {
        log_msg('*', "Saving the final RDB snapshot before exiting.");
        if (rdb_save(server.dbfilename) != 0) {
            log_msg('#', "Error trying to save the DB, can't exit.");
            return -1;
        }
    }
    close(server.listen_fd);
    log_msg('#', "Redis is now ready to exit, bye bye...");
    return 0;
}

void server_shutdown(int save)
{
    if (prepare_shutdown(save) == 0)
        exit(0);
    log_msg('#', "SIGTERM received but errors trying to shut down the server, check the logs for more information");
    server.shutdown_asap = 0;
}

static void on_shutdown_signal(int sig)
{
    (void)sig;
    server.shutdown_asap = 1;
}

/* ---- start-up and the event loop ----------------------------------------------------------- */

static void listen_tcp(void)
{
    struct sockaddr_in addr;
    int one = 1;
    server.listen_fd = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(server.listen_fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    /* as Redis does for every client (anetEnableTcpNoDelay): replies leave at once, not held by
     * Nagle's algorithm until the client's delayed ACK; accepted sockets inherit it */
    setsockopt(server.listen_fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((unsigned short)server.port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (server.listen_fd < 0 || bind(server.listen_fd, (struct sockaddr *)&addr, sizeof addr) != 0 ||
        listen(server.listen_fd, 511) != 0) {
        log_msg('#', "Could not create server TCP listening socket *:%d: %s", server.port, strerror(errno));
        exit(1);
    }
    fcntl(server.listen_fd, F_SETFL, O_NONBLOCK);
}

static void init_server(int argc, char **argv)
{
    struct sigaction sa;
    server.port = 6379;
    server.dir = strdup("/host");
    server.dbfilename = strdup("dump.rdb");
    set_save_rules("3600 1 300 100 60 10000");
    server.lastbgsave_ok = 1;
    server.rdb_last_bgsave_time_sec = -1;
    server.slowlog_log_slower_than = 10000;
    server.slowlog_max_len = 128;
    parse_options(argc, argv);

    log_msg('#', "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
    log_msg('#', "Redis version=%s, bits=64, commit=00000000, modified=0, pid=%d, just started", REDIS_VERSION,
            (int)getpid());
    if (chdir(server.dir) != 0) {
        log_msg('#', "Can't chdir to '%s': %s", server.dir, strerror(errno));
        exit(1);
    }
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = SIG_IGN;                 /* a client that went away is a write error, not death */
    sigaction(SIGPIPE, &sa, NULL);
    sa.sa_handler = on_shutdown_signal;      /* no SA_RESTART: poll returns, the loop shuts down */
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);

    for (int i = 0; i < NUM_DBS; i++) {
        server.db[i].id = i;
        server.db[i].keys = dict_new(value_free);
    }
    commands_init();
    crc64_init();
    server.start_ms = now_ms();
    server.unixtime = server.start_ms / 1000;
    server.lastsave = server.start_ms / 1000;
    listen_tcp();
    log_msg('*', "Server initialized");
    if (rdb_load(server.dbfilename) < 0) {
        log_msg('#', "Fatal error loading the DB %s. Exiting.", server.dbfilename);
        exit(1);
    }
    log_msg('*', "Ready to accept connections");
}

/* One turn of the loop: wait (at most until the next cron) for a client, a connection or the
 * child's report, then serve what is ready. */
static void serve_once(struct pollfd *fds, struct client **polled, long long *next_cron)
{
    int n = 0, child_slot = -1;
    fds[n].fd = server.listen_fd;
    fds[n++].events = POLLIN;
    if (server.child_pid) {
        child_slot = n;
        fds[n].fd = server.child_report_fd;
        fds[n++].events = POLLIN;
    }
    int first_client = n;
    for (int i = 0; i < server.nclients; i++) {
        struct client *c = server.clients[i];
        polled[n] = c;
        fds[n].fd = c->fd;
        fds[n++].events = (short)((c->close_after_reply ? 0 : POLLIN) | (c->out_pos < c->out_len ? POLLOUT : 0));
    }
    /* the clock as the last turn ended: one clock read a turn, not two (each is a system call);
     * the cron runs late by at most one turn's work */
    long long wait = (*next_cron - server.loop_us) / 1000;
    int ready = poll(fds, (nfds_t)n, wait < 0 ? 0 : (int)wait);
    if (server.shutdown_asap)
        server_shutdown(-1);
    if (ready > 0) {
        for (int i = first_client; i < n; i++) {
            short ev = fds[i].revents;
            struct client *c = polled[i];
            if (c->close_asap)
                continue;                   /* killed this turn: it runs nothing more */
            if ((ev & (POLLIN | POLLHUP | POLLERR)) && read_from_client(c) < 0) {
                client_free(c);
                polled[i] = NULL;
            }
        }
        if (server.nresume)
            resume_clients();
        answer_clients(fds, polled, first_client, n);
        if (server.nkilled)
            free_killed_clients();
        if (child_slot >= 0 && fds[child_slot].revents)
            bgsave_check_done();
        if (fds[0].revents & POLLIN)
            accept_clients();
    }
    server.loop_us = mono_us();
    if (server.loop_us >= *next_cron) {
        cron();
        *next_cron = server.loop_us + 1000000 / CRON_HZ;
    }
}

int main(int argc, char **argv)
{
    init_server(argc, argv);
    struct pollfd *fds = xmalloc((MAX_CLIENTS + 2) * sizeof *fds);
    struct client **polled = xmalloc((MAX_CLIENTS + 2) * sizeof *polled);
    server.loop_us = mono_us();
    long long next_cron = server.loop_us + 1000000 / CRON_HZ;
    for (;;)
        serve_once(fds, polled, &next_cron);
}
