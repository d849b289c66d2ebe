// expected: host
/* A program may define its own function with the name of a POSIX or BSD one that libc also has
   (portable code carries its own strlcpy, memmem, strdup or warn), even when libc's object that
   holds it is linked in for something else (strlen, warnx). The program's definition is the one
   called. */
#include <err.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int calls;

size_t strlcpy(char *dest, const char *src, size_t size)
{
    size_t n = strlen(src);
    calls++;
    if (size) {
        size_t k = n < size - 1 ? n : size - 1;
        memcpy(dest, src, k);
        dest[k] = '\0';
    }
    return n;
}

char *strdup(const char *s)
{
    char *p = malloc(strlen(s) + 3);
    calls++;
    sprintf(p, "<%s>", s);
    return p;
}

void *memmem(const void *hay, size_t hn, const void *needle, size_t nn)
{
    calls++;
    for (size_t i = 0; nn <= hn && i <= hn - nn; i++)
        if (memcmp((const char *)hay + i, needle, nn) == 0)
            return (char *)hay + i;
    return NULL;
}

void warn(const char *fmt, ...)
{
    calls++;
    printf("own warn: %s\n", fmt);
}

int main(void)
{
    char buf[8];
    printf("strlcpy: %zu %s\n", strlcpy(buf, "truncated", sizeof buf), buf);
    char *d = strdup("copy");
    printf("strdup: %s\n", d);
    free(d);
    const char *hay = "haystack";
    printf("memmem: %s\n", (const char *)memmem(hay, 8, "st", 2));
    warn("not libc's");
    warnx("libc's warnx, beside the program's warn");   /* links in libc's err.o */
    printf("own definitions called: %d\n", calls);
    return 0;
}
