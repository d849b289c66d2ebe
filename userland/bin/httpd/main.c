/*
 * main.c - httpd, a pre-forking static HTTP server (the μFork paper's Nginx experiment):
 *
 *     httpd [-p PORT] [-r ROOT] [-w WORKERS] [-t SECONDS] [-l LOGFILE]
 *
 * serves the files under ROOT (default /host/www) over HTTP/1.0 and 1.1 on PORT (default 8080)
 * with WORKERS worker processes (default 2), each a fork of this master (pool.c). A client has
 * SECONDS (default 10) to send a request. The access log goes to stdout, or to LOGFILE.
 *
 * kill -TERM the master: the workers finish their requests and it exits with 0.
 * kill -HUP the master: new workers replace the old. A worker that dies is replaced.
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
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
    fprintf(stderr, "usage: httpd [-p PORT] [-r ROOT] [-w WORKERS(1-%d)] [-t SECONDS] [-l LOGFILE]\n",
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

/* The socket every worker accepts on: bound to the port on every address, listening, and
 * non-blocking (see worker.c). -1 after saying why. */
static int listen_on(int port)
{
    struct sockaddr_in addr;
    int one = 1, fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);

    if (fd < 0) {
        perror("httpd: socket");
        return -1;
    }
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    /* as nginx's tcp_nodelay: a response's head and body go out at once, not 40 ms apart
     * (Nagle's algorithm waiting for the client's delayed ACK); accepted sockets inherit it */
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 128) < 0) {
        fprintf(stderr, "httpd: port %d: ", port);
        perror(NULL);
        close(fd);
        return -1;
    }
    return fd;
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
    if ((fd = listen_on(config.port)) < 0)
        return 1;
    fprintf(stderr, "httpd: serving %s on port %d with %d worker%s\n", config.root, config.port,
            config.workers, config.workers == 1 ? "" : "s");
    return run_worker_pool(fd, config.workers, serve_connections);
}
