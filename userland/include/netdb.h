/*
 * netdb.h - names of hosts and services (POSIX): getaddrinfo, getnameinfo, gethostbyname.
 * Implemented in userland/libc/netdb.c. Values are glibc's.
 *
 * ufos has no DNS and only IPv4 (AF_INET) sockets, so a host is a numeric IPv4 address
 * ("127.0.0.1", and inet_aton's other forms such as "127.1"), "localhost" (127.0.0.1), or NULL
 * (0.0.0.0 with AI_PASSIVE, for a server's bind; else 127.0.0.1). Any other name fails with
 * EAI_NONAME, as glibc's does for a name that does not exist. An IPv6 request (AF_INET6) fails
 * with EAI_FAMILY and an IPv6 literal ("::1") with EAI_ADDRFAMILY. A service is a port number
 * or a name from /etc/services (a small file: userland/etc/services).
 *
 *   int getaddrinfo(node, service, hints, &res)   0 and a list to free with freeaddrinfo, or EAI_*
 *   int getnameinfo(sa, salen, host, hostlen, serv, servlen, flags)   0, or EAI_*
 *   const char *gai_strerror(int errcode)         glibc's text for an EAI_* code
 *   struct hostent *gethostbyname(name)           static; NULL with h_errno set on failure
 */
#ifndef _NETDB_H
#define _NETDB_H

#include <netinet/in.h>
#include <sys/socket.h>

struct addrinfo {
    int ai_flags;                   /* AI_* */
    int ai_family;                  /* AF_INET (or, in hints, AF_UNSPEC) */
    int ai_socktype;                /* SOCK_STREAM, SOCK_DGRAM, SOCK_RAW (or 0 in hints: any) */
    int ai_protocol;                /* IPPROTO_TCP, IPPROTO_UDP (or 0) */
    socklen_t ai_addrlen;           /* the size of *ai_addr */
    struct sockaddr *ai_addr;       /* a struct sockaddr_in */
    char *ai_canonname;             /* with AI_CANONNAME, in the first result only */
    struct addrinfo *ai_next;
};

struct hostent {
    char *h_name;                   /* the official name */
    char **h_aliases;               /* other names, NULL-terminated */
    int h_addrtype;                 /* AF_INET */
    int h_length;                   /* 4 */
    char **h_addr_list;             /* addresses (network order), NULL-terminated */
};
#define h_addr h_addr_list[0]       /* the first address (for old programs) */

struct servent {
    char *s_name;                   /* the official name */
    char **s_aliases;
    int s_port;                     /* network order */
    char *s_proto;                  /* "tcp" or "udp" */
};

/* ai_flags */
#define AI_PASSIVE 0x0001           /* node NULL gives the wildcard address (for bind) */
#define AI_CANONNAME 0x0002         /* the first result's ai_canonname is the host's name */
#define AI_NUMERICHOST 0x0004       /* node must be a numeric address: no name lookup */
#define AI_V4MAPPED 0x0008
#define AI_ALL 0x0010
#define AI_ADDRCONFIG 0x0020
#define AI_NUMERICSERV 0x0400       /* service must be a port number */

/* getnameinfo's flags */
#define NI_NUMERICHOST 1            /* the address as digits, never a name */
#define NI_NUMERICSERV 2            /* the port as digits, never a name */
#define NI_NOFQDN 4
#define NI_NAMEREQD 8               /* fail (EAI_NONAME) rather than give digits for the host */
#define NI_DGRAM 16                 /* the service is a UDP one */
#define NI_MAXHOST 1025
#define NI_MAXSERV 32

/* getaddrinfo's and getnameinfo's errors (negative, as in glibc) */
#define EAI_BADFLAGS -1             /* bad ai_flags or flags */
#define EAI_NONAME -2               /* no such host or service */
#define EAI_AGAIN -3
#define EAI_FAIL -4
#define EAI_NODATA -5
#define EAI_FAMILY -6               /* a family ufos cannot give (AF_INET6) or that is not one */
#define EAI_SOCKTYPE -7             /* ai_socktype is not one */
#define EAI_SERVICE -8              /* the service is not there for this socket type */
#define EAI_ADDRFAMILY -9           /* the address is not of the family asked for */
#define EAI_MEMORY -10
#define EAI_SYSTEM -11              /* see errno */
#define EAI_OVERFLOW -12            /* a buffer too small for getnameinfo's result */

/* h_errno's values */
#define HOST_NOT_FOUND 1
#define TRY_AGAIN 2
#define NO_RECOVERY 3
#define NO_DATA 4
#define NO_ADDRESS NO_DATA

extern int h_errno;

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res);
void freeaddrinfo(struct addrinfo *res);
const char *gai_strerror(int errcode);
int getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host, socklen_t hostlen,
                char *serv, socklen_t servlen, int flags);
struct hostent *gethostbyname(const char *name);
struct hostent *gethostbyaddr(const void *addr, socklen_t len, int type);
const char *hstrerror(int err);
struct servent *getservbyname(const char *name, const char *proto);
struct servent *getservbyport(int port, const char *proto);

#endif
