// slow
/* regex.h against hostile patterns: each finishes quickly (the test's instruction budget) with a
 * match, no match, or an error - never an exponential search, a crash or a stack overflow.
 * Without back-references the matcher explores each (instruction, position) once; with them a
 * step budget ends the search with REG_ESPACE. */
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char *repeat(const char *unit, int n, const char *tail)
{
    size_t u = strlen(unit), t = strlen(tail);
    char *s = malloc(u * (size_t)n + t + 1), *p = s;
    int i;

    for (i = 0; i < n; i++, p += u)
        memcpy(p, unit, u);
    memcpy(p, tail, t + 1);
    return s;
}

static void run(const char *what, const char *pattern, int cflags, const char *subject)
{
    regex_t re;
    regmatch_t m[2];
    int err = regcomp(&re, pattern, cflags), r;

    if (err != 0) {
        printf("%s: regcomp %d\n", what, err);
        return;
    }
    r = regexec(&re, subject, 2, m, 0);
    if (r == 0)
        printf("%s: match (%ld,%ld)\n", what, (long)m[0].rm_so, (long)m[0].rm_eo);
    else
        printf("%s: regexec %d\n", what, r);
    regfree(&re);
}

int main(void)
{
    char *as = repeat("a", 500, ""), *asb = repeat("a", 500, "b");
    char *nest = repeat("\\(", 150, "a"), *deep = repeat("(", 300, "a");
    char *nested;

    run("(a*)*b, no b", "\\(a*\\)*b", 0, as);
    run("(a*)*b, b at the end", "\\(a*\\)*b", 0, asb);
    run("(a|a)*c", "(a|a)*c", REG_EXTENDED, as);
    run("(a+)+$x", "(a+)+x", REG_EXTENDED, as);
    run("(.*)*(.*)*b", "(.*)*(.*)*b", REG_EXTENDED, as);
    run("a{32767}", "a\\{32767\\}", 0, as);
    run("a{0,32767}", "a\\{0,32767\\}", 0, as);
    run("a{32768}", "a\\{32768\\}", 0, as);
    run("(a{1000}){1000}", "\\(a\\{1000\\}\\)\\{1000\\}", 0, as);
    run("((a{100}){100}){100}", "((a{100}){100}){100}", REG_EXTENDED, as);
    nested = malloc(strlen(nest) + 2 * 150 + 1);
    strcpy(nested, nest);
    for (int i = 0; i < 150; i++)
        strcat(nested, "\\)");
    run("150 nested groups", nested, 0, "xa");
    run("300 open groups", deep, REG_EXTENDED, "a");
    free(nest);
    nest = repeat("a", 20000, "");
    run("20000 a's as a pattern", nest, 0, as);
    free(nest);
    nest = repeat("a*", 20000, "");
    run("20000 a*'s as a pattern", nest, 0, as);
    run("backrefs (a*)*\\1 no b", "\\(a*\\)*\\1b", 0, as);
    run("backrefs (a|aa)*\\1b", "\\(a\\|aa\\)*\\1b", 0, as);
    free(as);
    free(asb);
    free(nest);
    free(deep);
    free(nested);
    return 0;
}
