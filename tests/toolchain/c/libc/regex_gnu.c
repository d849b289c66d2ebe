// expected: host
/* regex.h: glibc's escapes (\w \W \s \S, and the zero-width \b \B \< \> \` \'), in basic and
 * extended syntax, and REG_STARTEND (a search of string[rm_so, rm_eo) whose offsets stay
 * relative to string, where the character before rm_so still counts for ^, \b and \<). The
 * expected output is glibc's. */
#include <regex.h>
#include <stdio.h>
#include <string.h>

static void show(const char *pattern, int cflags, const char *subject, int eflags, int so, int eo)
{
    regex_t re;
    regmatch_t m[2];
    int rc = regcomp(&re, pattern, cflags);

    printf("%-12s %-14s", pattern, subject);
    if (rc != 0) {
        printf(" regcomp %d\n", rc);
        return;
    }
    m[0].rm_so = so;
    m[0].rm_eo = eo;
    rc = regexec(&re, subject, 2, m, eflags);
    if (rc != 0)
        printf(" %d\n", rc);
    else
        printf(" [%d,%d) [%d,%d)\n", (int)m[0].rm_so, (int)m[0].rm_eo, (int)m[1].rm_so,
               (int)m[1].rm_eo);
    regfree(&re);
}

int main(void)
{
    static const char *patterns[] = {
        "\\w\\+", "\\W", "\\s\\S*", "\\S\\+\\s", "\\bc", "\\Bc", "\\<b", "b\\>", "\\`a", "a\\'",
        "\\(\\w*\\)\\b", "x\\b\\|y", "[\\w]", "\\<\\>", "\\b", "\\B",
    };
    static const char *ere[] = { "\\w+", "(\\s|,)+\\w", "\\<(\\w+)\\>$", "\\b\\w{2}\\b" };
    static const char *subjects[] = { "", "ab_1 c", "  x, y", "abc c", "b\nab", "w\\", "aa", "-" };
    size_t p, s;

    for (p = 0; p < sizeof patterns / sizeof *patterns; p++)
        for (s = 0; s < sizeof subjects / sizeof *subjects; s++)
            show(patterns[p], 0, subjects[s], 0, 0, 0);
    for (p = 0; p < sizeof ere / sizeof *ere; p++)
        for (s = 0; s < sizeof subjects / sizeof *subjects; s++)
            show(ere[p], REG_EXTENDED, subjects[s], 0, 0, 0);
    show("\\bb", 0, "b\nab", REG_NEWLINE, 0, 0);
    show("^b", REG_NEWLINE, "ab\nb", 0, 0, 0);

    /* REG_STARTEND: a slice; what lies outside it is never matched but is seen by ^ \b \< */
    show("b", 0, "abcabc", REG_STARTEND, 2, 6);
    show("b", 0, "abcabc", REG_STARTEND, 2, 4);
    show("^c", 0, "abcabc", REG_STARTEND, 2, 6);
    show("^a", 0, "abcabc", REG_STARTEND, 0, 6);
    show("^b", REG_NEWLINE, "a\nbc", REG_STARTEND, 2, 4);
    show("\\<c", 0, "ab cd", REG_STARTEND, 3, 5);
    show("\\<d", 0, "ab cd", REG_STARTEND, 4, 5);
    show("c$", 0, "abcabc", REG_STARTEND, 0, 3);
    show("c$", 0, "abcabc", REG_STARTEND | REG_NOTEOL, 0, 3);
    show("a*", 0, "xaay", REG_STARTEND, 1, 3);
    show("\\(a\\)\\1", 0, "aaaa", REG_STARTEND, 1, 4);
    show("", 0, "abc", REG_STARTEND, 3, 3);
    /* nothing at or past rm_eo is matched, though the string goes on */
    show("[0-9][0-9]*", 0, "a1b22c3", REG_STARTEND, 2, 4);
    show("bc", 0, "abcabc", REG_STARTEND, 0, 2);
    show("b[^x]", 0, "abcabc", REG_STARTEND, 0, 2);
    show("ab*", 0, "abbbb", REG_STARTEND, 0, 3);
    show("x[^b]", 0, "x", 0, 0, 0);
    return 0;
}
