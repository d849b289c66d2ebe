/*
 * netdb.c - names of hosts and services (netdb.h): getaddrinfo, freeaddrinfo, gai_strerror,
 * getnameinfo, gethostbyname, gethostbyaddr, hstrerror, getservbyname, getservbyport.
 *
 * ufos has no resolver: no DNS, no /etc/hosts. A host name is resolved here, by rules:
 *     a numeric IPv4 address    itself (inet_aton's forms: "127.0.0.1", "127.1", "0x7f000001")
 *     "localhost"               127.0.0.1
 *     NULL (getaddrinfo only)   0.0.0.0 with AI_PASSIVE (a server binds to it), else 127.0.0.1
 *     anything else             EAI_NONAME (HOST_NOT_FOUND), as glibc says for a missing name
 * and only IPv4: AF_INET6 in the hints is EAI_FAMILY (an IPv4 literal with it EAI_ADDRFAMILY,
 * as in glibc), and an IPv6 literal such as "::1" is EAI_ADDRFAMILY.
 *
 * A service is a port number or a name looked up in /etc/services (userland/etc/services, a
 * few common lines in netbase's format: "name port/proto aliases... # comment").
 *
 * getaddrinfo follows glibc in what it checks, in which order, and what it answers: one result
 * per socket type the hints allow - SOCK_STREAM (TCP), SOCK_DGRAM (UDP) and SOCK_RAW (not for
 * a service name) - in that order. ufos's socket() makes only SOCK_STREAM sockets; the usual loop over
 * the results ("try socket() and bind() or connect() on each until one works") meets the TCP
 * one first. Each result is three allocations (the addrinfo, its sockaddr_in, its canonical
 * name), so each pointer's bounds are exactly its object.
 */
#include <netdb.h>
#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int h_errno;

#define LOCALHOST 0x7f000001u   /* 127.0.0.1, host order */

/* ---- host names ---------------------------------------------------------------------------- */

/* inet_aton's numeric forms, with nothing after (glibc's inet_aton_exact): one to four numbers
 * separated by dots, each decimal, octal (0...) or hex (0x...); the last fills the bytes that are
 * left ("127.1" is 127.0.0.1). 1 and *addr (host order), or 0. */
static int parse_ipv4(const char *s, uint32_t *addr)
{
    uint32_t parts[4];
    int n = 0;

    for (;;) {
        unsigned long value = 0;
        int base = 10, digits = 0;
        if (!isdigit((unsigned char)*s))
            return 0;
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            base = 16;
            s += 2;
        } else if (s[0] == '0') {
            base = 8;
        }
        for (;; s++, digits++) {
            int d;
            if (isdigit((unsigned char)*s))
                d = *s - '0';
            else if (base == 16 && isxdigit((unsigned char)*s))
                d = tolower((unsigned char)*s) - 'a' + 10;
            else
                break;
            if (d >= base)
                return 0;
            value = value * (unsigned long)base + (unsigned long)d;
            if (value > 0xffffffffu)
                return 0;
        }
        if (digits == 0 && base == 16)
            return 0;
        if (n == 4)
            return 0;
        parts[n++] = (uint32_t)value;
        if (*s == '\0')
            break;
        if (*s++ != '.')
            return 0;
    }
    /* Every number but the last is one byte; the last fills what is left. */
    static const uint32_t last_max[] = {0xffffffffu, 0xffffffu, 0xffffu, 0xffu};
    uint32_t result = 0;
    for (int i = 0; i < n - 1; i++) {
        if (parts[i] > 0xff)
            return 0;
        result |= parts[i] << (24 - 8 * i);
    }
    if (parts[n - 1] > last_max[n - 1])
        return 0;
    *addr = result | parts[n - 1];
    return 1;
}

/* Looks like an IPv6 literal: what glibc would resolve as an AF_INET6 address. */
static int is_ipv6_literal(const char *s)
{
    if (strchr(s, ':') == NULL)
        return 0;
    for (; *s; s++)
        if (!isxdigit((unsigned char)*s) && *s != ':' && *s != '.')
            return 0;
    return 1;
}

/* ---- /etc/services ------------------------------------------------------------------------- */

#define MAX_ALIASES 8

static struct servent serv_result;
static char serv_line[256];
static char *serv_aliases[MAX_ALIASES + 1];

/* Finds the line of /etc/services for a name (or alias) or else a port (host order), with the
 * protocol proto (NULL: any); fills serv_result from it. 1 if found. */
static int find_service(const char *name, int port, const char *proto)
{
    FILE *f = fopen("/etc/services", "r");
    int found = 0;

    if (f == NULL)
        return 0;
    while (!found && fgets(serv_line, sizeof serv_line, f) != NULL) {
        char *hash = strchr(serv_line, '#'), *save, *words[3 + MAX_ALIASES];
        int n = 0, line_port;
        if (hash != NULL)
            *hash = '\0';
        for (char *w = strtok_r(serv_line, " \t\n", &save); w != NULL && n < 3 + MAX_ALIASES;
             w = strtok_r(NULL, " \t\n", &save))
            words[n++] = w;
        if (n < 2)
            continue;
        char *slash = strchr(words[1], '/');          /* "80/tcp" */
        if (slash == NULL)
            continue;
        *slash = '\0';
        line_port = atoi(words[1]);
        if (proto != NULL && strcmp(slash + 1, proto) != 0)
            continue;
        if (name != NULL) {
            found = strcmp(words[0], name) == 0;
            for (int i = 2; i < n && !found; i++)
                found = strcmp(words[i], name) == 0;
        } else {
            found = line_port == port;
        }
        if (found) {
            serv_result.s_name = words[0];
            serv_result.s_port = (int)htons((uint16_t)line_port);
            serv_result.s_proto = slash + 1;
            for (int i = 2; i < n; i++)
                serv_aliases[i - 2] = words[i];
            serv_aliases[n - 2] = NULL;
            serv_result.s_aliases = serv_aliases;
        }
    }
    fclose(f);
    return found;
}

struct servent *getservbyname(const char *name, const char *proto)
{
    return find_service(name, 0, proto) ? &serv_result : NULL;
}

struct servent *getservbyport(int port, const char *proto)
{
    return find_service(NULL, ntohs((uint16_t)port), proto) ? &serv_result : NULL;
}

/* ---- getaddrinfo ---------------------------------------------------------------------------- */

/* The socket types getaddrinfo gives, in its order. */
static const struct { int socktype, protocol; const char *proto; } types[] = {
    {SOCK_STREAM, IPPROTO_TCP, "tcp"},
    {SOCK_DGRAM, IPPROTO_UDP, "udp"},
    {SOCK_RAW, 0, NULL},
};
#define NTYPES 3

#define AI_KNOWN (AI_PASSIVE | AI_CANONNAME | AI_NUMERICHOST | AI_V4MAPPED | AI_ALL \
                  | AI_ADDRCONFIG | AI_NUMERICSERV | 0x0040 | 0x0080)   /* and glibc's AI_IDN, AI_CANONIDN */

void freeaddrinfo(struct addrinfo *res)
{
    while (res != NULL) {
        struct addrinfo *next = res->ai_next;
        free(res->ai_addr);
        free(res->ai_canonname);
        free(res);
        res = next;
    }
}

/* Is s all digits (or empty, which glibc takes as port 0)? */
static int all_digits(const char *s)
{
    for (; *s; s++)
        if (!isdigit((unsigned char)*s))
            return 0;
    return 1;
}

int getaddrinfo(const char *node, const char *service, const struct addrinfo *hints,
                struct addrinfo **res)
{
    static const struct addrinfo no_hints = {0};
    int use[NTYPES], ports[NTYPES], any = 0;
    uint32_t addr;
    struct addrinfo *head = NULL, **tail = &head;

    if (hints == NULL)
        hints = &no_hints;
    if (hints->ai_flags & ~AI_KNOWN)
        return EAI_BADFLAGS;
    if (node == NULL && service == NULL)
        return EAI_NONAME;
    if ((hints->ai_flags & AI_CANONNAME) && node == NULL)
        return EAI_BADFLAGS;
    if (hints->ai_family != AF_UNSPEC && hints->ai_family != AF_INET && hints->ai_family != AF_INET6)
        return EAI_FAMILY;

    /* Which socket types: those that agree with ai_socktype and ai_protocol. */
    for (int i = 0; i < NTYPES; i++) {
        use[i] = (hints->ai_socktype == 0 || hints->ai_socktype == types[i].socktype)
                 && (hints->ai_protocol == 0 || hints->ai_protocol == types[i].protocol);
        any |= use[i];
    }
    if (!any)
        return EAI_SOCKTYPE;

    /* The port, for each type: a number for all, a name looked up per protocol. (As in glibc,
       a raw socket takes a numeric port when the hints ask for any type, but a service with
       SOCK_RAW itself is EAI_SERVICE, and a name never gives a raw socket.) */
    for (int i = 0; i < NTYPES; i++)
        ports[i] = 0;
    if (service != NULL) {
        int numeric = all_digits(service);
        unsigned long number = numeric ? strtoul(service, NULL, 10) : 0;
        if (!numeric && (hints->ai_flags & AI_NUMERICSERV))
            return EAI_NONAME;
        any = 0;
        for (int i = 0; i < NTYPES; i++) {
            if (types[i].proto == NULL && !(numeric && hints->ai_socktype == 0))
                use[i] = 0;
            else if (use[i] && numeric)
                ports[i] = (int)(uint16_t)number;          /* glibc keeps the low 16 bits */
            else if (use[i] && getservbyname(service, types[i].proto) != NULL)
                ports[i] = ntohs((uint16_t)serv_result.s_port);
            else
                use[i] = 0;
            any |= use[i];
        }
        if (!any)
            return EAI_SERVICE;
    }

    /* The address. */
    if (node == NULL) {
        if (hints->ai_family == AF_INET6)
            return EAI_FAMILY;
        addr = (hints->ai_flags & AI_PASSIVE) ? INADDR_ANY : LOCALHOST;
    } else if (parse_ipv4(node, &addr)) {
        if (hints->ai_family == AF_INET6)
            return EAI_ADDRFAMILY;
    } else if (is_ipv6_literal(node)) {
        return EAI_ADDRFAMILY;                      /* ufos cannot give an IPv6 address */
    } else if (hints->ai_flags & AI_NUMERICHOST) {
        return EAI_NONAME;
    } else if (strcmp(node, "localhost") == 0) {
        if (hints->ai_family == AF_INET6)
            return EAI_FAMILY;
        addr = LOCALHOST;
    } else {
        return EAI_NONAME;                          /* no DNS: no other name exists */
    }

    for (int i = 0; i < NTYPES; i++) {
        if (!use[i])
            continue;
        struct addrinfo *ai = calloc(1, sizeof *ai);
        struct sockaddr_in *sin = calloc(1, sizeof *sin);
        if (ai == NULL || sin == NULL) {
            free(ai);
            free(sin);
            freeaddrinfo(head);
            return EAI_MEMORY;
        }
        sin->sin_family = AF_INET;
        sin->sin_port = htons((uint16_t)ports[i]);
        sin->sin_addr.s_addr = htonl(addr);
        ai->ai_family = AF_INET;
        ai->ai_socktype = types[i].socktype;
        ai->ai_protocol = types[i].protocol;
        ai->ai_addrlen = sizeof *sin;
        ai->ai_addr = (struct sockaddr *)sin;
        if (head == NULL && (hints->ai_flags & AI_CANONNAME)
            && (ai->ai_canonname = strdup(node)) == NULL) {
            free(ai);
            free(sin);
            return EAI_MEMORY;
        }
        *tail = ai;
        tail = &ai->ai_next;
    }
    *res = head;
    return 0;
}

const char *gai_strerror(int errcode)
{
    switch (errcode) {
    case EAI_BADFLAGS: return "Bad value for ai_flags";
    case EAI_NONAME: return "Name or service not known";
    case EAI_AGAIN: return "Temporary failure in name resolution";
    case EAI_FAIL: return "Non-recoverable failure in name resolution";
    case EAI_NODATA: return "No address associated with hostname";
    case EAI_FAMILY: return "ai_family not supported";
    case EAI_SOCKTYPE: return "ai_socktype not supported";
    case EAI_SERVICE: return "Servname not supported for ai_socktype";
    case EAI_ADDRFAMILY: return "Address family for hostname not supported";
    case EAI_MEMORY: return "Memory allocation failure";
    case EAI_SYSTEM: return "System error";
    default: return "Unknown error";
    }
}

/* ---- getnameinfo ---------------------------------------------------------------------------- */

#define NI_KNOWN (NI_NUMERICHOST | NI_NUMERICSERV | NI_NOFQDN | NI_NAMEREQD | NI_DGRAM | 32)  /* and NI_IDN */

/* Copies s into buf of size len: 0, or EAI_OVERFLOW if it does not fit. */
static int put(char *buf, socklen_t len, const char *s)
{
    size_t n = strlen(s);
    if (n >= len)
        return EAI_OVERFLOW;
    memcpy(buf, s, n + 1);
    return 0;
}

int getnameinfo(const struct sockaddr *sa, socklen_t salen, char *host, socklen_t hostlen,
                char *serv, socklen_t servlen, int flags)
{
    const struct sockaddr_in *sin = (const struct sockaddr_in *)sa;
    int err;

    if (flags & ~NI_KNOWN)
        return EAI_BADFLAGS;
    if (sa == NULL || salen < sizeof(sa_family_t))
        return EAI_FAMILY;
    if (sa->sa_family != AF_INET || salen < sizeof(struct sockaddr_in))
        return EAI_FAMILY;
    if ((flags & NI_NAMEREQD) && host == NULL && serv == NULL)
        return EAI_NONAME;

    if (host != NULL && hostlen > 0) {
        uint32_t addr = ntohl(sin->sin_addr.s_addr);
        char digits[INET_ADDRSTRLEN];
        /* The only name ufos knows for an address is localhost's. */
        if (!(flags & NI_NUMERICHOST) && addr == LOCALHOST) {
            err = put(host, hostlen, "localhost");
        } else if (flags & NI_NAMEREQD) {
            return EAI_NONAME;
        } else {
            inet_ntop(AF_INET, &sin->sin_addr, digits, sizeof digits);
            err = put(host, hostlen, digits);
        }
        if (err)
            return err;
    }
    if (serv != NULL && servlen > 0) {
        int port = ntohs(sin->sin_port);
        char digits[8];
        if (!(flags & NI_NUMERICSERV)
            && getservbyport(sin->sin_port, (flags & NI_DGRAM) ? "udp" : "tcp") != NULL)
            return put(serv, servlen, serv_result.s_name);
        snprintf(digits, sizeof digits, "%d", port);
        return put(serv, servlen, digits);
    }
    return 0;
}

/* ---- gethostbyname, gethostbyaddr ----------------------------------------------------------- */

static struct hostent host_result;
static char host_name[NI_MAXHOST];
static struct in_addr host_addr;
static char *host_addrs[2];
static char *host_aliases[1];

/* Fills host_result with name and addr (host order). */
static struct hostent *make_host(const char *name, uint32_t addr)
{
    snprintf(host_name, sizeof host_name, "%s", name);
    host_addr.s_addr = htonl(addr);
    host_addrs[0] = (char *)&host_addr;
    host_addrs[1] = NULL;
    host_aliases[0] = NULL;
    host_result.h_name = host_name;
    host_result.h_aliases = host_aliases;
    host_result.h_addrtype = AF_INET;
    host_result.h_length = 4;
    host_result.h_addr_list = host_addrs;
    return &host_result;
}

struct hostent *gethostbyname(const char *name)
{
    uint32_t addr;

    if (parse_ipv4(name, &addr))
        return make_host(name, addr);
    if (strcmp(name, "localhost") == 0)
        return make_host(name, LOCALHOST);
    h_errno = HOST_NOT_FOUND;
    return NULL;
}

struct hostent *gethostbyaddr(const void *addr, socklen_t len, int type)
{
    struct in_addr in;

    if (type != AF_INET || len < sizeof in) {
        h_errno = HOST_NOT_FOUND;
        return NULL;
    }
    memcpy(&in, addr, sizeof in);
    if (ntohl(in.s_addr) == LOCALHOST)
        return make_host("localhost", LOCALHOST);
    h_errno = HOST_NOT_FOUND;
    return NULL;
}

const char *hstrerror(int err)
{
    switch (err) {
    case 0: return "Resolver Error 0 (no error)";
    case HOST_NOT_FOUND: return "Unknown host";
    case TRY_AGAIN: return "Host name lookup failure";
    case NO_RECOVERY: return "Unknown server error";
    case NO_DATA: return "No address associated with name";
    default: return "Unknown resolver error";
    }
}
