/*
 * server.c - the zygote: a process that has loaded the function library listens, and forks a
 * copy of itself for each connection. The child is warm — the library is parsed, its
 * environment built — so it only reads the request, runs the function, answers and exits. The
 * zygote never runs a function itself, and reaps its children as they end (SIGCHLD), so none
 * is left a zombie. A child that crashes is one failed connection; the zygote goes on.
 *
 * Cold start (-c) is the same server without the warm state: each connection's child executes
 * `faas --inetd` afresh (the connection as its fd 0), which loads the library before it can
 * answer. Comparing the two is the paper's Fig. 6.
 *
 * Requests (one per connection: every answer says Connection: close):
 *   POST /invoke/NAME     call NAME with the body's arguments (or the query's): invoke.c
 *   GET  /functions       the functions: [{"name": ..., "params": [...], "doc": ...}, ...]
 * Another method is 405, another path 404; a request that does not parse gets http.c's answer.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include "faas.h"
#include "../httpd/http.c"

#define REQUEST_BUFFER (64 * 1024)  /* a head and a body; a bigger request is answered 413 */
#define REQUEST_TIMEOUT_MS 10000    /* a client that has not sent its request by then is dropped */

static char request_buffer[REQUEST_BUFFER];

/* ---- one connection, in the child ---- */

/* A client that sent "Expect: 100-continue" waits to be told to send its body (curl does this
 * for a body over 1 KiB): tell it once the head is in (RFC 9110 10.1.1). */
static void continue_if_expected(int fd, const struct http_request *req, int *told)
{
    const char *expect = req->known[HTTP_EXPECT];
    if (*told || req->head_length == 0 || !expect || strcasecmp(expect, "100-continue") != 0)
        return;
    const char *interim = "HTTP/1.1 100 Continue\r\n\r\n";
    http_write_all(fd, interim, strlen(interim));
    *told = 1;
}

/* Read until the request is whole: HTTP_DONE, the error status to answer, or -1 (the client went
 * away or was too slow: nothing to answer). */
static int read_request(int fd, struct http_request *req)
{
    size_t len = 0;
    int told = 0;
    http_request_init(req);
    for (;;) {
        struct pollfd p = {fd, POLLIN, 0};
        if (poll(&p, 1, REQUEST_TIMEOUT_MS) <= 0)
            return -1;
        ssize_t n = read(fd, request_buffer + len, REQUEST_BUFFER - len);
        if (n <= 0)
            return -1;
        len += n;
        int r = http_parse(req, request_buffer, len, REQUEST_BUFFER);
        if (r != HTTP_NEED_MORE)
            return r;
        continue_if_expected(fd, req, &told);
    }
}

static void send_json(int fd, const struct http_request *req, int status, const char *extra, struct buf *body)
{
    http_send_response(fd, req, status, "application/json", extra, body->s, body->len, 0);
}

static void send_error(int fd, const struct http_request *req, int status, const char *extra,
                       const char *message)
{
    struct buf body;
    buf_init(&body);
    error_body(&body, message);
    send_json(fd, req, status, extra, &body);
}

static int is_json(const struct http_request *req)
{
    const char *type = req->known[HTTP_CONTENT_TYPE];
    return type && strncasecmp(type, "application/json", 16) == 0;
}

static void call_function(int fd, const struct http_request *req, const char *name)
{
    struct arguments a = {req->body, req->content_length, is_json(req)};
    if (a.len == 0) {               /* POST /invoke/fib?n=10: the query's arguments */
        a.text = req->query;
        a.len = (long)strlen(req->query);
    }
    struct buf body;
    int status = invoke(name, &a, &body);
    send_json(fd, req, status, NULL, &body);
}

static void route(int fd, const struct http_request *req)
{
    int get = strcmp(req->method, "GET") == 0 || strcmp(req->method, "HEAD") == 0;
    if (strncmp(req->path, "/invoke/", 8) == 0) {
        if (strcmp(req->method, "POST") != 0)
            send_error(fd, req, 405, "Allow: POST\r\n", "functions are invoked with POST");
        else
            call_function(fd, req, req->path + 8);
    } else if (strcmp(req->path, "/functions") == 0) {
        if (!get) {
            send_error(fd, req, 405, "Allow: GET, HEAD\r\n", "the list of functions is read with GET");
            return;
        }
        struct buf body;
        buf_init(&body);
        list_functions(&body);
        send_json(fd, req, 200, NULL, &body);
    } else {
        send_error(fd, req, 404, NULL, "no such path: try POST /invoke/NAME or GET /functions");
    }
}

int serve_connection(int fd, const struct config *c)
{
    (void)c;
    struct http_request req;
    int r = read_request(fd, &req);
    if (r == HTTP_DONE)
        route(fd, &req);
    else if (r > 0)
        http_send_error(fd, &req, r, NULL, 0);
    close(fd);
    return 0;
}

/* ---- the zygote ---- */

static void reap_children(int sig)
{
    (void)sig;
    int saved = errno, status;
    while (waitpid(-1, &status, WNOHANG) > 0)
        continue;
    errno = saved;
}

/* Cold start, in the child: become a fresh faas that answers the connection on its fd 0. */
static void exec_fresh(int conn, const struct config *c)
{
    char steps[24];
    snprintf(steps, sizeof steps, "%ld", c->steps);
    char *argv[] = {"faas", "-l", (char *)c->library, "-s", steps, "--inetd", NULL};
    dup2(conn, 0);
    close(conn);
    execv(c->self, argv);
    perror("faas: exec");
}

static void handle(int listener, int conn, const struct config *c)
{
    pid_t pid = fork();
    if (pid < 0) {                      /* too many calls at once: the client may retry */
        const char *busy = "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
                           "Content-Length: 0\r\nConnection: close\r\n\r\n";
        perror("faas: fork");
        http_write_all(conn, busy, strlen(busy));
    } else if (pid == 0) {
        close(listener);
        signal(SIGCHLD, SIG_DFL);
        if (c->cold)
            exec_fresh(conn, c);
        else
            serve_connection(conn, c);
        fflush(stdout);                 /* what the function displayed */
        _exit(0);
    }
    close(conn);
}

int serve(const struct config *c)
{
    if (!c->cold) {
        interpreter_init();
        step_limit = c->steps;
        if (load_library(c->library) < 0)
            return 1;
    }
    signal(SIGPIPE, SIG_IGN);           /* a client gone mid-answer is its child's error, not a death */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = reap_children;
    sigaction(SIGCHLD, &sa, NULL);      /* no SA_RESTART: accept returns EINTR, the loop goes on */
    int listener = http_listen("faas", c->port, 0);
    if (listener < 0)
        return 1;
    if (c->cold)
        fprintf(stderr, "faas: cold start on port %d: every call executes %s afresh\n", c->port, c->self);
    else
        fprintf(stderr, "faas: zygote on port %d: %s loaded (%ld bytes of heap)\n", c->port, c->library,
                (long)arena_used());
    for (;;) {
        int conn = accept(listener, NULL, NULL);
        if (conn >= 0)
            handle(listener, conn, c);
        else if (errno != EINTR)
            perror("faas: accept");
    }
}
