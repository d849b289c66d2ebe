// The POSIX and BSD string functions: strnlen, memrchr, memccpy, stpcpy, stpncpy, strtok_r,
// strsep, strndup, strcasecmp, strncasecmp, strcoll and strxfrm (C locale).
// expected: host
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static int sign(int x) { return (x > 0) - (x < 0); }
static long off(const void *base, const void *p) { return p ? (long)((const char *)p - (const char *)base) : -1; }

int main(void) {
    printf("%zu %zu %zu\n", strnlen("hello", 10), strnlen("hello", 3), strnlen("", 5));
    const char *s = "abcabcabc";
    printf("%ld %ld %ld\n", off(s, memrchr(s, 'b', 9)), off(s, memrchr(s, 'z', 9)), off(s, memrchr(s, 'a', 3)));
    char dst[16];
    memset(dst, '.', sizeof dst);
    char *r = memccpy(dst, "copy:until", ':', 10);
    printf("%ld %.6s\n", off(dst, r), dst);
    r = memccpy(dst, "none", ':', 4);
    printf("%d\n", r == NULL);
    char buf[32];
    char *end = stpcpy(buf, "first");
    end = stpcpy(end, "+second");
    printf("%s %ld\n", buf, off(buf, end));
    memset(buf, 'x', sizeof buf);
    end = stpncpy(buf, "ab", 5);
    printf("%ld %d %d %c\n", off(buf, end), buf[2], buf[4], buf[5]);
    end = stpncpy(buf, "abcdef", 3);
    printf("%ld %c\n", off(buf, end), buf[2]);
    char text[] = "a=1;b=2;c=3";
    char *save1, *save2;
    for (char *pair = strtok_r(text, ";", &save1); pair; pair = strtok_r(NULL, ";", &save1)) {
        char *k = strtok_r(pair, "=", &save2);
        char *v = strtok_r(NULL, "=", &save2);
        printf("%s->%s ", k, v);
    }
    printf("\n");
    char fields[] = "x,,y,z";
    char *cursor = fields, *tok;
    while ((tok = strsep(&cursor, ",")) != NULL)
        printf("[%s]", tok);
    printf(" %d\n", cursor == NULL);
    char *nd = strndup("truncate me", 8);
    printf("%s %zu\n", nd, strlen(nd));
    free(nd);
    nd = strndup("short", 100);
    printf("%s\n", nd);
    free(nd);
    printf("%d %d %d %d\n", sign(strcasecmp("Hello", "hELLO")), sign(strcasecmp("abc", "ABD")),
           sign(strcasecmp("b", "A")), sign(strncasecmp("CAPability", "capacity", 3)));
    printf("%d %d\n", sign(strncasecmp("CAPability", "capacity", 4)), sign(strcoll("apple", "banana")));
    char xf[16];
    size_t n = strxfrm(xf, "xfrm", sizeof xf);
    printf("%zu %s %zu\n", n, xf, strxfrm(NULL, "measure", 0));
    return 0;
}
