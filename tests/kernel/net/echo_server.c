/*
 * echo_server - a TCP server for tests/kernel/test_net.py: each client's bytes come back to it, with a
 * prefix, once the client has shut down its side.
 *
 *     echo_server PORT N serial    serve N clients, one after the other
 *     echo_server PORT N poll      serial, but wait in poll() for each client first
 *     echo_server PORT N busy      serial, while a child of its own spins on the CPU meanwhile
 *     echo_server PORT N fork      a child per client; wait for all N
 *     echo_server PORT W prefork   W workers accept on the one listening socket; a worker
 *                                  that is sent "quit" stops
 */
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static int listen_on(int port)
{
    struct sockaddr_in addr;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;

    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one) < 0) {
        perror("socket");
        exit(1);
    }
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 16) < 0) {
        perror("bind/listen");
        exit(1);
    }
    return fd;
}

/* Write all of buf (a socket write may take part of it). */
static void write_all(int fd, const char *buf, size_t n)
{
    ssize_t w;

    while (n > 0 && (w = write(fd, buf, n)) > 0) {
        buf += w;
        n -= (size_t)w;
    }
}

/* Read the client's bytes until it shuts down its side; send them back after `who`. Returns 1
 * if the client said "quit". */
static int serve(int conn, const char *who)
{
    char buf[4096];
    size_t len = 0;
    ssize_t n;
    int one = 1;

    setsockopt(conn, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    while (len < sizeof buf - 1 && (n = read(conn, buf + len, sizeof buf - 1 - len)) > 0)
        len += (size_t)n;
    buf[len] = '\0';
    write_all(conn, who, strlen(who));
    write_all(conn, buf, len);
    close(conn);
    return strcmp(buf, "quit") == 0;
}

int main(int argc, char **argv)
{
    int fd, conn, i, n, status;
    pid_t spinner = -1;
    char who[32];

    if (argc != 4) {
        fprintf(stderr, "usage: echo_server PORT N serial|poll|busy|fork|prefork\n");
        return 2;
    }
    fd = listen_on(atoi(argv[1]));
    n = atoi(argv[2]);
    if (strcmp(argv[3], "busy") == 0 && (spinner = fork()) == 0)
        for (;;)
            ;
    if (strcmp(argv[3], "prefork") == 0) {
        for (i = 0; i < n; i++) {
            if (fork() == 0) {
                snprintf(who, sizeof who, "worker %d: ", i);
                while ((conn = accept(fd, NULL, NULL)) >= 0)
                    if (serve(conn, who))
                        _exit(0);
                _exit(1);
            }
        }
        close(fd);
    } else {
        for (i = 0; i < n; i++) {
            struct pollfd pfd = { fd, POLLIN, 0 };

            if (strcmp(argv[3], "poll") == 0 && (poll(&pfd, 1, -1) != 1 || !(pfd.revents & POLLIN))) {
                perror("poll");
                return 1;
            }
            conn = accept(fd, NULL, NULL);
            if (conn < 0) {
                perror("accept");
                return 1;
            }
            snprintf(who, sizeof who, "client %d: ", i);
            if (strcmp(argv[3], "fork") != 0) {
                serve(conn, who);
            } else if (fork() == 0) {
                close(fd);
                serve(conn, who);
                _exit(0);
            } else {
                close(conn);
            }
        }
    }
    if (spinner > 0) {
        kill(spinner, SIGKILL);
        waitpid(spinner, &status, 0);
    }
    while (wait(&status) > 0)
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            return 1;
    printf("served\n");
    return 0;
}
