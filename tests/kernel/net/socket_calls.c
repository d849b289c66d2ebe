/*
 * socket_calls - the socket system calls' paths, each line one check: socketpair, shutdown,
 * peer close, EPIPE and SIGPIPE, O_NONBLOCK, ppoll, options, and the errors.
 *
 *     socket_calls PORT      (PORT: a guest port with no listener; PORT + 1 is listened on)
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

static int sigpipes;

static void on_sigpipe(int sig)
{
    (void)sig;
    sigpipes++;
}

/* "name = result" or "name = -1 ERRNONAME". */
static void show(const char *name, long r)
{
    if (r < 0)
        printf("%s = -1 %s\n", name, strerror(errno));
    else
        printf("%s = %ld\n", name, r);
}

static struct sockaddr_in loopback(int port)
{
    struct sockaddr_in addr;

    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)port);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return addr;
}

int main(int argc, char **argv)
{
    struct sockaddr_in addr, got;
    struct pollfd pfd;
    struct stat st;
    socklen_t len;
    char buf[16];
    int sv[2], fd, fd2, one = 1, value, port;

    if (argc != 2)
        return 2;
    port = atoi(argv[1]);
    signal(SIGPIPE, on_sigpipe);

    /* socketpair: both ways, then shutdown and close */
    show("socketpair", socketpair(AF_UNIX, SOCK_STREAM, 0, sv));
    fstat(sv[0], &st);
    printf("S_ISSOCK = %d\n", S_ISSOCK(st.st_mode));
    show("write a->b", write(sv[0], "abc", 3));
    pfd.fd = sv[1];
    pfd.events = POLLIN;
    show("poll b", poll(&pfd, 1, 0));
    printf("revents POLLIN = %d\n", (pfd.revents & POLLIN) != 0);
    show("read b", read(sv[1], buf, sizeof buf));
    show("send b->a", send(sv[1], "xy", 2, 0));
    show("recv a", recv(sv[0], buf, sizeof buf, 0));
    fcntl(sv[0], F_SETFL, O_NONBLOCK);
    show("nonblocking read, nothing there", read(sv[0], buf, sizeof buf));
    show("recv MSG_DONTWAIT", recv(sv[1], buf, sizeof buf, MSG_DONTWAIT));
    show("shutdown a SHUT_WR", shutdown(sv[0], SHUT_WR));
    show("read b after the shutdown", read(sv[1], buf, sizeof buf));
    show("write a after the shutdown", write(sv[0], "z", 1));
    show("close b", close(sv[1]));
    show("read a after b closed", read(sv[0], buf, sizeof buf));
    show("send MSG_NOSIGNAL to closed b", send(sv[0], "z", 1, MSG_NOSIGNAL));
    printf("SIGPIPEs so far = %d\n", sigpipes);
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    close(sv[1]);
    show("write to closed b", write(sv[0], "z", 1));
    printf("SIGPIPEs = %d\n", sigpipes);
    close(sv[0]);

    /* AF_INET: names, options and errors */
    fd = socket(AF_INET, SOCK_STREAM, 0);
    show("setsockopt SO_REUSEADDR", setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one));
    show("setsockopt TCP_NODELAY", setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one));
    show("setsockopt SO_DEBUG", setsockopt(fd, SOL_SOCKET, SO_DEBUG, &one, sizeof one));
    len = sizeof value;
    getsockopt(fd, SOL_SOCKET, SO_TYPE, &value, &len);
    printf("SO_TYPE = %d (len %d)\n", value, (int)len);
    addr = loopback(port);
    show("connect, nobody listening", connect(fd, (struct sockaddr *)&addr, sizeof addr));
    show("recv unconnected", recv(fd, buf, sizeof buf, 0));
    show("getpeername unconnected", getpeername(fd, (struct sockaddr *)&got, &len));
    show("accept, not listening", accept(fd, NULL, NULL));
    addr = loopback(port + 1);
    show("bind", bind(fd, (struct sockaddr *)&addr, sizeof addr));
    show("listen", listen(fd, 4));
    len = sizeof got;
    getsockname(fd, (struct sockaddr *)&got, &len);
    printf("getsockname port = %d\n", ntohs(got.sin_port) - port);
    fd2 = socket(AF_INET, SOCK_STREAM, 0);
    show("bind the same port", bind(fd2, (struct sockaddr *)&addr, sizeof addr));
    addr.sin_addr.s_addr = htonl(0x0a000001);
    show("bind 10.0.0.1", bind(fd2, (struct sockaddr *)&addr, sizeof addr));
    show("bind a short address", bind(fd2, (struct sockaddr *)&addr, 4));
    fcntl(fd, F_SETFL, O_NONBLOCK);
    show("nonblocking accept, nobody", accept(fd, NULL, NULL));
    pfd.fd = fd;
    show("poll the listener", poll(&pfd, 1, 0));
    show("socket AF_INET6", socket(AF_INET6, SOCK_STREAM, 0));
    show("socket SOCK_DGRAM", socket(AF_INET, SOCK_DGRAM, 0));
    show("socketpair AF_INET", socketpair(AF_INET, SOCK_STREAM, 0, sv));
    show("listen on stdin", listen(0, 1));
    show("getsockname of stdout", getsockname(1, (struct sockaddr *)&got, &len));
    close(fd);
    addr = loopback(port + 1);
    show("bind the port again after close", bind(fd2, (struct sockaddr *)&addr, sizeof addr));
    return 0;
}
