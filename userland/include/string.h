/*
 * string.h - strings and memory (C11 7.24, plus a few POSIX functions).
 *
 * memcpy and memmove keep pointers valid: where the source and the destination are equally
 * aligned they copy whole 16-byte granules as capabilities, tags included, so copying a struct
 * that holds pointers gives a struct whose pointers still work.
 */
#ifndef _STRING_H
#define _STRING_H

#include <sys/_types.h>

#ifndef NULL
#define NULL ((void *)0)
#endif

void *memcpy(void *dest, const void *src, size_t n);
void *memmove(void *dest, const void *src, size_t n);
void *memset(void *s, int c, size_t n);
int memcmp(const void *s1, const void *s2, size_t n);
void *memchr(const void *s, int c, size_t n);
void *memrchr(const void *s, int c, size_t n);
void *memccpy(void *dest, const void *src, int c, size_t n);

size_t strlen(const char *s);
size_t strnlen(const char *s, size_t maxlen);
int strcmp(const char *s1, const char *s2);
int strncmp(const char *s1, const char *s2, size_t n);
int strcoll(const char *s1, const char *s2);
size_t strxfrm(char *dest, const char *src, size_t n);
char *strcpy(char *dest, const char *src);
char *strncpy(char *dest, const char *src, size_t n);
char *stpcpy(char *dest, const char *src);
char *stpncpy(char *dest, const char *src, size_t n);
size_t strlcpy(char *dest, const char *src, size_t size);
size_t strlcat(char *dest, const char *src, size_t size);
char *strcat(char *dest, const char *src);
char *strncat(char *dest, const char *src, size_t n);
char *strchr(const char *s, int c);
char *strrchr(const char *s, int c);
char *strstr(const char *haystack, const char *needle);
char *strpbrk(const char *s, const char *accept);
size_t strspn(const char *s, const char *accept);
size_t strcspn(const char *s, const char *reject);
char *strtok(char *s, const char *delim);
char *strtok_r(char *s, const char *delim, char **saveptr);
char *strsep(char **stringp, const char *delim);
char *strdup(const char *s);
char *strndup(const char *s, size_t n);
char *strerror(int errnum);
int strerror_r(int errnum, char *buf, size_t buflen);
char *strsignal(int sig);

/* GNU extensions */
void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen);
char *strcasestr(const char *haystack, const char *needle);
char *strchrnul(const char *s, int c);

/* Also in <strings.h>. Not the rest of it (index, rindex, bcopy, bzero, ffs): those names are
   the program's own in C (a global named index is common), as with gcc -std=c11 and glibc. */
int strcasecmp(const char *s1, const char *s2);
int strncasecmp(const char *s1, const char *s2, size_t n);

#endif
