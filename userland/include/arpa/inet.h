/* arpa/inet.h - converting Internet addresses between text and binary (POSIX). */
#ifndef _ARPA_INET_H
#define _ARPA_INET_H

#include <netinet/in.h>

uint32_t htonl(uint32_t hostlong);
uint16_t htons(uint16_t hostshort);
uint32_t ntohl(uint32_t netlong);
uint16_t ntohs(uint16_t netshort);

in_addr_t inet_addr(const char *cp);                 /* "127.0.0.1" -> network order, or INADDR_NONE */
int inet_aton(const char *cp, struct in_addr *inp);  /* 1 if valid, else 0 */
char *inet_ntoa(struct in_addr in);                  /* a static buffer */
int inet_pton(int af, const char *src, void *dst);   /* AF_INET only; 1, 0 (bad text) or -1 */
const char *inet_ntop(int af, const void *src, char *dst, socklen_t size);

#endif
