/*
 * guest_echo - a server and its clients, all inside ufos: the parent listens on PORT, then
 * forks N clients that connect, send "ping I", shut down their side and print the answer.
 *
 *     guest_echo PORT N
 */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static struct sockaddr_in loopback(int port)
{
    struct sockaddr_in addr;

    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

/* Read until end of file; a string. */
static void read_all(int fd, char *buf, size_t size)
{
    size_t len = 0;
    ssize_t n;

    while (len < size - 1 && (n = recv(fd, buf + len, size - 1 - len, 0)) > 0)
        len += (size_t)n;
    buf[len] = '\0';
}

static void client(int port, int i)
{
    struct sockaddr_in addr = loopback(port), me, peer;
    socklen_t len = sizeof me;
    char msg[32], reply[64];
    int fd = socket(AF_INET, SOCK_STREAM, 0);

    if (connect(fd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("connect");
        _exit(1);
    }
    getsockname(fd, (struct sockaddr *)&me, &len);
    len = sizeof peer;
    getpeername(fd, (struct sockaddr *)&peer, &len);
    snprintf(msg, sizeof msg, "ping %d", i);
    send(fd, msg, strlen(msg), 0);
    shutdown(fd, SHUT_WR);
    read_all(fd, reply, sizeof reply);
    printf("client %d (%s, peer port %d): %s\n", i, inet_ntoa(me.sin_addr), ntohs(peer.sin_port), reply);
    _exit(0);
}

int main(int argc, char **argv)
{
    struct sockaddr_in addr, from;
    socklen_t len;
    char buf[64], reply[80];
    int fd, conn, i, n, port, status, ok = 1;

    if (argc != 3)
        return 2;
    port = atoi(argv[1]);
    n = atoi(argv[2]);
    addr = loopback(port);
    fd = socket(AF_INET, SOCK_STREAM, 0);
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, n) < 0) {
        perror("listen");
        return 1;
    }
    setvbuf(stdout, NULL, _IONBF, 0);
    for (i = 0; i < n; i++)
        if (fork() == 0)
            client(port, i);
    for (i = 0; i < n; i++) {
        len = sizeof from;
        conn = accept(fd, (struct sockaddr *)&from, &len);
        read_all(conn, buf, sizeof buf);
        snprintf(reply, sizeof reply, "pong (%s)", buf);
        write(conn, reply, strlen(reply));
        close(conn);
        ok = ok && len == sizeof from && from.sin_addr.s_addr == htonl(INADDR_LOOPBACK);
    }
    while (wait(&status) > 0)
        ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    printf("server: %s\n", ok ? "all clients served" : "a client failed");
    return ok ? 0 : 1;
}
