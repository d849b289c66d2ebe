/*
 * main.c - httpd, a pre-forking static HTTP server (the μFork paper's Nginx experiment):
 *
 *     httpd [-p PORT] [-r ROOT] [-w WORKERS] [-t SECONDS] [-l LOGFILE|off]
 *
 * serves the files under ROOT (default /host/www) over HTTP/1.0 and 1.1 on PORT (default 8080)
 * with WORKERS worker processes (default 2), each a fork of this master (pool.c). A client has
 * SECONDS (default 10) to send a request. The access log goes to stdout, or to LOGFILE; `-l off`
 * keeps none, as Nginx's `access_log off` (`-l ./off` for a file named off).
 *
 * kill -TERM the master: the workers finish their requests and it exits with 0.
 * kill -HUP the master: new workers replace the old. A worker that dies is replaced.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#include <getopt.h>

#include "httpd.h"

struct config config = {8080, "/host/www", 2, 10, NULL};

static void usage(void)
{
    fprintf(stderr, "usage: httpd [-p PORT] [-r ROOT] [-w WORKERS(1-%d)] [-t SECONDS] [-l LOGFILE|off]\n",
            MAX_WORKERS);
    exit(2);
}

/* A decimal number in [low, high], or usage. */
static int number(const char *s, int low, int high)
{
    char *end;
    long n = strtol(s, &end, 10);

    if (*s == '\0' || *end != '\0' || n < low || n > high)
        usage();
    return (int)n;
}

static void parse_options(int argc, char **argv)
{
    int c;

    while ((c = getopt(argc, argv, "p:r:w:t:l:")) != -1) {
        switch (c) {
        case 'p': config.port = number(optarg, 1, 65535); break;
        case 'r': config.root = optarg; break;
        case 'w': config.workers = number(optarg, 1, MAX_WORKERS); break;
        case 't': config.timeout = number(optarg, 1, 3600); break;
        case 'l': config.log_path = optarg; break;
        default: usage();
        }
    }
    if (optind != argc)
        usage();
}

int main(int argc, char **argv)
{
    struct stat st;
    int fd;

    parse_options(argc, argv);
    if (stat(config.root, &st) < 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "httpd: %s: not a directory\n", config.root);
        return 1;
    }
    if (log_open(config.log_path) < 0) {
        perror(config.log_path);
        return 1;
    }
    signal(SIGPIPE, SIG_IGN);               /* a client gone mid-answer is an error, not a death */
    if ((fd = http_listen("httpd", config.port, SOCK_NONBLOCK)) < 0)   /* non-blocking: see worker.c */
        return 1;
    fprintf(stderr, "httpd: serving %s on port %d with %d worker%s\n", config.root, config.port,
            config.workers, config.workers == 1 ? "" : "s");
    return run_worker_pool(fd, config.workers, serve_connections);
}
