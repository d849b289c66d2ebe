/*
 * grep - print the lines that match a pattern.
 *
 *     grep [-c] [-i] [-n] [-v] PATTERN [FILE...]
 *
 * PATTERN is a POSIX basic regular expression (BRE):
 *     c        a character matches itself       \c     c itself (for the special ones: \. \* \[ \\)
 *     .        any character                    [abc]  one of a, b, c; ranges [a-z]; [^...] none of
 *     x*       zero or more of x (x: any of the above, or a group)
 *     ^  $     the start and the end of the line (at the start / end of the pattern or group)
 *     \(...\)  a group, which * can repeat;      \1..\9 what group 1..9 matched
 *     [[:alpha:]] [[:digit:]] [[:alnum:]] [[:upper:]] [[:lower:]] [[:space:]] [[:punct:]] in [...]
 * Not supported: intervals \{m,n\}.
 *
 * Options: -i ignore case, -v print the lines that do not match, -c print only how many lines
 * were selected, -n put each line's number in front of it. With several files every line (or
 * count) is preceded by its file's name.
 * Exit status: 0 if a line was selected, 1 if none was, 2 on an error.
 *
 * How the matcher works: the pattern is compiled into an array of nodes (a group holds its own
 * array), then matched by backtracking. Matching a node with a "continuation" (what must still
 * match after it) lets a group followed by more pattern, or repeated by *, try each way in turn.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { CHAR, ANY, SET, GROUP, BACKREF, BOL, EOL };

struct node {
    int type;
    int star;                   /* followed by '*' */
    int c;                      /* CHAR: the character; GROUP, BACKREF: the group number */
    unsigned char set[32];      /* SET: a bitmap of the 256 characters */
    struct node *sub;           /* GROUP: its nodes */
    int nsub;
};

/* What is left to match once the current sequence is done: the rest of an enclosing sequence. */
struct cont {
    const struct node *seq;
    int n;
    int close_group;            /* > 0: the group that ends here (record where it ended) */
    const char *loop_start;     /* for a starred group: where this repetition began */
    const struct cont *next;
};

static int ignore_case;
static const char *group_start[10], *group_end[10];
static int ngroups;
static const char *line_start;

static void bad_pattern(const char *why)
{
    fprintf(stderr, "grep: %s\n", why);
    exit(2);
}

static void set_add(unsigned char *set, int c)
{
    set[c >> 3] |= (unsigned char)(1 << (c & 7));
    if (ignore_case && isalpha(c)) {
        c = isupper(c) ? tolower(c) : toupper(c);
        set[c >> 3] |= (unsigned char)(1 << (c & 7));
    }
}

/* The class name at p ("alpha:]..."): adds its characters; returns the length used, 0 if none. */
static int add_class(unsigned char *set, const char *p)
{
    static const char *names[] = {"alpha:]", "digit:]", "alnum:]", "upper:]", "lower:]",
                                  "space:]", "punct:]"};
    int i, c;

    for (i = 0; i < 7; i++) {
        if (strncmp(p, names[i], 7) != 0)
            continue;
        for (c = 1; c < 256; c++) {
            int in = i == 0 ? isalpha(c) : i == 1 ? isdigit(c) : i == 2 ? isalnum(c) :
                     i == 3 ? isupper(c) : i == 4 ? islower(c) : i == 5 ? isspace(c) : ispunct(c);
            if (in)
                set_add(set, c);
        }
        return 7;
    }
    return 0;
}

/* Compile a bracket expression; *pp points just after '['. Leaves *pp after the ']'. */
static void compile_set(struct node *nd, const char **pp)
{
    const char *p = *pp;
    int negate = 0, i, first = 1;

    memset(nd->set, 0, sizeof nd->set);
    if (*p == '^') {
        negate = 1;
        p++;
    }
    while (*p != ']' || first) {
        int lo = (unsigned char)*p, hi;
        if (*p == '\0')
            bad_pattern("Unmatched [, [^, [:, [., or [=");
        first = 0;
        if (p[0] == '[' && p[1] == ':') {
            int used = add_class(nd->set, p + 2);
            if (used == 0)
                bad_pattern("Invalid character class name");
            p += 2 + used;
            continue;
        }
        if (p[1] == '-' && p[2] != ']' && p[2] != '\0') {
            hi = (unsigned char)p[2];
            if (hi < lo)
                bad_pattern("Invalid range end");
            for (i = lo; i <= hi; i++)
                set_add(nd->set, i);
            p += 3;
        } else {
            set_add(nd->set, lo);
            p++;
        }
    }
    if (negate) {
        for (i = 0; i < 32; i++)
            nd->set[i] = (unsigned char)~nd->set[i];
        nd->set['\n' >> 3] &= (unsigned char)~(1 << ('\n' & 7));
    }
    *pp = p + 1;
}

/* Compile a sequence up to the end of the pattern, or to "\)" if in_group. */
static struct node *compile_seq(const char **pp, int in_group, int *count)
{
    const char *p = *pp, *seq_start = *pp;
    struct node *nodes = NULL;
    int n = 0, cap = 0;

    while (*p != '\0') {
        struct node *nd;
        if (in_group && p[0] == '\\' && p[1] == ')')
            break;
        if (*p == '*' && n > 0 && nodes[n - 1].type != BOL) {   /* a repeat of the last node */
            nodes[n - 1].star = 1;
            p++;
            continue;
        }
        if (n == cap) {
            cap = cap ? 2 * cap : 8;
            nodes = realloc(nodes, cap * sizeof *nodes);
            if (nodes == NULL)
                bad_pattern("out of memory");
        }
        nd = &nodes[n++];
        memset(nd, 0, sizeof *nd);
        if (*p == '^' && p == seq_start) {
            nd->type = BOL;
            p++;
        } else if (*p == '$' && (p[1] == '\0' || (in_group && p[1] == '\\' && p[2] == ')'))) {
            nd->type = EOL;
            p++;
        } else if (*p == '.') {
            nd->type = ANY;
            p++;
        } else if (*p == '[') {
            nd->type = SET;
            p++;
            compile_set(nd, &p);
        } else if (p[0] == '\\' && p[1] == '(') {
            if (ngroups == 9)
                bad_pattern("too many groups");
            nd->type = GROUP;
            nd->c = ++ngroups;
            p += 2;
            nd->sub = compile_seq(&p, 1, &nd->nsub);
            if (p[0] != '\\' || p[1] != ')')
                bad_pattern("Unmatched ( or \\(");
            p += 2;
        } else if (p[0] == '\\' && p[1] >= '1' && p[1] <= '9') {
            nd->type = BACKREF;
            nd->c = p[1] - '0';
            if (nd->c > ngroups)
                bad_pattern("Invalid back reference");
            p += 2;
        } else if (p[0] == '\\') {
            if (p[1] == '\0')
                bad_pattern("Trailing backslash");
            if (p[1] == ')')
                bad_pattern("Unmatched ) or \\)");
            nd->type = CHAR;
            nd->c = (unsigned char)p[1];
            p += 2;
        } else {
            nd->type = CHAR;
            nd->c = (unsigned char)*p++;
        }
    }
    *pp = p;
    *count = n;
    return nodes;
}

static int same_char(int a, int b)
{
    return a == b || (ignore_case && tolower(a) == tolower(b));
}

/* Does the single-character node nd match the character at s? */
static int match_one(const struct node *nd, const char *s)
{
    int c = (unsigned char)*s;

    if (c == '\0')
        return 0;
    switch (nd->type) {
    case CHAR: return same_char(nd->c, c);
    case ANY: return 1;
    case SET: return (nd->set[c >> 3] >> (c & 7)) & 1;
    }
    return 0;
}

static int match_seq(const struct node *seq, int n, const char *s, const struct cont *k);

/* Carry on with the continuation k at s (the current sequence has matched up to s). */
static int match_cont(const char *s, const struct cont *k)
{
    const char *saved;
    int ok;

    if (k == NULL)
        return 1;
    if (k->loop_start == s)     /* a starred group matched nothing: do not loop for ever */
        return 0;
    if (k->close_group == 0)
        return match_seq(k->seq, k->n, s, k->next);
    saved = group_end[k->close_group];
    group_end[k->close_group] = s;
    ok = match_seq(k->seq, k->n, s, k->next);
    if (!ok)
        group_end[k->close_group] = saved;
    return ok;
}

/* Does the sequence seq[0..n) match at s, followed by the continuation k? */
static int match_seq(const struct node *seq, int n, const char *s, const struct cont *k)
{
    const struct node *nd;
    const char *t;
    size_t len;

    if (n == 0)
        return match_cont(s, k);
    nd = &seq[0];
    switch (nd->type) {
    case BOL:
        return s == line_start && match_seq(seq + 1, n - 1, s, k);
    case EOL:
        return *s == '\0' && match_seq(seq + 1, n - 1, s, k);
    case GROUP: {
        struct cont after;
        const char *old_start = group_start[nd->c], *old_end = group_end[nd->c];
        /* Match the group's body; when it is done, record its end and go on with the rest:
         * with the rest of this sequence, or with this same node again if it is starred. */
        after.seq = nd->star ? seq : seq + 1;
        after.n = nd->star ? n : n - 1;
        after.close_group = nd->c;
        after.loop_start = nd->star ? s : NULL;
        after.next = k;
        group_start[nd->c] = s;
        if (match_seq(nd->sub, nd->nsub, s, &after))
            return 1;
        group_start[nd->c] = old_start;
        group_end[nd->c] = old_end;
        return nd->star && match_seq(seq + 1, n - 1, s, k);   /* zero repetitions */
    }
    case BACKREF:
        t = group_start[nd->c];
        if (t == NULL || group_end[nd->c] == NULL)
            return 0;
        len = (size_t)(group_end[nd->c] - t);
        do {
            size_t i;
            for (i = 0; i < len; i++)
                if (!same_char((unsigned char)t[i], (unsigned char)s[i]))
                    return 0;
            s += len;
            if (!nd->star || len == 0)
                return match_seq(seq + 1, n - 1, s, k);
            if (match_seq(seq + 1, n - 1, s, k))
                return 1;
        } while (1);
    }
    if (!nd->star)
        return match_one(nd, s) && match_seq(seq + 1, n - 1, s + 1, k);
    /* x*: take as many as possible, then give them back one at a time */
    for (t = s; match_one(nd, t); t++)
        ;
    for (;; t--) {
        if (match_seq(seq + 1, n - 1, t, k))
            return 1;
        if (t == s)
            return 0;
    }
}

/* Does the pattern match anywhere in the line? */
static int matches(const struct node *pattern, int n, const char *line)
{
    const char *s = line;

    line_start = line;
    do {
        memset(group_start, 0, sizeof group_start);
        memset(group_end, 0, sizeof group_end);
        if (match_seq(pattern, n, s, NULL))
            return 1;
    } while (*s++ != '\0');
    return 0;
}

static int count_only, number_lines, invert;

/* grep one stream; returns the number of lines selected. */
static long grep(FILE *f, const char *name, const struct node *pattern, int n)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    long lineno = 0, selected = 0;

    while ((len = getline(&line, &size, f)) >= 0) {
        lineno++;
        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if (matches(pattern, n, line) == invert)
            continue;
        selected++;
        if (count_only)
            continue;
        if (name != NULL)
            printf("%s:", name);
        if (number_lines)
            printf("%ld:", lineno);
        fwrite(line, 1, (size_t)len, stdout);
        putchar('\n');
    }
    free(line);
    if (count_only) {
        if (name != NULL)
            printf("%s:", name);
        printf("%ld\n", selected);
    }
    return selected;
}

int main(int argc, char **argv)
{
    struct node *pattern;
    const char *p;
    int c, i, n, status = 1, error = 0;

    while ((c = getopt(argc, argv, "cinv")) != -1) {
        switch (c) {
        case 'c': count_only = 1; break;
        case 'i': ignore_case = 1; break;
        case 'n': number_lines = 1; break;
        case 'v': invert = 1; break;
        default:
            fprintf(stderr, "usage: grep [-c] [-i] [-n] [-v] PATTERN [FILE...]\n");
            return 2;
        }
    }
    if (optind == argc) {
        fprintf(stderr, "usage: grep [-c] [-i] [-n] [-v] PATTERN [FILE...]\n");
        return 2;
    }
    p = argv[optind++];
    pattern = compile_seq(&p, 0, &n);

    if (optind == argc)
        return grep(stdin, NULL, pattern, n) > 0 ? 0 : 1;
    for (i = optind; i < argc; i++) {
        int is_stdin = strcmp(argv[i], "-") == 0;
        const char *name = argc - optind < 2 ? NULL : is_stdin ? "(standard input)" : argv[i];
        FILE *f = is_stdin ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "grep: %s: %s\n", argv[i], strerror(errno));
            error = 1;
            continue;
        }
        if (grep(f, name, pattern, n) > 0)
            status = 0;
        if (f != stdin)
            fclose(f);
    }
    return error ? 2 : status;
}
