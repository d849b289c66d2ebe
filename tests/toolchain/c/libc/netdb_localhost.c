/* netdb.h on ufos alone (the host's answers depend on its resolver and /etc/hosts): "localhost"
   is 127.0.0.1, every other name is EAI_NONAME (no DNS), IPv6 fails honestly (EAI_FAMILY, or
   EAI_ADDRFAMILY for a literal), getnameinfo names 127.0.0.1 "localhost", gethostbyname and
   gethostbyaddr know localhost and numbers, getservbyname and getservbyport read /etc/services;
   and a server's getaddrinfo(NULL, port, AI_PASSIVE) result binds a real socket. (It does not
   listen: a guest listener also listens on the host's port, which a parallel run could hold.) */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static void lookup(const char *node, const char *service, int family, int flags)
{
    struct addrinfo hints, *res, *p;
    int err;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = flags;
    err = getaddrinfo(node, service, &hints, &res);
    printf("%s %s family=%d flags=%d: ", node ? node : "NULL", service ? service : "NULL", family, flags);
    if (err != 0) {
        printf("%d (%s)\n", err, gai_strerror(err));
        return;
    }
    for (p = res; p != NULL; p = p->ai_next) {
        const struct sockaddr_in *sin = (const struct sockaddr_in *)p->ai_addr;
        printf("%s:%u%s%s ", inet_ntoa(sin->sin_addr), (unsigned)ntohs(sin->sin_port),
               p->ai_canonname ? " canon=" : "", p->ai_canonname ? p->ai_canonname : "");
    }
    printf("\n");
    freeaddrinfo(res);
}

int main(void)
{
    struct addrinfo hints, *res;
    struct sockaddr_in sin, bound;
    socklen_t len = sizeof bound;
    struct hostent *he;
    struct servent *se;
    char host[NI_MAXHOST], serv[NI_MAXSERV];
    int fd, err;

    lookup("localhost", "8080", AF_UNSPEC, 0);
    lookup("localhost", "http", AF_INET, AI_CANONNAME);
    lookup("localhost", "80", AF_INET, AI_NUMERICHOST);
    lookup("example.com", "80", AF_UNSPEC, 0);
    lookup("localhost", "80", AF_INET6, 0);
    lookup(NULL, "80", AF_INET6, AI_PASSIVE);
    lookup("::1", "80", AF_UNSPEC, 0);
    lookup("redis-host", "redis", AF_INET, 0);
    lookup(NULL, "redis", AF_UNSPEC, AI_PASSIVE);
    lookup(NULL, "postgres", AF_UNSPEC, 0);

    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons(443);
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    err = getnameinfo((struct sockaddr *)&sin, sizeof sin, host, sizeof host, serv, sizeof serv, 0);
    printf("getnameinfo 127.0.0.1:443: %d %s %s\n", err, host, serv);
    err = getnameinfo((struct sockaddr *)&sin, sizeof sin, host, sizeof host, serv, sizeof serv, NI_NAMEREQD);
    printf("getnameinfo 127.0.0.1:443 NI_NAMEREQD: %d %s %s\n", err, host, serv);
    sin.sin_addr.s_addr = htonl(0x0a000001);
    err = getnameinfo((struct sockaddr *)&sin, sizeof sin, host, sizeof host, serv, sizeof serv, NI_NAMEREQD);
    printf("getnameinfo 10.0.0.1 NI_NAMEREQD: %d\n", err);
    printf("getnameinfo AF_INET6: %d\n",
           getnameinfo((struct sockaddr *)&sin, sizeof sin, host, sizeof host, NULL, 0, 0) == 0
           && (sin.sin_family = AF_INET6,
               getnameinfo((struct sockaddr *)&sin, sizeof sin, host, sizeof host, NULL, 0, 0)) == EAI_FAMILY);

    he = gethostbyname("localhost");
    printf("gethostbyname(localhost): %s %s\n", he->h_name, inet_ntoa(*(struct in_addr *)he->h_addr));
    he = gethostbyname("nowhere.invalid");
    printf("gethostbyname(nowhere.invalid): %s h_errno=%d (%s)\n", he ? "found" : "NULL", h_errno,
           hstrerror(h_errno));
    sin.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    he = gethostbyaddr(&sin.sin_addr, sizeof sin.sin_addr, AF_INET);
    printf("gethostbyaddr(127.0.0.1): %s\n", he ? he->h_name : "NULL");

    se = getservbyname("www", "tcp");
    printf("getservbyname(www, tcp): %s %d %s alias=%s\n", se->s_name, ntohs((uint16_t)se->s_port),
           se->s_proto, se->s_aliases[0]);
    se = getservbyname("ssh", "udp");
    printf("getservbyname(ssh, udp): %s\n", se ? se->s_name : "NULL");
    se = getservbyport(htons(5432), NULL);
    printf("getservbyport(5432): %s %s\n", se->s_name, se->s_proto);

    /* What a server does: bind to the wildcard address getaddrinfo gives it. */
    memset(&hints, 0, sizeof hints);
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE;
    err = getaddrinfo(NULL, "0", &hints, &res);
    printf("server getaddrinfo: %d\n", err);
    fd = socket(res->ai_family, res->ai_socktype, res->ai_protocol);
    printf("socket: %d\n", fd >= 0);
    printf("bind: %d\n", bind(fd, res->ai_addr, res->ai_addrlen));
    getsockname(fd, (struct sockaddr *)&bound, &len);
    printf("bound to %s, a port: %d\n", inet_ntoa(bound.sin_addr), ntohs(bound.sin_port) != 0);
    close(fd);
    freeaddrinfo(res);
    return 0;
}
