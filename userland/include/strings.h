/* strings.h - case-insensitive comparison (POSIX). */
#ifndef _STRINGS_H
#define _STRINGS_H

#include <sys/_types.h>

int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);

#endif
