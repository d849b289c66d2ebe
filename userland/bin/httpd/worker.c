/*
 * worker.c - one worker of httpd: it accepts connections on the listening socket it shares with
 * the other workers, and serves all of its connections at once from one poll loop, as an Nginx
 * worker does. A client that is slow or silent costs a slot in the loop, never the worker: each
 * connection has a deadline (config.timeout seconds to send a whole request, and as long idle
 * between keep-alive requests), and is closed when it passes.
 *
 * The listening socket is non-blocking: when a connection arrives every worker's poll wakes, one
 * accept() takes it and the others' fail with EAGAIN and go back to waiting.
 *
 * On SIGTERM a worker stops accepting, finishes the request it is answering (the handler only
 * sets a flag that the loop looks at between requests), closes its connections and returns.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "httpd.h"

#define MAX_CONNECTIONS 64
#define BUFFER_SIZE (HTTP_MAX_HEAD + 1024)  /* a head, and a body as small as a GET may carry */
#define LINGER_MS 500           /* how long a closing connection's unread input is drained */

struct connection {
    int fd;
    char client[INET_ADDRSTRLEN];   /* its address, for the log */
    long deadline;                  /* ms: closed if no whole request has come by then */
    struct http_request req;        /* the request being received */
    size_t len;                     /* bytes in buf */
    char buf[BUFFER_SIZE];
};

static volatile sig_atomic_t stopping;
static struct connection *connections[MAX_CONNECTIONS];
static int connection_count;

static void on_sigterm(int sig)
{
    (void)sig;
    stopping = 1;
}

/* The monotonic clock in milliseconds. */
static long now_ms(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* The loop's clock, read once per turn (a system call): the monotonic time in ms, for the
 * deadlines. The wall-clock second, for Date headers and the log (http_set_time), is derived from
 * it; the wall clock itself is read again only when that second changes, so the two stay in step
 * and a turn costs one clock read, not two. */
static long tick(void)
{
    static long wall_minus_mono = -1;           /* ms */
    static time_t second = -1;
    long now = now_ms();
    struct timespec ts;

    if (wall_minus_mono < 0 || (now + wall_minus_mono) / 1000 != second) {
        clock_gettime(CLOCK_REALTIME, &ts);
        wall_minus_mono = ts.tv_sec * 1000L + ts.tv_nsec / 1000000L - now;
        second = ts.tv_sec;
        http_set_time(second);
    }
    return now;
}

/* ---- connections come and go --------------------------------------------------------------- */

static void accept_connection(int listen_fd)
{
    struct sockaddr_in addr;
    socklen_t addr_len = sizeof addr;
    struct connection *c;
    int fd = accept(listen_fd, (struct sockaddr *)&addr, &addr_len);

    if (fd < 0)
        return;                             /* another worker was first (EAGAIN), or the client left */
    c = malloc(sizeof *c);
    if (c == NULL) {
        close(fd);
        return;
    }
    fcntl(fd, F_SETFL, O_NONBLOCK);         /* http_write_all waits with poll, never forever */
    c->fd = fd;
    inet_ntop(AF_INET, &addr.sin_addr, c->client, sizeof c->client);
    c->deadline = now_ms() + config.timeout * 1000L;
    c->len = 0;
    http_request_init(&c->req);
    connections[connection_count++] = c;
}

/* Close connection i; the last one takes its place. */
static void close_connection(int i)
{
    close(connections[i]->fd);
    free(connections[i]);
    connections[i] = connections[--connection_count];
}

/* Before closing on an error, let the client read the answer: closing a socket with unread
 * input resets it, and a reset can throw away the answer the client has not read yet. So stop
 * writing, and read and drop what comes for a little while. */
static void linger(int fd)
{
    char sink[4096];
    struct pollfd pfd = {fd, POLLIN, 0};
    long end = now_ms() + LINGER_MS;

    shutdown(fd, SHUT_WR);
    while (now_ms() < end && poll(&pfd, 1, LINGER_MS) > 0 && read(fd, sink, sizeof sink) > 0)
        ;
}

/* ---- requests ------------------------------------------------------------------------------ */

/* Answer every whole request in c's buffer (a client may send several at once). 0 to keep the
 * connection, -1 to close it. now: the loop's clock (ms), read once per turn as Nginx does. */
static int answer_requests(struct connection *c, long now)
{
    for (;;) {
        int r = http_parse(&c->req, c->buf, c->len, sizeof c->buf);
        int keep_alive, status;
        long sent;

        if (r == HTTP_NEED_MORE)
            return 0;
        if (r != HTTP_DONE) {
            sent = http_send_error(c->fd, &c->req, r, NULL, 0);
            log_request(c->client, &c->req, r, sent);
            linger(c->fd);
            return -1;
        }
        keep_alive = c->req.keep_alive && !stopping;
        status = serve_file(c->fd, &c->req, keep_alive, &sent);
        if (status < 0)
            return -1;                          /* the client is gone */
        log_request(c->client, &c->req, status, sent);
        if (!keep_alive)
            return -1;
        memmove(c->buf, c->buf + c->req.length, c->len - c->req.length);
        c->len -= c->req.length;
        http_request_init(&c->req);
        c->deadline = now + config.timeout * 1000L;
    }
}

/* c's socket is readable: take what came and answer what is whole. 0, or -1 to close. */
static int receive(struct connection *c, long now)
{
    long n = read(c->fd, c->buf + c->len, sizeof c->buf - c->len);

    if (n < 0)
        return errno == EAGAIN || errno == EINTR ? 0 : -1;
    if (n == 0)
        return -1;                              /* the client closed its end */
    c->len += (size_t)n;
    return answer_requests(c, now);
}

/* c's deadline passed: a request begun but not finished is answered 408; an idle keep-alive
 * connection is just closed (RFC 9112 §9.5). */
static void time_out(struct connection *c)
{
    if (c->len > 0) {
        http_send_error(c->fd, &c->req, 408, NULL, 0);
        log_request(c->client, &c->req, 408, 0);
        linger(c->fd);
    }
}

/* ---- the loop ------------------------------------------------------------------------------ */

/* Milliseconds until the nearest deadline, for poll (-1: none). */
static int next_timeout(long now)
{
    long nearest = -1;

    for (int i = 0; i < connection_count; i++)
        if (nearest < 0 || connections[i]->deadline - now < nearest)
            nearest = connections[i]->deadline - now > 0 ? connections[i]->deadline - now : 0;
    return (int)nearest;
}

/* Handle what poll reported for each connection (fds[i] is connection i), and close those whose
 * deadline passed. From the last to the first, so that closing one (the last takes its place)
 * never skips another. */
static void serve_ready(const struct pollfd *fds, long now)
{
    for (int i = connection_count - 1; i >= 0; i--) {
        struct connection *c = connections[i];

        if (fds[i].revents != 0) {
            if (receive(c, now) < 0)
                close_connection(i);
        } else if (now >= c->deadline) {
            time_out(c);
            close_connection(i);
        }
    }
}

void serve_connections(int listen_fd)
{
    struct pollfd fds[MAX_CONNECTIONS + 1];
    struct sigaction sa;
    long now;

    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigterm;                 /* no SA_RESTART: a SIGTERM interrupts poll */
    sigaction(SIGTERM, &sa, NULL);
    signal(SIGHUP, SIG_IGN);                    /* that one is the master's */
    /* One clock read (a system call) per turn of the loop, after poll, as Nginx updates its time
     * once per event loop: the timeout of the next poll is reckoned from it too, late by the
     * time spent serving, so a deadline is met that much late at worst. */
    now = tick();

    while (!stopping) {
        int accepting = connection_count < MAX_CONNECTIONS;
        int n = connection_count;

        for (int i = 0; i < n; i++)
            fds[i] = (struct pollfd){connections[i]->fd, POLLIN, 0};
        fds[n] = (struct pollfd){listen_fd, POLLIN, 0};
        log_flush();                            /* the turn's log lines, before the wait */
        int ready = poll(fds, (nfds_t)(n + accepting), next_timeout(now));

        now = tick();
        if (ready < 0)
            continue;                           /* EINTR: a signal; the loop's test says which */
        serve_ready(fds, now);
        if (accepting && fds[n].revents != 0)
            accept_connection(listen_fd);
    }
    while (connection_count > 0)
        close_connection(connection_count - 1);
    log_flush();
    close(listen_fd);
}
