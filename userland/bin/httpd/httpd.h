/*
 * httpd.h - what the files of /bin/httpd, a pre-forking static HTTP server, share.
 *
 *   http.c     HTTP/1.x: requests parsed as they arrive, responses written (a library: http.h)
 *   main.c     options, the listening socket, then the worker pool
 *   pool.c     the master: fork N workers on the one socket, restart the dead, stop cleanly
 *   worker.c   a worker: accept, serve its connections with poll, time out the silent
 *   files.c    a request's target -> a file under the root, and the answer that serves it
 *   log.c      the access log, in the common log format
 *
 * The μFork paper's second application is this shape of server (Nginx with a master and
 * workers): each worker is a fork of the master, and the listening socket they all accept on is
 * one file they share.
 */
#ifndef HTTPD_H
#define HTTPD_H

#include <sys/types.h>

#include "http.h"

#define MAX_WORKERS 16

struct config {
    int port;               /* -p, default 8080 */
    const char *root;       /* -r, default /host/www */
    int workers;            /* -w, default 2 */
    int timeout;            /* -t: seconds a client may take to send a request, default 10 */
    const char *log_path;   /* -l: the access log, default stdout */
};

extern struct config config;

/* pool.c: run n workers, each serve(listen_fd) in a child, until SIGTERM. The master's exit
 * status. */
int run_worker_pool(int listen_fd, int n, void (*serve)(int listen_fd));

/* worker.c: accept and serve connections on listen_fd until SIGTERM, then return. */
void serve_connections(int listen_fd);

/* files.c: answer a GET or HEAD of a file under config.root on fd. The status sent (for the
 * log) and the body bytes sent in *sent; -1 if the client is gone. */
int serve_file(int fd, const struct http_request *req, int keep_alive, long *sent);

/* log.c: open the access log (NULL: stdout); log one answered request; write the lines logged
 * so far (the worker does before it waits, and before it exits). */
int log_open(const char *path);
void log_request(const char *client, const struct http_request *req, int status, long sent);
void log_flush(void);

#endif
