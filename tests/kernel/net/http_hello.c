/*
 * http_hello - the smallest HTTP server, for tests/kernel/test_net.py: answers N requests with
 * "hello from ufos: PATH" and a Content-Length, one connection each.
 *
 *     http_hello PORT N
 */
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    struct sockaddr_in addr;
    char req[2048], path[256], body[300], head[200];
    int fd, conn, served;
    size_t len;
    ssize_t n;

    if (argc != 3)
        return 2;
    fd = socket(AF_INET, SOCK_STREAM, 0);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_port = htons((uint16_t)atoi(argv[1]));
    if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 8) < 0) {
        perror("http_hello");
        return 1;
    }
    for (served = 0; served < atoi(argv[2]); served++) {
        if ((conn = accept(fd, NULL, NULL)) < 0)
            return 1;
        len = 0;
        while (len < sizeof req - 1 && (n = recv(conn, req + len, sizeof req - 1 - len, 0)) > 0) {
            len += (size_t)n;
            req[len] = '\0';
            if (strstr(req, "\r\n\r\n") != NULL)
                break;
        }
        req[len] = '\0';
        if (sscanf(req, "GET %255s", path) != 1)
            strcpy(path, "?");
        snprintf(body, sizeof body, "hello from ufos: %s\n", path);
        snprintf(head, sizeof head, "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n"
                 "Content-Length: %d\r\nConnection: close\r\n\r\n", (int)strlen(body));
        send(conn, head, strlen(head), MSG_NOSIGNAL);
        send(conn, body, strlen(body), MSG_NOSIGNAL);
        close(conn);
    }
    return 0;
}
