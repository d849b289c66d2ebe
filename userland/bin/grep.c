/*
 * grep - print the lines that match a pattern.
 *
 *     grep [-E|-F] [-c|-l|-q] [-hHinosvwx] -e PATTERN... [-f FILE]... [FILE...]
 *     grep [-E|-F] [-c|-l|-q] [-hHinosvwx] PATTERN [FILE...]
 *
 * A pattern is a POSIX basic regular expression (BRE), or with -E an extended one (ERE), or
 * with -F a fixed string; the matching is <regex.h>'s (libc/regex.c), which a fixed string
 * reaches with its special characters escaped (glibc's \w \s \b \< \> work too). A pattern with newlines in it is several
 * patterns, and a line is selected if any of them matches it.
 *
 *     -E  extended regular expressions          -F  fixed strings
 *     -e PATTERN  a pattern (may repeat)        -f FILE  one pattern per line of FILE
 *     -i  ignore case                           -v  select the lines that do NOT match
 *     -x  the match must be the whole line      -w  ... a whole word (letters, digits, _)
 *     -c  print only each file's count of selected lines
 *     -l  print only the names of the files with a selected line
 *     -q  print nothing; exit 0 at the first selected line
 *     -n  put each line's number in front of it -o  print only the matches, one a line
 *     -h  never put the file's name in front    -H  always do (the default with several files)
 *     -s  no messages about files that cannot be read
 *
 * -w takes, at each place, the longest match there and keeps it if it is a whole word (GNU
 * grep also tries shorter matches at the same place).
 * Exit status: 0 if a line was selected, 1 if none was, 2 on an error (with -q, a selected line
 * wins over an error, as POSIX allows).
 */
#include <ctype.h>
#include <errno.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static regex_t *patterns;
static int npatterns;
static int count_only, list_files, quiet, number_lines, only_matching, invert, whole_line,
           whole_word, no_messages, with_names = -1;

static void *xrealloc(void *p, size_t size)
{
    p = realloc(p, size);
    if (p == NULL) {
        fprintf(stderr, "grep: out of memory\n");
        exit(2);
    }
    return p;
}

/* A fixed string as a BRE that matches just it. */
static char *escape_fixed(const char *s, size_t len)
{
    char *re = xrealloc(NULL, 2 * len + 1), *o = re;
    size_t i;

    for (i = 0; i < len; i++) {
        if (strchr("\\.[*^$", s[i]) != NULL)
            *o++ = '\\';
        *o++ = s[i];
    }
    *o = '\0';
    return re;
}

/* Compile one pattern of len bytes (not NUL-terminated) and add it to the list. */
static void add_pattern(const char *s, size_t len, int cflags, int fixed)
{
    char *text = fixed ? escape_fixed(s, len) : strndup(s, len);
    int err;

    patterns = xrealloc(patterns, (size_t)(npatterns + 1) * sizeof *patterns);
    err = regcomp(&patterns[npatterns], text, cflags);
    if (err != 0) {
        char msg[128];
        regerror(err, &patterns[npatterns], msg, sizeof msg);
        fprintf(stderr, "grep: %s: %s\n", text, msg);
        exit(2);
    }
    npatterns++;
    free(text);
}

/* Every line of list (lines end at '\n' or at the end) is a pattern. */
static void add_patterns(const char *list, int cflags, int fixed)
{
    const char *nl;

    while ((nl = strchr(list, '\n')) != NULL) {
        add_pattern(list, (size_t)(nl - list), cflags, fixed);
        list = nl + 1;
    }
    add_pattern(list, strlen(list), cflags, fixed);
}

static void add_pattern_file(const char *path, int cflags, int fixed)
{
    FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
    char *line = NULL;
    size_t size = 0;
    ssize_t len;

    if (f == NULL) {
        fprintf(stderr, "grep: %s: %s\n", path, strerror(errno));
        exit(2);
    }
    while ((len = getline(&line, &size, f)) >= 0) {
        if (len > 0 && line[len - 1] == '\n')
            len--;
        add_pattern(line, (size_t)len, cflags, fixed);
    }
    free(line);
    if (f != stdin)
        fclose(f);
}

static int is_word_char(int c)
{
    return isalnum(c) || c == '_';
}

/* Does the match m stand as a word of line: no word character just before or after it? */
static int is_whole_word(const char *line, size_t len, const regmatch_t *m)
{
    if (m->rm_so > 0 && is_word_char((unsigned char)line[m->rm_so - 1]))
        return 0;
    return (size_t)m->rm_eo == len || !is_word_char((unsigned char)line[m->rm_eo]);
}

/* The first match of re in line that starts at or after from and satisfies -x and -w. */
static int find_one(const regex_t *re, const char *line, size_t len, size_t from,
                    regmatch_t *m)
{
    size_t at = from;

    while (at <= len) {
        m->rm_so = (regoff_t)at;                /* search line[at, len) */
        m->rm_eo = (regoff_t)len;
        if (regexec(re, line, 1, m, REG_STARTEND) != 0)
            return 0;
        if (whole_line)
            return m->rm_so == 0 && (size_t)m->rm_eo == len;
        if (!whole_word || is_whole_word(line, len, m))
            return 1;
        at = (size_t)m->rm_so + 1;
    }
    return 0;
}

/* The leftmost match of any pattern (the longest of those that start there). */
static int find_match(const char *line, size_t len, size_t from, regmatch_t *best)
{
    regmatch_t m;
    int i, found = 0;

    for (i = 0; i < npatterns; i++) {
        if (!find_one(&patterns[i], line, len, from, &m))
            continue;
        if (!found || m.rm_so < best->rm_so ||
            (m.rm_so == best->rm_so && m.rm_eo > best->rm_eo))
            *best = m;
        found = 1;
    }
    return found;
}

static void print_prefix(const char *name, long lineno)
{
    if (name != NULL)
        printf("%s:", name);
    if (number_lines)
        printf("%ld:", lineno);
}

/* -o: print each non-empty match of the line on a line of its own. */
static void print_matches(const char *line, size_t len, const char *name, long lineno)
{
    regmatch_t m;
    size_t from = 0;

    while (from <= len && find_match(line, len, from, &m)) {
        if (m.rm_eo > m.rm_so) {
            print_prefix(name, lineno);
            fwrite(line + m.rm_so, 1, (size_t)(m.rm_eo - m.rm_so), stdout);
            putchar('\n');
            from = (size_t)m.rm_eo;
        } else {
            from = (size_t)m.rm_so + 1;
        }
    }
}

/* grep one stream; returns the number of lines selected. */
static long grep(FILE *f, const char *name)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    long lineno = 0, selected = 0;
    regmatch_t m;

    while ((len = getline(&line, &size, f)) >= 0) {
        lineno++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (find_match(line, (size_t)len, 0, &m) == invert)
            continue;
        selected++;
        if (quiet)
            exit(0);
        if (list_files)
            break;
        if (count_only)
            continue;
        if (only_matching) {
            if (!invert)
                print_matches(line, (size_t)len, name, lineno);
            continue;
        }
        print_prefix(name, lineno);
        fwrite(line, 1, (size_t)len, stdout);
        putchar('\n');
    }
    free(line);
    if (list_files && selected > 0)
        printf("%s\n", name != NULL ? name : "(standard input)");
    else if (count_only && !list_files) {
        if (name != NULL)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    return selected;
}

static int usage(void)
{
    fprintf(stderr, "usage: grep [-E|-F] [-c|-l|-q] [-hHinosvwx] [-e PATTERN]... [-f FILE]... "
                    "[PATTERN] [FILE...]\n");
    return 2;
}

int main(int argc, char **argv)
{
    const char **exprs = NULL, **files = NULL;
    int nexprs = 0, nfiles = 0, cflags = 0, fixed = 0, c, i, status = 1, error = 0;
    int nnames;

    while ((c = getopt(argc, argv, "EFce:f:hHilnoqsvwx")) != -1) {
        switch (c) {
        case 'E': cflags |= REG_EXTENDED; fixed = 0; break;
        case 'F': fixed = 1; break;
        case 'c': count_only = 1; break;
        case 'e':
        case 'f':
            if (c == 'e') {
                exprs = xrealloc(exprs, (size_t)(nexprs + 1) * sizeof *exprs);
                exprs[nexprs++] = optarg;
            } else {
                files = xrealloc(files, (size_t)(nfiles + 1) * sizeof *files);
                files[nfiles++] = optarg;
            }
            break;
        case 'h': with_names = 0; break;
        case 'H': with_names = 1; break;
        case 'i': cflags |= REG_ICASE; break;
        case 'l': list_files = 1; break;
        case 'n': number_lines = 1; break;
        case 'o': only_matching = 1; break;
        case 'q': quiet = 1; break;
        case 's': no_messages = 1; break;
        case 'v': invert = 1; break;
        case 'w': whole_word = 1; break;
        case 'x': whole_line = 1; break;
        default: return usage();
        }
    }
    if (fixed)
        cflags &= ~REG_EXTENDED;
    if (nexprs == 0 && nfiles == 0) {
        if (optind == argc)
            return usage();
        add_patterns(argv[optind++], cflags, fixed);
    }
    for (i = 0; i < nexprs; i++)
        add_patterns(exprs[i], cflags, fixed);
    for (i = 0; i < nfiles; i++)
        add_pattern_file(files[i], cflags, fixed);

    nnames = argc - optind;
    if (with_names < 0)
        with_names = nnames > 1;
    if (nnames == 0)
        return grep(stdin, with_names ? "(standard input)" : NULL) > 0 ? 0 : 1;
    for (i = optind; i < argc; i++) {
        int is_stdin = strcmp(argv[i], "-") == 0;
        const char *name = is_stdin ? "(standard input)" : argv[i];
        FILE *f = is_stdin ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            if (!no_messages)
                fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
            error = 1;
            continue;
        }
        if (grep(f, with_names || list_files ? name : NULL) > 0)
            status = 0;
        if (f != stdin)
            fclose(f);
    }
    return error ? 2 : status;
}
