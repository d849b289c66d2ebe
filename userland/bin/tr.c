/*
 * tr - translate, squeeze or delete characters.
 *
 *     tr [-c] [-s] SET1 SET2      replace each character of SET1 by the one at the same place in
 *                                 SET2 (SET2 is stretched with its last character)
 *     tr [-c] -d [-s] SET1 [SET2] delete the characters of SET1 (then squeeze those of SET2)
 *     tr [-c] -s SET1             squeeze: write a run of the same character of SET1 once
 *
 * With -s and two sets, the squeezing is done on the output, with the characters of SET2.
 * -c uses the complement of SET1: every character that is not in it, in increasing order.
 * A SET is a string of characters, with a-z for a range, [:alpha:] [:digit:] [:alnum:]
 * [:upper:] [:lower:] [:space:] [:blank:] [:punct:] for a class, and the escapes \n \t \r \\
 * \NNN (octal). tr copies standard input to standard output: it takes no file arguments.
 * Exit status: 0, or 1 on bad arguments.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SET_MAX 4096

struct set {
    unsigned char c[SET_MAX];
    int n;
};

static void usage(void)
{
    fprintf(stderr, "usage: tr [-c] [-d] [-s] SET1 [SET2]\n");
    exit(1);
}

static void add(struct set *s, int c)
{
    if (s->n == SET_MAX) {
        fprintf(stderr, "tr: set too large\n");
        exit(1);
    }
    s->c[s->n++] = (unsigned char)c;
}

/* One character of a set description, with its escape; advances *pp. */
static int next_char(const char **pp)
{
    const char *p = *pp;
    int c = (unsigned char)*p++;

    if (c == '\\' && *p != '\0') {
        c = (unsigned char)*p++;
        switch (c) {
        case 'n': c = '\n'; break;
        case 't': c = '\t'; break;
        case 'r': c = '\r'; break;
        case 'a': c = '\a'; break;
        case 'b': c = '\b'; break;
        case 'f': c = '\f'; break;
        case 'v': c = '\v'; break;
        default:
            if (c >= '0' && c <= '7') {
                int i;
                c -= '0';
                for (i = 0; i < 2 && *p >= '0' && *p <= '7'; i++)
                    c = c * 8 + *p++ - '0';
            }
        }
    }
    *pp = p;
    return c & 0xff;
}

/* A class name at p ("[:alpha:]..."): adds its characters and returns its length, or 0. */
static int add_class(struct set *s, const char *p)
{
    static const char *names[] = {"[:alpha:]", "[:digit:]", "[:alnum:]", "[:upper:]",
                                  "[:lower:]", "[:space:]", "[:blank:]", "[:punct:]"};
    int i, c;

    for (i = 0; i < 8; i++) {
        if (strncmp(p, names[i], 9) != 0)
            continue;
        for (c = 0; c < 256; c++) {
            int in = i == 0 ? isalpha(c) : i == 1 ? isdigit(c) : i == 2 ? isalnum(c) :
                     i == 3 ? isupper(c) : i == 4 ? islower(c) : i == 5 ? isspace(c) :
                     i == 6 ? (c == ' ' || c == '\t') : ispunct(c);
            if (in)
                add(s, c);
        }
        return 9;
    }
    return 0;
}

static void parse_set(struct set *s, const char *p)
{
    s->n = 0;
    while (*p != '\0') {
        int used = add_class(s, p), lo, hi;
        if (used > 0) {
            p += used;
            continue;
        }
        lo = next_char(&p);
        if (p[0] == '-' && p[1] != '\0') {
            p++;
            hi = next_char(&p);
            if (hi < lo) {
                fprintf(stderr, "tr: range-endpoints of '%c-%c' are in reverse order\n", lo, hi);
                exit(1);
            }
            for (; lo <= hi; lo++)
                add(s, lo);
        } else {
            add(s, lo);
        }
    }
}

int main(int argc, char **argv)
{
    static struct set set1, set2;
    int in_set1[256] = {0}, in_set2[256] = {0}, map[256];
    int c, i, complement = 0, delete = 0, squeeze = 0, last = -1, nsets;

    while ((c = getopt(argc, argv, "+cds")) != -1) {
        switch (c) {
        case 'c': complement = 1; break;
        case 'd': delete = 1; break;
        case 's': squeeze = 1; break;
        default: usage();
        }
    }
    nsets = argc - optind;
    if (nsets < 1 || nsets > 2 || (nsets == 1 && !delete && !squeeze)
            || (nsets == 2 && delete && !squeeze)) {
        fprintf(stderr, nsets < 1 ? "tr: missing operand\n" : nsets > 2 || delete
                ? "tr: extra operand\n" : "tr: missing operand after '%s'\n", argv[optind]);
        usage();
    }
    parse_set(&set1, argv[optind]);
    if (nsets == 2)
        parse_set(&set2, argv[optind + 1]);
    for (i = 0; i < set1.n; i++)
        in_set1[set1.c[i]] = 1;
    if (complement) {               /* SET1 becomes every other character, in order */
        set1.n = 0;
        for (c = 0; c < 256; c++) {
            in_set1[c] = !in_set1[c];
            if (in_set1[c])
                add(&set1, c);
        }
    }
    for (c = 0; c < 256; c++)
        map[c] = c;
    if (nsets == 2 && !delete) {
        if (set2.n == 0) {
            fprintf(stderr, "tr: when not truncating set1, string2 must be non-empty\n");
            return 1;
        }
        for (i = 0; i < set1.n; i++)
            map[set1.c[i]] = set2.c[i < set2.n ? i : set2.n - 1];
    }
    /* the characters that -s squeezes: SET2's if there is one, else SET1's */
    for (i = 0; i < (nsets == 2 ? set2.n : set1.n); i++)
        in_set2[nsets == 2 ? set2.c[i] : set1.c[i]] = 1;

    while ((c = getchar()) != EOF) {
        if (delete && in_set1[c])
            continue;
        c = map[c];
        if (squeeze && c == last && in_set2[c])
            continue;
        putchar(c);
        last = c;
    }
    return 0;
}
