// expected: host
// fnmatch.h: * ? and [...] (ranges, negation, classes, [.c.] and [=c=], ']' first, an
// unclosed '['), backslashes with and without FNM_NOESCAPE, FNM_PATHNAME and FNM_PERIOD alone
// and together, and a pattern of many stars against a long string (no exponential time).
#define _XOPEN_SOURCE 700
#include <fnmatch.h>
#include <stdio.h>
#include <string.h>

static const char *const patterns[] = {
    "", "*", "?", "a", "a*", "*a", "*a*", "a?c", "a*c", "*.c", ".*", "\\*", "\\a", "a\\",
    "[abc]", "[!abc]", "[^abc]", "[a-c]", "[z-a]", "[a-]", "[]a]", "[!]a]", "[]-a]", "[\\]]",
    "[[:alpha:]]", "[[:digit:][:upper:]]", "[![:space:]]", "[[:foo:]]", "[[.a.]]", "[[=b=]]",
    "[a", "a[", "[", "*/*", "a/*", "*/b", "a/?", "a[/]b", "a*b", "*.*", "*/.b", "\\/", "[.]*",
    "a**b", "*[b]", "?/?",
};
static const char *const strings[] = {
    "", "a", "b", "abc", "ac", "a.c", ".c", ".a", "*", "a\\", "]", "-", "Z", "7", " ", "[a",
    "a[", "[", "a/b", "a/.b", ".a/b", "a//b", "x.c",
};
static const int flag_sets[] = {0, FNM_NOESCAPE, FNM_PATHNAME, FNM_PERIOD, FNM_PATHNAME | FNM_PERIOD};

int main(void) {
    printf("FNM_NOMATCH %d\n", FNM_NOMATCH);
    for (size_t f = 0; f < sizeof flag_sets / sizeof flag_sets[0]; f++) {
        printf("flags %d\n", flag_sets[f]);
        for (size_t p = 0; p < sizeof patterns / sizeof patterns[0]; p++) {
            printf("%-22s", patterns[p]);
            for (size_t s = 0; s < sizeof strings / sizeof strings[0]; s++)
                putchar(fnmatch(patterns[p], strings[s], flag_sets[f]) == 0 ? '1' : '.');
            putchar('\n');
        }
    }
    char long_a[2001];
    memset(long_a, 'a', 2000);
    long_a[2000] = '\0';
    printf("many stars: %d\n", fnmatch("*a*a*a*a*a*a*a*a*a*b", long_a, 0));
    long_a[1999] = 'b';
    printf("many stars, matching: %d\n", fnmatch("*a*a*a*a*a*a*a*a*a*b", long_a, 0));
    return 0;
}
