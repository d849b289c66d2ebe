// expected: host
/* netdb.h where ufos and glibc answer alike: numeric IPv4 hosts (also inet_aton's short and hex
   forms), numeric ports and a few service names of /etc/services, the list of socket types,
   AI_PASSIVE and the loopback default for a NULL host, AI_CANONNAME, the error codes in glibc's
   order of checks, gai_strerror's texts, getnameinfo's numeric forms and its errors, and
   gethostbyname of a numeric address. (Names other than numbers depend on the host's resolver,
   and are tested on ufos alone in netdb_localhost.) */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <netdb.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

static void lookup(const char *node, const char *service, int family, int socktype, int protocol,
                   int flags)
{
    struct addrinfo hints, *res, *p;
    int err;

    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    hints.ai_socktype = socktype;
    hints.ai_protocol = protocol;
    hints.ai_flags = flags;
    err = getaddrinfo(node, service, &hints, &res);
    printf("%s %s family=%d socktype=%d protocol=%d flags=%#x: ", node ? node : "NULL",
           service ? service : "NULL", family, socktype, protocol, (unsigned)flags);
    if (err != 0) {
        printf("%d (%s)\n", err, gai_strerror(err));
        return;
    }
    for (p = res; p != NULL; p = p->ai_next) {
        const struct sockaddr_in *sin = (const struct sockaddr_in *)p->ai_addr;
        char text[INET_ADDRSTRLEN];
        inet_ntop(AF_INET, &sin->sin_addr, text, sizeof text);
        printf("[%d %d %d len=%u %s:%u%s%s] ", p->ai_family, p->ai_socktype, p->ai_protocol,
               (unsigned)p->ai_addrlen, text, (unsigned)ntohs(sin->sin_port),
               p->ai_canonname ? " canon=" : "", p->ai_canonname ? p->ai_canonname : "");
    }
    printf("\n");
    freeaddrinfo(res);
}

static void name_of(unsigned long addr, unsigned port, socklen_t hostlen, socklen_t servlen, int flags)
{
    struct sockaddr_in sin;
    char host[64], serv[32];
    int err;

    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    sin.sin_port = htons((unsigned short)port);
    sin.sin_addr.s_addr = htonl((unsigned)addr);
    strcpy(host, "-");
    strcpy(serv, "-");
    err = getnameinfo((struct sockaddr *)&sin, sizeof sin, host, hostlen, serv, servlen, flags);
    printf("getnameinfo %#lx:%u flags=%d: %d", addr, port, flags, err);
    if (err == 0)
        printf(" %s %s", host, serv);
    printf("\n");
}

int main(void)
{
    struct sockaddr_in sin;
    struct hostent *he;
    char host[64], serv[32];
    int code;

    printf("constants: %d %d %d %d %d %d %d\n", AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST,
           AI_V4MAPPED, AI_ALL, AI_ADDRCONFIG, AI_NUMERICSERV);
    printf("NI: %d %d %d %d %d %d %d\n", NI_NUMERICHOST, NI_NUMERICSERV, NI_NOFQDN, NI_NAMEREQD,
           NI_DGRAM, NI_MAXHOST, NI_MAXSERV);
    printf("EAI: %d %d %d %d %d %d %d %d %d %d\n", EAI_BADFLAGS, EAI_NONAME, EAI_AGAIN, EAI_FAIL,
           EAI_FAMILY, EAI_SOCKTYPE, EAI_SERVICE, EAI_MEMORY, EAI_SYSTEM, EAI_OVERFLOW);
    for (code = -13; code <= 1; code++)
        printf("gai_strerror(%d) = %s\n", code, gai_strerror(code));

    /* Numeric hosts and ports, every socket type or one. */
    lookup("127.0.0.1", "80", AF_UNSPEC, 0, 0, 0);
    lookup("127.0.0.1", NULL, AF_UNSPEC, 0, 0, 0);
    lookup("10.1.2.3", "8080", AF_INET, SOCK_STREAM, 0, 0);
    lookup("10.1.2.3", "8080", AF_INET, 0, IPPROTO_UDP, 0);
    lookup("192.168.0.1", "65535", AF_INET, SOCK_DGRAM, 0, AI_NUMERICHOST | AI_NUMERICSERV);
    lookup("127.1", "22", AF_INET, SOCK_STREAM, 0, AI_CANONNAME);
    lookup("0x7f000001", "65536", AF_INET, SOCK_STREAM, 0, 0);
    lookup("127.0.0.1", "", AF_INET, SOCK_STREAM, 0, 0);
    lookup("127.0.0.1", NULL, AF_INET, SOCK_RAW, 0, 0);
    /* A NULL host: the wildcard for a server's bind, or loopback for a client. */
    lookup(NULL, "8080", AF_INET, SOCK_STREAM, 0, AI_PASSIVE);
    lookup(NULL, "8080", AF_INET, SOCK_STREAM, 0, 0);
    /* Service names. */
    lookup("127.0.0.1", "http", AF_INET, SOCK_STREAM, 0, 0);
    lookup("127.0.0.1", "www", AF_INET, SOCK_STREAM, 0, 0);
    lookup("127.0.0.1", "ssh", AF_INET, SOCK_STREAM, 0, 0);
    lookup("127.0.0.1", "domain", AF_INET, 0, 0, 0);
    lookup("127.0.0.1", "domain", AF_INET, 0, IPPROTO_UDP, 0);
    lookup("127.0.0.1", "7", AF_INET, 0, IPPROTO_TCP, 0);
    /* Errors, in glibc's order of checks. */
    lookup(NULL, NULL, AF_INET, SOCK_STREAM, 0, 0);
    lookup(NULL, "80", AF_INET, SOCK_STREAM, 0, AI_CANONNAME);
    lookup("127.0.0.1", "80", AF_INET, SOCK_STREAM, 0, 0x1000);
    lookup("127.0.0.1", "80", AF_UNIX, 0, 0, 0);
    lookup("127.0.0.1", "80", AF_INET6, 0, 0, 0);
    lookup("::1", "80", AF_INET, 0, 0, 0);
    lookup("127.0.0.1", "80", AF_INET, SOCK_STREAM, IPPROTO_UDP, 0);
    lookup("127.0.0.1", "80", AF_INET, SOCK_RAW, 0, 0);
    lookup("127.0.0.1", "no-such-service", AF_INET, SOCK_STREAM, 0, 0);
    lookup("127.0.0.1", "80x", AF_INET, SOCK_STREAM, 0, 0);
    lookup("127.0.0.1", "http", AF_INET, SOCK_DGRAM, 0, 0);
    lookup("127.0.0.1", "http", AF_INET, SOCK_STREAM, 0, AI_NUMERICSERV);
    lookup("some.host", NULL, AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST);
    lookup("1.2.3.4.5", NULL, AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST);
    lookup("256.1.1.1", NULL, AF_INET, SOCK_STREAM, 0, AI_NUMERICHOST);

    /* getnameinfo: digits, service names, errors. */
    name_of(0x7f000001, 22, 64, 32, NI_NUMERICHOST | NI_NUMERICSERV);
    name_of(0x0a000001, 80, 64, 32, NI_NUMERICHOST);
    name_of(0x0a000001, 80, 64, 32, NI_NUMERICHOST | NI_NUMERICSERV);
    name_of(0x0a000001, 53, 64, 32, NI_NUMERICHOST | NI_DGRAM);
    name_of(0x0a000001, 22, 64, 32, NI_NUMERICHOST | NI_DGRAM);
    name_of(0xc0a80001, 8080, 64, 32, NI_NUMERICHOST);
    name_of(0xc0a80001, 8080, 5, 32, NI_NUMERICHOST | NI_NUMERICSERV);
    name_of(0xc0a80001, 8080, 64, 4, NI_NUMERICHOST | NI_NUMERICSERV);
    name_of(0xc0a80001, 8080, 64, 32, 0x100);
    memset(&sin, 0, sizeof sin);
    sin.sin_family = AF_INET;
    printf("short address: %d\n",
           getnameinfo((struct sockaddr *)&sin, 8, host, sizeof host, serv, sizeof serv, NI_NUMERICHOST));
    printf("neither wanted: %d\n", getnameinfo((struct sockaddr *)&sin, sizeof sin, NULL, 0, NULL, 0, 0));
    printf("neither, name required: %d\n",
           getnameinfo((struct sockaddr *)&sin, sizeof sin, NULL, 0, NULL, 0, NI_NAMEREQD));

    /* gethostbyname of numbers. */
    he = gethostbyname("10.1.2.3");
    printf("gethostbyname: %s type=%d length=%d addr=%s aliases=%d more=%d\n", he->h_name,
           he->h_addrtype, he->h_length, inet_ntoa(*(struct in_addr *)he->h_addr),
           he->h_aliases[0] != NULL, he->h_addr_list[1] != NULL);
    he = gethostbyname("127.1");
    printf("gethostbyname: %s addr=%s\n", he->h_name, inet_ntoa(*(struct in_addr *)he->h_addr_list[0]));
    return 0;
}
