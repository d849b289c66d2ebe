/* strings.h - case-insensitive comparison and ffs (POSIX), and the BSD functions older code
 * still calls: bzero and bcopy (memset and memmove), index and rindex (strchr and strrchr). */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <sys/_types.h>

int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);
int ffs(int i);
int ffsl(long i);               /* POSIX 2024 */
int ffsll(long long i);

void bzero(void *s, size_t n);
void bcopy(const void *src, void *dest, size_t n);
char *index(const char *s, int c);
char *rindex(const char *s, int c);

#endif
