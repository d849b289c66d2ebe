/*
 * tac - write files last line first ("cat" backwards).
 *
 *     tac [-b] [-r] [-s SEPARATOR] [FILE...]
 *
 * Each file (standard input without one, or for "-") is read whole and its records written in
 * the opposite order. A record is a line: what ends with a newline (the SEPARATOR string with
 * -s). A last record without one is written as it is, so "a\nb" comes out as "ba\n", as GNU's.
 *   -b            the separator starts a record instead of ending it
 *   -r            the separator is a regular expression, in the syntax GNU's tac takes (GNU
 *                 regex's Emacs syntax): a basic one (regex.h) where + and ? are operators and
 *                 \+ \? the characters, \{ \} are braces, not an interval; . does not match a
 *                 newline, and ^ and $ match at one too. (A bracket's [:class:] is a class here,
 *                 and GNU's [^x] matches a newline, which ours does not.)
 *   -s SEPARATOR  records end with this string, not a newline ('' is a NUL byte)
 * GNU's long options --before, --regex and --separator=SEP are understood.
 * A regular expression separator is found as GNU's tac finds it: from the end, the match that
 * starts last, and ends where the record after it starts (so "1+" splits "11" in two).
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <errno.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *separator = "\n";
static size_t sep_len = 1;
static int before;
static int use_regex;
static regex_t sep_re;

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: tac [-b] [-r] [-s SEPARATOR] [FILE...]\n");
    exit(1);
}

/* all of f, into *size bytes */
static char *read_all(FILE *f, size_t *size)
{
    size_t cap = 4096, len = 0, n;
    char *buf = malloc(cap);

    while ((n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
    }
    *size = len;
    return buf;
}

/* The separator as a pattern for regcomp (BRE): GNU tac's syntax swaps + and \+, ? and \?,
   and has no \{m,n\} (so \{ and \} are plain braces). Brackets are copied as they are. */
static char *bre_of(const char *s)
{
    char *out = malloc(2 * strlen(s) + 1), *o = out;

    while (*s) {
        if (*s == '[') {                        /* [...]: up to its ], which may come first */
            const char *end = s + 1;

            if (*end == '^')
                end++;
            if (*end == ']')
                end++;
            while (*end && *end != ']')
                end++;
            if (*end == ']')
                end++;
            memcpy(o, s, (size_t)(end - s));
            o += end - s;
            s = end;
        } else if (*s == '+' || *s == '?') {
            *o++ = '\\';
            *o++ = *s++;
        } else if (s[0] == '\\' && (s[1] == '+' || s[1] == '?' || s[1] == '{' || s[1] == '}')) {
            *o++ = s[1];
            s += 2;
        } else if (s[0] == '\\' && s[1]) {
            *o++ = *s++;
            *o++ = *s++;
        } else {
            *o++ = *s++;
        }
    }
    *o = 0;
    return out;
}

/* Whether a match of pattern may depend on where the subject ends: $ \b \B \< \> \' in it
   (or a $ that is only a character: then it is only slower) */
static int looks_at_the_end(const char *pattern)
{
    if (strchr(pattern, '$') != NULL)
        return 1;
    for (const char *b = strchr(pattern, '\\'); b != NULL && b[1]; b = strchr(b + 2, '\\'))
        if (strchr("bB<>'", b[1]) != NULL)
            return 1;
    return 0;
}

/* -r: the separator's matches in the buffer, found a window at a time from its end. matches[]
   holds those that start in the last window searched, in order; a window is searched when they
   are used up, and each is twice the one before, so the whole search takes time in proportion to
   the buffer, however long or short its records. */
struct match {
    size_t start, end;
};
static struct match *matches;
static size_t nmatches, matches_cap;
static size_t searched_from;            /* where the last window searched starts */
static size_t window;
static int sees_the_end;                /* $ or \b \B \< \> \' in the separator: see rfind_regex */

static void forget_matches(size_t len)
{
    nmatches = 0;
    searched_from = len;
    window = 256;
}

/* Search the window before searched_from for matches that end by end: each regexec finds the
   leftmost one from where the last started, so every start of a match is found. */
static void search_window(const char *buf, size_t end)
{
    size_t from = searched_from > window ? searched_from - window : 0;
    regmatch_t r;

    for (size_t p = from; p < searched_from; p = (size_t)r.rm_so + 1) {
        r.rm_so = (regoff_t)p;
        r.rm_eo = (regoff_t)end;
        if (regexec(&sep_re, buf, 1, &r, REG_STARTEND) != 0 || (size_t)r.rm_so >= searched_from)
            break;
        if (nmatches == matches_cap)
            matches = realloc(matches, (matches_cap = 2 * matches_cap + 16) * sizeof *matches);
        matches[nmatches].start = (size_t)r.rm_so;
        matches[nmatches++].end = (size_t)r.rm_eo;
    }
    searched_from = from;
    window *= 2;
}

/* The match that starts last before end and ends by end (-1 if there is none), as GNU's tac
   finds it: a match found when end was further on may have gone past the end now, and is then
   matched again from its start, shorter if it can be. */
static long rfind_regex(const char *buf, size_t end, size_t *len)
{
    /* Where the subject ends (end) counts for $ or \b: "c$" matches "abc" but not "abcd", so a
       match found when end was further on says nothing now, and the search starts again. */
    if (sees_the_end)
        forget_matches(end);
    for (;;) {
        while (nmatches > 0) {
            struct match *m = &matches[--nmatches];
            regmatch_t r = { (regoff_t)m->start, (regoff_t)end };

            if (m->start >= end)
                continue;
            if (m->end > end) {
                if (regexec(&sep_re, buf, 1, &r, REG_STARTEND) != 0 || (size_t)r.rm_so != m->start)
                    continue;
                m->end = (size_t)r.rm_eo;
            }
            *len = m->end - m->start;
            return (long)m->start;
        }
        if (searched_from == 0)
            return -1;
        search_window(buf, end);
    }
}

/* where the last separator in buf[0, end) starts, or -1; its length in *len */
static long rfind(const char *buf, size_t end, size_t *len)
{
    if (use_regex)
        return rfind_regex(buf, end, len);
    *len = sep_len;
    for (size_t i = end; i >= sep_len; i--)
        if (memcmp(buf + i - sep_len, separator, sep_len) == 0)
            return (long)(i - sep_len);
    return -1;
}

/* the records from the last: GNU's tac also searches backwards (which matters only for a
   separator that can overlap itself) */
static void tac(const char *buf, size_t len)
{
    size_t end = len, written_to = len, found_len;
    long at;

    forget_matches(len);

    while ((at = rfind(buf, end, &found_len)) >= 0) {
        size_t cut = before ? (size_t)at : (size_t)at + found_len;

        fwrite(buf + cut, 1, written_to - cut, stdout);
        written_to = cut;
        end = (size_t)at;
    }
    fwrite(buf, 1, written_to, stdout);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "before", no_argument, NULL, 'b' },
        { "regex", no_argument, NULL, 'r' },
        { "separator", required_argument, NULL, 's' },
        { NULL, 0, NULL, 0 },
    };
    int status = 0, c;

    while ((c = getopt_long(argc, argv, "brs:", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': before = 1; break;
        case 'r': use_regex = 1; break;
        case 's':
            separator = optarg;
            sep_len = strlen(optarg);
            if (sep_len == 0)               /* -s '': a NUL byte, as in GNU tac */
                sep_len = 1;
            break;
        default: usage();
        }
    }
    if (use_regex && *separator == 0) {
        fprintf(stderr, "tac: separator cannot be empty\n");
        return 1;
    }
    if (use_regex) {
        char *pattern = bre_of(separator);
        int error = regcomp(&sep_re, pattern, REG_NEWLINE);

        sees_the_end = looks_at_the_end(pattern);
        free(pattern);
        if (error != 0) {
            char message[128];

            regerror(error, &sep_re, message, sizeof message);
            fprintf(stderr, "tac: %s\n", message);
            return 1;
        }
    }
    if (optind == argc)
        argv[--optind] = "-";
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        size_t len;
        char *buf;

        if (f == NULL) {
            fprintf(stderr, "tac: failed to open '%s' for reading: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        buf = read_all(f, &len);
        tac(buf, len);
        free(buf);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
