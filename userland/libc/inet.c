/*
 * inet.c - byte order and Internet addresses as text (arpa/inet.h). IPv4 only.
 *
 * The machine is little-endian; the network is big-endian, so htons and htonl swap bytes.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

uint16_t htons(uint16_t hostshort)
{
    return (uint16_t)((hostshort >> 8) | (hostshort << 8));
}

uint16_t ntohs(uint16_t netshort)
{
    return htons(netshort);
}

uint32_t htonl(uint32_t hostlong)
{
    return (hostlong >> 24) | ((hostlong >> 8) & 0xff00) | ((hostlong << 8) & 0xff0000)
           | (hostlong << 24);
}

uint32_t ntohl(uint32_t netlong)
{
    return htonl(netlong);
}

/* Four decimal numbers 0-255 separated by dots, exactly: 1 and the address (network order),
 * or 0. */
static int parse_dotted(const char *s, uint32_t *out)
{
    uint32_t addr = 0;
    int part, value, digits;

    for (part = 0; part < 4; part++) {
        value = 0;
        digits = 0;
        while (*s >= '0' && *s <= '9' && digits < 4) {
            value = value * 10 + (*s++ - '0');
            digits++;
        }
        if (digits == 0 || digits > 3 || value > 255)
            return 0;
        addr = (addr << 8) | (uint32_t)value;
        if (part < 3 && *s++ != '.')
            return 0;
    }
    if (*s != '\0')
        return 0;
    *out = htonl(addr);
    return 1;
}

int inet_aton(const char *cp, struct in_addr *inp)
{
    uint32_t addr;

    if (!parse_dotted(cp, &addr))
        return 0;
    inp->s_addr = addr;
    return 1;
}

in_addr_t inet_addr(const char *cp)
{
    uint32_t addr;

    return parse_dotted(cp, &addr) ? addr : INADDR_NONE;
}

int inet_pton(int af, const char *src, void *dst)
{
    uint32_t addr;

    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return -1;
    }
    if (!parse_dotted(src, &addr))
        return 0;
    memcpy(dst, &addr, sizeof addr);
    return 1;
}

const char *inet_ntop(int af, const void *src, char *dst, socklen_t size)
{
    const unsigned char *b = src;
    char text[INET_ADDRSTRLEN];
    int n;

    if (af != AF_INET) {
        errno = EAFNOSUPPORT;
        return NULL;
    }
    n = snprintf(text, sizeof text, "%u.%u.%u.%u", b[0], b[1], b[2], b[3]);
    if (n < 0 || (socklen_t)n >= size) {
        errno = ENOSPC;
        return NULL;
    }
    memcpy(dst, text, (size_t)n + 1);
    return dst;
}

char *inet_ntoa(struct in_addr in)
{
    static char text[INET_ADDRSTRLEN];

    inet_ntop(AF_INET, &in.s_addr, text, sizeof text);
    return text;
}
