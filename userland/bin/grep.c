/*
 * grep - print the lines that match a pattern.
 *
 *     grep [OPTION]... -e PATTERN... [-f FILE]... [FILE...]
 *     grep [OPTION]... PATTERN [FILE...]
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
 *     -L  print only the names of the files without one
 *     -q  print nothing; exit 0 at the first selected line
 *     -m NUM  stop reading a file after NUM selected lines (and their trailing context)
 *     -n  put each line's number in front of it -o  print only the matches, one a line
 *     -h  never put the file's name in front    -H  always do (the default with several files)
 *     -Z, --null  a NUL byte after a file's name, instead of ':' (or of the newline, with -l)
 *     -s  no messages about files that cannot be read
 *     -A NUM  print NUM lines of context after each selected line, -B NUM before it,
 *     -C NUM or -NUM  both. Context lines have '-' after the name and number where selected
 *             lines have ':', and "--" separates groups of lines that are not adjacent.
 *     -r  search the directories among the FILEs, recursively (no FILE: the working directory,
 *         and the names shown without "./"); symbolic links inside them are not followed
 *     -R  as -r, following every symbolic link
 *     --include=GLOB  search only the files whose name (or a tail of it after a '/') matches
 *     --exclude=GLOB  skip those (the last of these two that matches a file decides; if none
 *                     does, a file is searched unless the first was --include)
 *     --exclude-dir=GLOB  do not go into the directories that match
 *
 *     -a, --text  read a binary file (one with a NUL byte) as text: without it, a binary file's
 *         lines are not printed; "grep: F: binary file matches" on stderr says one was selected
 *
 * -w takes, at each place, the longest match there and keeps it if it is a whole word (GNU
 * grep also tries shorter matches at the same place).
 * Exit status: 0 if a line was selected, 1 if none was, 2 on an error (with -q, a selected line
 * wins over an error, as POSIX allows).
 */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fnmatch.h>
#include <getopt.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* with_names: -1 until decided; NAMES_INSIDE: only for files found in a directory (-r with one
   FILE, as GNU grep) */
enum { NAMES_INSIDE = 2 };

static regex_t *patterns;
static int npatterns;
static int count_only, list_files, list_without, quiet, number_lines, only_matching, invert,
           whole_line, whole_word, no_messages, null_after_name, recursive, text_mode, with_names = -1;
static long before = -1, after = -1, max_count = -1;   /* -1: not given */
static int with_context;                                /* -A, -B, -C or -NUM was given */

/* --include and --exclude in their order, and --exclude-dir */
struct filter {
    const char *glob;
    int include;
};
static struct filter *filters;
static int nfilters;
static const char **excluded_dirs;
static int nexcluded_dirs;

/* What has been printed, for the "--" between groups of context: the number of the last line
   printed (or passed over, with -o) of the current file, and whether any line has been. */
static long last_printed;
static int printed_any;

/* The last lines not printed, for -B: a ring of before slots, by line number. */
struct held_line {
    char *text;
    size_t len, size;
    long lineno;                /* 0: empty */
};
static struct held_line *held;

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

/* The name and the line number in front of a line; sep is ':' for a selected line, '-' for
   context. */
static void print_prefix(const char *name, long lineno, char sep)
{
    if (name != NULL) {
        fputs(name, stdout);
        putchar(null_after_name ? '\0' : sep);
    }
    if (number_lines)
        printf("%ld%c", lineno, sep);
}

/* Before a line is printed: "--" if it does not follow the last line printed (with any -A, -B,
   -C or -NUM, even 0). */
static void separate(long lineno)
{
    if (with_context && printed_any && lineno != last_printed + 1)
        puts("--");
    last_printed = lineno;
    printed_any = 1;
}

/* -o: print each non-empty match of the line on a line of its own. */
static void print_matches(const char *line, size_t len, const char *name, long lineno, char sep)
{
    regmatch_t m;
    size_t from = 0;

    while (from <= len && find_match(line, len, from, &m)) {
        if (m.rm_eo > m.rm_so) {
            print_prefix(name, lineno, sep);
            fwrite(line + m.rm_so, 1, (size_t)(m.rm_eo - m.rm_so), stdout);
            putchar('\n');
            from = (size_t)m.rm_eo;
        } else {
            from = (size_t)m.rm_so + 1;
        }
    }
}

/* Print a line: selected (sep ':') or context ('-'). -o prints the matches of the lines that
   match: the selected ones, or with -v the context (as GNU grep, with '-' after their names). */
static void print_line(const char *line, size_t len, const char *name, long lineno, char sep)
{
    separate(lineno);
    if (only_matching) {
        if ((sep == ':') != invert)
            print_matches(line, len, name, lineno, invert ? '-' : ':');
        return;
    }
    print_prefix(name, lineno, sep);
    fwrite(line, 1, (size_t)len, stdout);
    putchar('\n');
}

/* Keep a line that was not printed: it may be the context before a selected one (-B). */
static void hold(const char *line, size_t len, long lineno)
{
    struct held_line *h;

    if (before <= 0)
        return;
    h = &held[lineno % before];
    if (len + 1 > h->size)
        h->text = xrealloc(h->text, h->size = len + 1);
    memcpy(h->text, line, len);
    h->len = len;
    h->lineno = lineno;
}

/* Print the held lines just before lineno that have not been printed yet. */
static void print_held(const char *name, long lineno)
{
    long k;

    for (k = lineno - before; k < lineno; k++) {
        struct held_line *h = &held[k % before];
        if (k > 0 && k > last_printed && h->lineno == k)
            print_line(h->text, h->len, name, k, '-');
    }
}

static void print_name(const char *name)
{
    fputs(name, stdout);
    putchar(null_after_name ? '\0' : '\n');
}

/* Is there a NUL byte in the first 96 KiB of the file f? Then it is binary, as GNU grep decides
   from its first buffer: no line of it is printed (without -a), only a message if one is
   selected. (Standard input, which may be a pipe, becomes binary at its first line with a NUL.) */
static int starts_binary(FILE *f)
{
    static char buf[96 * 1024];
    size_t n;

    if (text_mode)
        return 0;
    n = fread(buf, 1, sizeof buf, f);
    rewind(f);
    return memchr(buf, '\0', n) != NULL;
}

/* grep one stream: name is the file's name for -l and -L, prefix the one in front of its lines
(NULL for none). Returns the number of lines selected. */
static long grep(FILE *f, const char *name, const char *prefix)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    long lineno = 0, selected = 0, after_left = 0, k;
    regmatch_t m;
    int binary = f != stdin && starts_binary(f);

    last_printed = -1;
    for (k = 0; k < before; k++)
        held[k].lineno = 0;
    /* after -m NUM selected lines, only their trailing context is still read */
    while (!(max_count >= 0 && selected >= max_count && after_left == 0) &&
           (len = getline(&line, &size, f)) >= 0) {
        lineno++;
        binary |= !text_mode && memchr(line, '\0', (size_t)len) != NULL;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (find_match(line, (size_t)len, 0, &m) == invert ||
            (max_count >= 0 && selected >= max_count)) {
            if (after_left > 0) {
                print_line(line, (size_t)len, prefix, lineno, '-');
                after_left--;
            } else {
                hold(line, (size_t)len, lineno);
            }
            continue;
        }
        selected++;
        if (quiet)
            exit(0);
        if (list_files || list_without)
            break;
        if (count_only)
            continue;
        if (binary) {
            fflush(stdout);
            fprintf(stderr, "grep: %s: binary file matches\n", name);
            break;
        }
        if (before > 0)
            print_held(prefix, lineno);
        print_line(line, (size_t)len, prefix, lineno, ':');
        after_left = after;
    }
    free(line);
    if (list_files && selected > 0)
        print_name(name);
    else if (list_without && selected == 0)
        print_name(name);
    else if (count_only && !list_files && !list_without) {
        if (prefix != NULL)
            printf("%s%c", prefix, null_after_name ? '\0' : ':');
        printf("%ld\n", selected);
    }
    return selected;
}

/* Does glob match the name, or a tail of it that follows a '/'? (GNU's exclude) */
static int glob_matches(const char *glob, const char *name)
{
    const char *p;

    if (fnmatch(glob, name, 0) == 0)
        return 1;
    for (p = name; *p != '\0'; p++)
        if (*p == '/' && p[1] != '/' && p[1] != '\0' && fnmatch(glob, p + 1, 0) == 0)
            return 1;
    return 0;
}

/* --include, --exclude: the last one that matches decides. */
static int file_is_searched(const char *name)
{
    int i;

    for (i = nfilters - 1; i >= 0; i--)
        if (glob_matches(filters[i].glob, name))
            return filters[i].include;
    return nfilters == 0 || !filters[0].include;
}

static int dir_is_searched(const char *name)
{
    int i;

    for (i = 0; i < nexcluded_dirs; i++)
        if (glob_matches(excluded_dirs[i], name))
            return 0;
    return 1;
}

static int error;               /* a file could not be read */

static void cannot_read(const char *path, int err)
{
    if (!no_messages)
        fprintf(stderr, "grep: %s: %s\n", path, strerror(err));
    error = 1;
}

static long grep_path(const char *path, const char *shown, int command_line);

/* -r: every entry of a directory. shown is the name to show for path ("" for the working
   directory that no FILE named: its files are shown without "./"). */
static long grep_dir(const char *path, const char *shown)
{
    DIR *d = opendir(path);
    struct dirent *e;
    long selected = 0;

    if (d == NULL) {
        cannot_read(path, errno);
        return 0;
    }
    while ((e = readdir(d)) != NULL) {
        size_t plen = strlen(path), slen = strlen(shown), nlen = strlen(e->d_name);
        int pslash = plen > 0 && path[plen - 1] == '/', sslash = slen == 0 || shown[slen - 1] == '/';
        char *child, *child_shown;
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        child = xrealloc(NULL, plen + nlen + 2);
        child_shown = xrealloc(NULL, slen + nlen + 2);
        sprintf(child, "%s%s%s", path, pslash ? "" : "/", e->d_name);
        sprintf(child_shown, "%s%s%s", shown, sslash ? "" : "/", e->d_name);
        selected += grep_path(child, child_shown, 0);
        free(child);
        free(child_shown);
    }
    closedir(d);
    return selected;
}

/* grep a FILE operand (command_line) or a file found by -r. */
static long grep_path(const char *path, const char *shown, int command_line)
{
    struct stat st;
    const char *prefix;
    FILE *f;
    long selected;
    int found;

    if (strcmp(path, "-") == 0)
        return grep(stdin, "(standard input)", with_names == 1 ? "(standard input)" : NULL);
    /* -r follows the symbolic links that FILEs name, -R every one */
    found = command_line || recursive == 'R' ? stat(path, &st) : lstat(path, &st);
    if (found == 0 && S_ISLNK(st.st_mode))
        return 0;
    if (found == 0 && S_ISDIR(st.st_mode)) {
        if (!recursive) {
            cannot_read(path, EISDIR);
            return 0;
        }
        return dir_is_searched(path) ? grep_dir(path, shown) : 0;
    }
    if (found == 0 && !command_line && !S_ISREG(st.st_mode))
        return 0;               /* devices and FIFOs found by -r: /dev/zero never ends (GNU's) */
    if (!file_is_searched(path))
        return 0;
    if ((f = fopen(path, "r")) == NULL) {
        cannot_read(path, errno);
        return 0;
    }
    prefix = with_names == 1 || (with_names == NAMES_INSIDE && !command_line) ? shown : NULL;
    selected = grep(f, shown, prefix);
    fclose(f);
    return selected;
}

static int usage(void)
{
    fprintf(stderr, "usage: grep [-E|-F] [-c|-l|-L|-q] [-ahHinosvwxZrR] [-m NUM] [-A NUM] [-B NUM] [-C NUM] "
                    "[-e PATTERN]... [-f FILE]... [PATTERN] [FILE...]\n");
    return 2;
}

/* The NUM of -A, -B, -C: a count of lines. */
static long context_length(const char *arg)
{
    char *end;
    long n = strtol(arg, &end, 10);

    if (end == arg || *end != '\0' || n < 0) {
        fprintf(stderr, "grep: %s: invalid context length argument\n", arg);
        exit(2);
    }
    return n;
}

static void add_filter(const char *glob, int include)
{
    filters = xrealloc(filters, (size_t)(nfilters + 1) * sizeof *filters);
    filters[nfilters].glob = glob;
    filters[nfilters++].include = include;
}

enum { INCLUDE = 256, EXCLUDE, EXCLUDE_DIR };

static const struct option long_options[] = {
    {"after-context", required_argument, NULL, 'A'}, {"before-context", required_argument, NULL, 'B'},
    {"context", required_argument, NULL, 'C'}, {"max-count", required_argument, NULL, 'm'},
    {"files-without-match", no_argument, NULL, 'L'}, {"null", no_argument, NULL, 'Z'},
    {"text", no_argument, NULL, 'a'}, {"recursive", no_argument, NULL, 'r'},
    {"dereference-recursive", no_argument, NULL, 'R'},
    {"include", required_argument, NULL, INCLUDE}, {"exclude", required_argument, NULL, EXCLUDE},
    {"exclude-dir", required_argument, NULL, EXCLUDE_DIR}, {NULL, 0, NULL, 0},
};

int main(int argc, char **argv)
{
    const char **exprs = NULL, **files = NULL;
    int nexprs = 0, nfiles = 0, cflags = 0, fixed = 0, c, i, selected = 0;
    int this_optind = optind, digits_optind = -1;
    long context = -1;          /* -C, -NUM: what -A and -B are if not given */
    char *end;

    while ((c = getopt_long(argc, argv, "0123456789A:B:C:EFLRZace:f:hHilm:noqrsvwx", long_options,
                            NULL)) != -1) {
        switch (c) {
        case '0': case '1': case '2': case '3': case '4':
        case '5': case '6': case '7': case '8': case '9':
            /* -NUM: the digits of one argument make one number (-15 is 15, -1 -5 is 5) */
            if (digits_optind != this_optind || context < 0)
                context = 0;
            context = 10 * context + (c - '0');
            digits_optind = this_optind;
            break;
        case 'A': after = context_length(optarg); break;
        case 'B': before = context_length(optarg); break;
        case 'C': context = context_length(optarg); break;
        case 'E': cflags |= REG_EXTENDED; fixed = 0; break;
        case 'F': fixed = 1; break;
        case 'L': list_without = 1; list_files = 0; break;
        case 'R': case 'r': recursive = c; break;
        case 'Z': null_after_name = 1; break;
        case 'a': text_mode = 1; break;
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
        case 'l': list_files = 1; list_without = 0; break;
        case 'm':
            max_count = strtol(optarg, &end, 10);
            if (end == optarg || *end != '\0') {
                fprintf(stderr, "grep: invalid max count\n");
                return 2;
            }
            if (max_count < 0)
                max_count = -1;             /* GNU: a negative NUM is no limit */
            break;
        case 'n': number_lines = 1; break;
        case 'o': only_matching = 1; break;
        case 'q': quiet = 1; break;
        case 's': no_messages = 1; break;
        case 'v': invert = 1; break;
        case 'w': whole_word = 1; break;
        case 'x': whole_line = 1; break;
        case INCLUDE: add_filter(optarg, 1); break;
        case EXCLUDE: add_filter(optarg, 0); break;
        case EXCLUDE_DIR:
            excluded_dirs = xrealloc(excluded_dirs, (size_t)(nexcluded_dirs + 1) * sizeof *excluded_dirs);
            excluded_dirs[nexcluded_dirs++] = optarg;
            break;
        default: return usage();
        }
        this_optind = optind;
    }
    with_context = after >= 0 || before >= 0 || context >= 0;
    /* -A and -B given win over -C and -NUM, whatever their order */
    if (after < 0)
        after = context < 0 ? 0 : context;
    if (before < 0)
        before = context < 0 ? 0 : context;
    if (before > 0) {
        held = xrealloc(NULL, (size_t)before * sizeof *held);
        memset(held, 0, (size_t)before * sizeof *held);
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

    if (with_names < 0)
        with_names = argc - optind > 1 ? 1 : recursive ? NAMES_INSIDE : 0;
    if (optind == argc)
        selected = recursive ? grep_dir(".", "") : grep_path("-", "-", 1);
    for (i = optind; i < argc; i++)
        selected += grep_path(argv[i], argv[i], 1);
    return error ? 2 : selected > 0 ? 0 : 1;
}
