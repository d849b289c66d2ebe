/*
 * strings.c - <strings.h>'s BSD functions: ffs (and ffsl, ffsll), and bzero, bcopy, index and
 * rindex, the old names of memset, memmove, strchr and strrchr. (strcasecmp and strncasecmp live
 * in string.c.)
 *
 * They have a file of their own so that the linker takes them only into a program that calls
 * them: a program may well have its own global named index or bcopy (C leaves those names to
 * it), and if these sat in string.c, which nearly every program needs, the two would clash.
 */
#include <string.h>
#include <strings.h>

/* The position (from 1) of the lowest bit set in i, or 0 if none is; ffs and ffsl (POSIX 2024)
 * ask the same of narrower types, whose bits, sign bit included, are the low ones of i's. */
int ffsll(long long i)
{
    unsigned long long bits = (unsigned long long)i;
    int pos = 1;

    if (bits == 0)
        return 0;
    for (; (bits & 1) == 0; bits >>= 1)
        pos++;
    return pos;
}

int ffsl(long i)
{
    return ffsll((unsigned long)i);
}

int ffs(int i)
{
    return ffsll((unsigned int)i);
}

/* <strings.h>'s BSD names for what <string.h> has */
void bzero(void *s, size_t n)
{
    memset(s, 0, n);
}

void bcopy(const void *src, void *dest, size_t n)
{
    memmove(dest, src, n);
}

char *index(const char *s, int c)
{
    return strchr(s, c);
}

char *rindex(const char *s, int c)
{
    return strrchr(s, c);
}
