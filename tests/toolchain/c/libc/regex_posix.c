// expected: host
/* regex.h: POSIX basic and extended regular expressions, each pattern against several subjects
 * with several flags: regcomp's result and re_nsub, regexec's result and every pmatch offset.
 * The expected output is glibc's; the cases avoid where glibc departs from POSIX (an anchor in
 * the middle of a pattern matching at a newline without REG_NEWLINE, back-references to
 * groups that matched nothing, the groups of a repetition's empty last round). */
#include <regex.h>
#include <stdio.h>
#include <string.h>

#define B 0
#define E REG_EXTENDED
#define I REG_ICASE
#define N REG_NEWLINE

struct test {
    int cflags, eflags;
    const char *pattern;
    const char *subjects[6];
};

static const struct test tests[] = {
    /* BRE: literals, ., brackets, anchors in their places */
    {B, 0, "abc", {"abc", "xabcy", "ab", "aabc", NULL}},
    {B, 0, "a.c", {"abc", "a\nc", "ac", "xa-cx", NULL}},
    {B, 0, "a\\.c", {"a.c", "abc", NULL}},
    {B, 0, "^ab", {"abc", "cab", "ab\nab", NULL}},
    {B, 0, "ab$", {"cab", "abc", "ab\nab", NULL}},
    {B, 0, "^$", {"", "a", "\n", NULL}},
    {B, 0, "a^b", {"a^b", "ab", NULL}},
    {B, 0, "a$b", {"a$b", "ab", NULL}},
    {B, 0, "^*ab", {"*ab", "ab", "x*ab", NULL}},
    {B, 0, "*a", {"*a", "a", NULL}},
    {B, 0, "\\(*a\\)", {"*a", "a", NULL}},
    {B, 0, "^^a", {"^a", "a", NULL}},
    {B, 0, "a$$", {"a$", "a", NULL}},
    {B, 0, "\\(^a\\)", {"a", "ba", NULL}},
    {B, 0, "\\(a$\\)", {"a", "ab", NULL}},
    {B, 0, "x\\(^a\\)", {"x^a", "xa", NULL}},
    {B, 0, "[abc]", {"xxb", "xyz", NULL}},
    {B, 0, "[^abc]", {"abcd", "abc", "ab\n", NULL}},
    {B, 0, "[a-c]*", {"abcabd", "xyz", "", NULL}},
    {B, 0, "[]a]", {"]", "a", "b", NULL}},
    {B, 0, "[^]a]", {"]a", "]ab", NULL}},
    {B, 0, "[a-]", {"-", "a", "b", NULL}},
    {B, 0, "[-a]", {"-", "b", NULL}},
    {B, 0, "[]-a]", {"^", "b", NULL}},
    {B, 0, "[%--]", {",", "$", NULL}},
    {B, 0, "[[:alpha:]]*", {"abC1", "1", NULL}},
    {B, 0, "[[:digit:][:space:]]*", {"1 2\t3x", NULL}},
    {B, 0, "[[:upper:]][[:lower:]]*", {"xHello", "hello", NULL}},
    {B, 0, "[[:alnum:]_]*", {"a_1-", NULL}},
    {B, 0, "[[:punct:]]", {"ab,c", "abc", NULL}},
    {B, 0, "[[:xdigit:]]*", {"fF09g", NULL}},
    {B, 0, "[[:blank:]]", {"a\tb", "a\nb", NULL}},
    {B, 0, "[[:cntrl:]]", {"a\tb", "ab", NULL}},
    {B, 0, "[[:print:]]*", {"ab c\t", NULL}},
    {B, 0, "[[:graph:]]*", {"ab c", NULL}},
    {B, 0, "[[=a=]b]*", {"abac", NULL}},
    {B, 0, "[[.a.]-c]*", {"abcd", NULL}},
    {B, 0, "[a-[.c.]]*", {"abcd", NULL}},
    {B, 0, "[[.-.]]", {"a-", NULL}},
    {B, 0, "[[.].]]", {"a]", NULL}},
    {B, 0, "[\\]", {"\\", NULL}},
    {B, 0, "\\[b", {"[b", NULL}},
    /* BRE: repetition, intervals, groups, back-references */
    {B, 0, "ab*c", {"ac", "abbbc", "abx", NULL}},
    {B, 0, "a**", {"aa", NULL}},
    {B, 0, "a\\{2\\}", {"a", "aaa", NULL}},
    {B, 0, "a\\{2,\\}", {"a", "aaaa", NULL}},
    {B, 0, "a\\{1,3\\}", {"aaaa", "b", NULL}},
    {B, 0, "a\\{0,1\\}b", {"b", "ab", "aab", NULL}},
    {B, 0, "a\\{,2\\}", {"aaa", NULL}},
    {B, 0, "\\(ab\\)*c", {"ababc", "c", "abab", NULL}},
    {B, 0, "\\(a\\)\\(b\\)\\(c\\)", {"abc", NULL}},
    {B, 0, "\\(a\\(b\\)*\\)*", {"abbab", "x", NULL}},
    {B, 0, "\\(a*\\)*", {"b", "aa", NULL}},
    {B, 0, "\\(a*\\)*b", {"aab", "b", NULL}},
    {B, 0, "\\(a*\\)\\{2\\}", {"aa", NULL}},
    {B, 0, "\\(a\\|ab\\)\\(c\\|bcd\\)", {"abcd", NULL}},
    {B, 0, "\\(.*\\)\\1", {"abcabc", "abab", "xyz", NULL}},
    {B, 0, "\\(a\\)\\1*", {"aaaa", NULL}},
    {B, 0, "\\([a-c]*\\)x\\1", {"abxab", "abxa", NULL}},
    {B, 0, "^\\(.\\)\\(.\\).\\2\\1$", {"abcba", "abcab", NULL}},
    {B, 0, "\\(a\\)\\|b", {"b", "a", NULL}},
    {B, 0, "a\\+", {"baaa", NULL}},
    {B, 0, "ba\\?c", {"bc", "bac", "baac", NULL}},
    {B, 0, "\\+a", {"+a", NULL}},
    {B, 0, "\\(\\)", {"x", NULL}},
    {B, 0, "", {"", "abc", NULL}},
    {B, 0, "x*", {"", "axx", NULL}},
    /* ERE */
    {E, 0, "a|b", {"b", "c", NULL}},
    {E, 0, "(a|ab)(c|bcd)(d*)", {"abcd", NULL}},
    {E, 0, "(a|ab)(bc|c)", {"abc", NULL}},
    {E, 0, "(a+|b)*", {"ab", NULL}},
    {E, 0, "(a+|b){0,}", {"ab", NULL}},
    {E, 0, "(a+|b)+", {"ab", NULL}},
    {E, 0, "(a+|b){1,}", {"ab", NULL}},
    {E, 0, "(a+|b)?", {"ab", NULL}},
    {E, 0, "(a+|b){0,1}", {"ab", NULL}},
    {E, 0, "[^ab]*", {"cde", NULL}},
    {E, 0, "a*", {"", "aa", NULL}},
    {E, 0, "([abc])*d", {"abbbcd", NULL}},
    {E, 0, "([abc])*bcd", {"abcd", NULL}},
    {E, 0, "a|b|c|d|e", {"e", NULL}},
    {E, 0, "(a|b|c|d|e)f", {"ef", NULL}},
    {E, 0, "abcd*efg", {"abcdefg", NULL}},
    {E, 0, "(ab|cd)e", {"abcde", NULL}},
    {E, 0, "(a|b)c*d", {"abcd", NULL}},
    {E, 0, "(ab|ab*)bc", {"abc", NULL}},
    {E, 0, "a([bc]*)c*", {"abc", NULL}},
    {E, 0, "a([bc]*)(c*d)", {"abcd", NULL}},
    {E, 0, "a([bc]+)(c*d)", {"abcd", NULL}},
    {E, 0, "a([bc]*)(c+d)", {"abcd", NULL}},
    {E, 0, "((a)(b)c)(d)", {"abcd", NULL}},
    {E, 0, "^a(bc+|b[eh])g|.h$", {"abh", NULL}},
    {E, 0, "(bc+d$|ef*g.|h?i(j|k))", {"effgz", "ij", "reffgz", "effg", NULL}},
    {E, 0, "((((((((((a))))))))))", {"a", NULL}},
    {E, 0, "(.*)c(.*)", {"abcde", NULL}},
    {E, 0, "a(bc)d", {"abcd", NULL}},
    {E, 0, "a[-]?c", {"ac", NULL}},
    {E, 0, "(....).*\\1", {"beriberi", NULL}},
    {E, 0, "x{2}y{1,3}z?", {"xxyyyyz", "xyz", NULL}},
    {E, 0, "a{,2}b", {"aaab", NULL}},
    {E, 0, "a{1}{2}", {"aa", NULL}},
    {E, 0, "a+*", {"aa", NULL}},
    {E, 0, "()", {"x", NULL}},
    {E, 0, "(|a)b", {"ab", "b", NULL}},
    {E, 0, "a||b", {"b", NULL}},
    {E, 0, "a)", {"a)", NULL}},
    {E, 0, "\\(a\\)", {"(a)", NULL}},
    {E, 0, "\\{", {"{", NULL}},
    {E, 0, "^a|b$", {"ab", "ba", "xbx", NULL}},
    {E, 0, "a.+c", {"a\nbc", NULL}},
    /* REG_ICASE */
    {B | I, 0, "abc", {"xABCy", "AbC", NULL}},
    {B | I, 0, "[a-c]*", {"AbCd", NULL}},
    {B | I, 0, "[^a]", {"Ab", "AAa", NULL}},
    {B | I, 0, "[[:upper:]]*", {"abC", NULL}},
    {E | I, 0, "(a)\\1", {"aA", NULL}},
    /* REG_NEWLINE */
    {B | N, 0, "^b", {"a\nb", NULL}},
    {B | N, 0, "a$", {"a\nb", NULL}},
    {B | N, 0, "a.b", {"a\nb", "axb", NULL}},
    {B | N, 0, "a[^x]b", {"a\nb", "ayb", NULL}},
    {E | N, 0, "^[a-z]+$", {"12\nabc\n34", NULL}},
    {B, 0, "a[^x]b", {"a\nb", NULL}},
    /* eflags */
    {B, REG_NOTBOL, "^a", {"a", "ba", NULL}},
    {B | N, REG_NOTBOL, "^a", {"a", "b\na", NULL}},
    {B, REG_NOTEOL, "a$", {"a", NULL}},
    {B | N, REG_NOTEOL, "a$", {"a", "a\nb", NULL}},
    {E, REG_NOTBOL | REG_NOTEOL, "^$", {"", NULL}},
    {B, REG_NOTBOL, "x*", {"", NULL}},
    /* errors */
    {B, 0, "a\\", {NULL}},
    {B, 0, "\\(a", {NULL}},
    {B, 0, "a\\)", {NULL}},
    {E, 0, "(a", {NULL}},
    {B, 0, "[a", {NULL}},
    {B, 0, "[", {NULL}},
    {B, 0, "[[:alpha:]", {NULL}},
    {B, 0, "[[:foo:]]", {NULL}},
    {B, 0, "[[.ab.]]", {NULL}},
    {B, 0, "[[=ab=]]", {NULL}},
    {B, 0, "[z-a]", {NULL}},
    {B, 0, "[a-c-e]", {NULL}},
    {B, 0, "[[:alpha:]-z]", {NULL}},
    {B, 0, "\\(a\\)\\2", {NULL}},
    {B, 0, "\\(a\\1\\)", {NULL}},
    {B, 0, "a\\{1", {NULL}},
    {B, 0, "a\\{x\\}", {NULL}},
    {B, 0, "a\\{2,1\\}", {NULL}},
    {B, 0, "a\\{32768\\}", {NULL}},
    {B, 0, "\\{1\\}a", {NULL}},
    {B, 0, "a\\{1\\}\\{2\\}", {NULL}},
    {E, 0, "a{1", {NULL}},
    {E, 0, "a{x}", {NULL}},
    {E, 0, "a{}", {NULL}},
    {E, 0, "*a", {NULL}},
    {E, 0, "a|*b", {NULL}},
    {E, 0, "(+a)", {NULL}},
    {E, 0, "^*", {NULL}},
    {E, 0, "a{99999}", {NULL}},
};

static const char *const names[] = {
    "0", "REG_NOMATCH", "REG_BADPAT", "REG_ECOLLATE", "REG_ECTYPE", "REG_EESCAPE", "REG_ESUBREG",
    "REG_EBRACK", "REG_EPAREN", "REG_EBRACE", "REG_BADBR", "REG_ERANGE", "REG_ESPACE",
    "REG_BADRPT", "14", "REG_ESIZE",
};

static void print_escaped(const char *s)
{
    for (; *s != '\0'; s++)
        if (*s == '\n')
            printf("\\n");
        else
            putchar(*s);
}

int main(void)
{
    size_t t;
    int i, code;

    for (t = 0; t < sizeof tests / sizeof tests[0]; t++) {
        const struct test *c = &tests[t];
        regex_t re;
        int err = regcomp(&re, c->pattern, c->cflags);
        printf("/%s/ %d %d: %s", c->pattern, c->cflags, c->eflags, names[err]);
        if (err != 0) {
            printf("\n");
            continue;
        }
        printf(" nsub %d\n", (int)re.re_nsub);
        for (i = 0; c->subjects[i] != NULL; i++) {
            regmatch_t m[10];
            size_t g;
            int r = regexec(&re, c->subjects[i], 10, m, c->eflags);
            printf("  \"");
            print_escaped(c->subjects[i]);
            printf("\": %s", names[r]);
            for (g = 0; r == 0 && g <= re.re_nsub && g < 10; g++)
                printf(" (%ld,%ld)", (long)m[g].rm_so, (long)m[g].rm_eo);
            printf("\n");
        }
        regfree(&re);
    }

    /* REG_NOSUB: only whether it matched; pmatch is not touched */
    {
        regex_t re;
        regmatch_t m[1] = {{-7, -7}};
        regcomp(&re, "b+", REG_EXTENDED | REG_NOSUB);
        code = regexec(&re, "abbc", 1, m, 0);
        printf("NOSUB: %s nsub %d, pmatch (%ld,%ld), no match: %s\n", names[code],
               (int)re.re_nsub, (long)m[0].rm_so, (long)m[0].rm_eo,
               names[regexec(&re, "ac", 0, NULL, 0)]);
        regfree(&re);
    }
    /* nmatch beyond the groups: -1 */
    {
        regex_t re;
        regmatch_t m[4];
        regcomp(&re, "(a)", REG_EXTENDED);
        regexec(&re, "xa", 4, m, 0);
        printf("beyond: (%ld,%ld) (%ld,%ld) (%ld,%ld) (%ld,%ld)\n", (long)m[0].rm_so,
               (long)m[0].rm_eo, (long)m[1].rm_so, (long)m[1].rm_eo, (long)m[2].rm_so,
               (long)m[2].rm_eo, (long)m[3].rm_so, (long)m[3].rm_eo);
        regfree(&re);
    }
    /* regerror: the messages, their lengths, truncation */
    for (code = 1; code <= 13; code++) {
        char buf[64];
        size_t len = regerror(code, NULL, buf, sizeof buf);
        printf("regerror %s: %zu \"%s\"\n", names[code], len, buf);
    }
    {
        char small[6];
        size_t len = regerror(REG_EBRACK, NULL, small, sizeof small);
        printf("truncated: %zu \"%s\"\n", len, small);
    }
    return 0;
}
