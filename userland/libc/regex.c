/*
 * regex.c - POSIX regular expressions: regcomp, regexec, regerror, regfree (<regex.h>).
 *
 * This file owns the whole of <regex.h>: both syntaxes (basic, BRE, and with REG_EXTENDED
 * extended, ERE), the flags REG_ICASE, REG_NEWLINE, REG_NOSUB, REG_NOTBOL and REG_NOTEOL, and
 * the error codes. /bin/grep, /bin/expr and /bin/sed are built on it. Characters are bytes in
 * the C locale; an equivalence class [=c=] or a collating symbol [.c.] is the one character c.
 * As in glibc, a BRE also understands \+, \? and \| (one or more, zero or one, alternation) and
 * an ERE understands back-references \1..\9 and {,n}; both understand glibc's escapes \w \W
 * (a word character: alphanumeric or _, and not one), \s \S (space, and not), and the
 * zero-width \b \B (at a word's edge, and not), \< \> (a word's start, its end), \` \' (the
 * subject's start, its end). regexec also takes BSD's and glibc's REG_STARTEND.
 *
 * HOW IT WORKS, in three steps.
 *
 * 1. regcomp PARSES the pattern by recursive descent into a tree of nodes held in one array:
 *        parse_alternation   branch | branch | ...
 *        parse_branch        piece piece ...            (a concatenation)
 *        parse_piece         atom followed by * + ? {m,n}
 *        parse_atom          a character, ., [...], ^, $, \n, or a (group)
 *    The context rules of POSIX live here: in a BRE ^ is an anchor only at the start of a
 *    branch and $ only at its end, and a * with nothing before it is an ordinary character.
 *
 * 2. It COMPILES the tree into a program for a small backtracking machine (emit_node):
 *        CHAR c      the character c                 SET i       a character of set i
 *        BOL, EOL    the start, the end of a line     BACKREF n   again what group n matched
 *        SAVE r      remember the position in r      MATCH       the end: a match
 *        SPLIT x,y   go on at x, and if that fails, at y (the choice points)
 *        JMP x       go on at x
 *        ENTER, MARK, TEST   the bookkeeping of a repetition of something that can match ""
 *    x* is a loop "L: SPLIT body,out; body: x; JMP L". x{m,n} is m copies of x followed by n-m
 *    optional copies, each "SPLIT copy,out; copy: x". (So a{1000} costs 1000 instructions;
 *    a program above MAX_CODE instructions is refused with REG_ESIZE.)
 *    POSIX says a repetition matches "" only if that is its only match: "(a*)*" against "b"
 *    matches "" with group 1 = "", but against "aa" group 1 is "aa", not a last empty round.
 *    So for a repeated x that can match "", MARK notes where each round starts and TEST, at its
 *    end, refuses an empty round unless it is the first (then it leaves the loop).
 *
 * 3. regexec RUNS the program at each start position, leftmost first. From one start it tries
 *    every path, depth first in order of preference (more rounds of a repetition first, the left
 *    alternative first), and keeps the LONGEST match - POSIX's leftmost-longest rule - with the
 *    groups of the first path that reached that end. This is also how glibc picks the groups
 *    in most cases ("(a|ab)(bc|c)" on "abc" gives (a)(bc) in both).
 *
 * WHY IT NEVER BLOWS UP. Backtracking naively takes exponential time on patterns like
 * "(a*)*b". But without back-references, what can happen from instruction pc at position pos
 * does not depend on how the machine got there; so a bitmap remembers each (pc, pos) already
 * explored and the machine never explores one twice: at most (program size) x (length + 1)
 * steps in all, for all the start positions together (a state explored from an earlier start
 * that did not match cannot lead to a match now either). With back-references that reasoning
 * fails (what \1 matches depends on the path), so the search instead has a budget of
 * STEP_BUDGET steps, after which regexec gives up and returns REG_ESPACE. The same budget
 * applies when the bitmap would be too big (a huge program against a long string).
 *
 * The machine keeps its choice points on an explicit stack (no recursion, so a long subject
 * cannot overflow the C stack); the stack also holds the old values of registers (group
 * positions, loop marks) to put back when the machine backtracks past where it changed them.
 */
#include <ctype.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>

#define MAX_CODE 131072         /* instructions in a program */
#define MAX_DEPTH 200           /* nested groups */
#define VISITED_MAX (1L << 23)  /* bits in the explored-states bitmap */
#define STEP_BUDGET 1000000L    /* steps of a search that has no bitmap */
#define MAX_STACK (1 << 20)     /* entries on the machine's stack */

/* ---- the compiled program ------------------------------------------------------------ */

enum op { OP_CHAR, OP_SET, OP_BOL, OP_EOL, OP_EDGE, OP_SAVE, OP_SPLIT, OP_JMP, OP_BACKREF,
          OP_ENTER, OP_MARK, OP_TEST, OP_MATCH };

struct inst {
    unsigned char op;
    int x, y;       /* CHAR: x the character; SET: x the set; SAVE: x the register;
                       SPLIT: x, y the two ways; JMP: x; BACKREF: x the group;
                       EDGE: x the escape's letter (b B < > ` ')
                       ENTER: x the loop, y 1 if rounds were already done; MARK: x the loop;
                       TEST: x the loop, y where the loop ends */
};

typedef unsigned char charset[32];      /* a bitmap of the 256 byte values */

struct prog {
    struct inst *code;
    int ncode, capcode;
    charset *sets;
    int nsets, capsets;
    int nloops;         /* repetitions that need MARK and TEST */
    int nregs;          /* 2 per group (0 for the whole match) + 2 per such loop */
    int has_backref;
    int min_length;     /* no match is shorter (so a{1000} skips subjects that are) */
    int cflags;
};

/* Registers: group n starts in 2n and ends in 2n+1; loop k's mark (where its round started)
 * and whether it has done a non-empty round are loop_reg(k) and loop_reg(k) + 1. */
static int loop_reg(size_t nsub, int k)
{
    return 2 * (int)(nsub + 1) + 2 * k;
}

/* ---- parsing: pattern -> tree --------------------------------------------------------- */

enum kind { N_EMPTY, N_CHAR, N_SET, N_BOL, N_EOL, N_EDGE, N_BACKREF, N_GROUP, N_CAT, N_ALT,
            N_REPEAT };

struct node {
    int kind;
    int a, b;           /* CHAR: a the character; SET: a the set; BACKREF, GROUP: a the number;
                           EDGE: a the escape's letter;
                           REPEAT: a..b the counts (b = -1: no upper bound) */
    int left, right;    /* the children (indexes in the node array); GROUP, REPEAT: left */
    int loop;           /* REPEAT: its loop number once compiled, -1 before */
};

struct parser {
    const char *p;          /* the next character of the pattern */
    int ere, icase, newline;
    struct node *nodes;
    int nnodes, capnodes;
    struct prog *prog;
    int ngroups;            /* groups opened so far */
    int closed[10];         /* closed[n]: group n (1..9) is complete, \n may refer to it */
    int depth;              /* groups open now */
    int error;              /* the first error, 0 if none */
};

static int fail(struct parser *ps, int error)
{
    if (ps->error == 0)
        ps->error = error;
    return -1;
}

/* Grow *array (of *cap elements of size each) to hold n + 1; 0 if out of memory. */
static int grow(void **array, int *cap, int n, size_t size)
{
    void *bigger;
    int newcap;

    if (n < *cap)
        return 1;
    newcap = *cap ? 2 * *cap : 16;
    bigger = realloc(*array, (size_t)newcap * size);
    if (bigger == NULL)
        return 0;
    *array = bigger;
    *cap = newcap;
    return 1;
}

static int new_node(struct parser *ps, int kind, int a, int left, int right)
{
    struct node *nd;

    if (!grow((void **)&ps->nodes, &ps->capnodes, ps->nnodes, sizeof *ps->nodes))
        return fail(ps, REG_ESPACE);
    nd = &ps->nodes[ps->nnodes];
    nd->kind = kind;
    nd->a = a;
    nd->b = 0;
    nd->left = left;
    nd->right = right;
    nd->loop = -1;
    return ps->nnodes++;
}

static int new_set(struct parser *ps)
{
    struct prog *prog = ps->prog;

    if (!grow((void **)&prog->sets, &prog->capsets, prog->nsets, sizeof *prog->sets))
        return fail(ps, REG_ESPACE);
    memset(prog->sets[prog->nsets], 0, sizeof(charset));
    return prog->nsets++;
}

static void set_add(struct parser *ps, unsigned char *set, int c)
{
    set[c >> 3] |= (unsigned char)(1 << (c & 7));
    if (ps->icase && isalpha(c)) {
        c = isupper(c) ? tolower(c) : toupper(c);
        set[c >> 3] |= (unsigned char)(1 << (c & 7));
    }
}

static int in_set(const unsigned char *set, int c)
{
    return (set[c >> 3] >> (c & 7)) & 1;
}

/* A character: a CHAR node, or with REG_ICASE a letter is the SET of both its cases. */
static int char_node(struct parser *ps, int c)
{
    int set;

    if (!ps->icase || !isalpha(c))
        return new_node(ps, N_CHAR, c, -1, -1);
    if ((set = new_set(ps)) < 0)
        return -1;
    set_add(ps, ps->prog->sets[set], c);
    return new_node(ps, N_SET, set, -1, -1);
}

/* "." : any character but NUL, and but newline under REG_NEWLINE. */
static int any_node(struct parser *ps)
{
    int set, c;

    if ((set = new_set(ps)) < 0)
        return -1;
    for (c = 1; c < 256; c++)
        if (c != '\n' || !ps->newline)
            set_add(ps, ps->prog->sets[set], c);
    return new_node(ps, N_SET, set, -1, -1);
}

static const struct {
    const char *name;
    int (*is)(int);
} classes[] = {
    {"alpha", isalpha}, {"digit", isdigit}, {"alnum", isalnum}, {"upper", isupper},
    {"lower", islower}, {"space", isspace}, {"blank", isblank}, {"punct", ispunct},
    {"print", isprint}, {"graph", isgraph}, {"cntrl", iscntrl}, {"xdigit", isxdigit},
};

static int add_class(struct parser *ps, unsigned char *set, const char *name, size_t len)
{
    size_t i;
    int c;

    for (i = 0; i < sizeof classes / sizeof classes[0]; i++) {
        if (strlen(classes[i].name) != len || strncmp(classes[i].name, name, len) != 0)
            continue;
        for (c = 1; c < 256; c++)
            if (classes[i].is(c))
                set_add(ps, set, c);
        return 0;
    }
    return fail(ps, REG_ECTYPE);
}

/*
 * One element of a bracket expression at ps->p that may be a range's end point: a character,
 * or a collating symbol [.c.]. Returns the character; -1 on error; -2 if the element is a
 * class [:name:] or an equivalence class [=c=], which it adds to set itself.
 */
static int bracket_element(struct parser *ps, unsigned char *set)
{
    const char *p = ps->p, *end;
    char kind;

    if (p[0] != '[' || (p[1] != ':' && p[1] != '=' && p[1] != '.')) {
        ps->p++;
        return (unsigned char)*p;
    }
    kind = p[1];
    for (end = p + 2; *end != '\0' && !(end[0] == kind && end[1] == ']'); end++)
        ;
    if (*end == '\0')
        return fail(ps, REG_EBRACK);
    ps->p = end + 2;
    if (kind == ':')
        return add_class(ps, set, p + 2, (size_t)(end - (p + 2))) < 0 ? -1 : -2;
    if (end - (p + 2) != 1)
        return fail(ps, REG_ECOLLATE);
    if (kind == '.')
        return (unsigned char)p[2];
    set_add(ps, set, (unsigned char)p[2]);
    return -2;
}

/* A bracket expression; ps->p is just after the '['. */
static int parse_bracket(struct parser *ps)
{
    unsigned char *set;
    int index, negate = 0, first = 1, lo, hi, c, i;

    if ((index = new_set(ps)) < 0)
        return -1;
    set = ps->prog->sets[index];
    if (*ps->p == '^') {
        negate = 1;
        ps->p++;
    }
    if (*ps->p == '\0')
        return fail(ps, REG_BADPAT);    /* glibc's code for a pattern ending in "[" */
    while (*ps->p != ']' || first) {
        first = 0;
        if (*ps->p == '\0')
            return fail(ps, REG_EBRACK);
        if ((lo = bracket_element(ps, set)) == -1)
            return -1;
        if (ps->p[0] != '-' || ps->p[1] == ']') {
            if (lo >= 0)
                set_add(ps, set, lo);
            continue;
        }
        /* a range lo-hi */
        ps->p++;
        if (lo == -2)
            return fail(ps, REG_ERANGE);
        if (*ps->p == '\0')
            return fail(ps, REG_EBRACK);
        if ((hi = bracket_element(ps, set)) == -2)
            return fail(ps, REG_ERANGE);
        if (hi == -1)
            return -1;
        if (hi < lo || (ps->p[0] == '-' && ps->p[1] != ']'))
            return fail(ps, REG_ERANGE);
        for (c = lo; c <= hi; c++)
            set_add(ps, set, c);
    }
    ps->p++;
    if (negate) {
        for (i = 0; i < 32; i++)
            set[i] = (unsigned char)~set[i];
        if (ps->newline)
            set['\n' >> 3] &= (unsigned char)~(1 << ('\n' & 7));
    }
    set[0] &= (unsigned char)~1;        /* never NUL: it ends the subject */
    return new_node(ps, N_SET, index, -1, -1);
}

/* If the pattern goes on with the token of its syntax (ERE's or BRE's), step over it: 1. */
static int skip_token(struct parser *ps, const char *ere, const char *bre)
{
    const char *token = ps->ere ? ere : bre;
    size_t len = strlen(token);

    if (strncmp(ps->p, token, len) != 0)
        return 0;
    ps->p += len;
    return 1;
}

/* Is p at the end of a branch: the end, an alternation, or the close of a group? */
static int at_branch_end(const struct parser *ps, const char *p)
{
    if (*p == '\0')
        return 1;
    if (ps->ere)
        return *p == '|' || (*p == ')' && ps->depth > 0);
    return p[0] == '\\' && (p[1] == '|' || p[1] == ')');
}

/* How long is the repetition operator at ps->p (0 if there is none)? */
static int repeat_op_length(const struct parser *ps)
{
    const char *p = ps->p;

    if (*p == '*')
        return 1;
    if (ps->ere)
        return *p == '+' || *p == '?' || *p == '{';
    return p[0] == '\\' && (p[1] == '+' || p[1] == '?' || p[1] == '{') ? 2 : 0;
}

/*
 * A count of an interval, up to a ',' or the interval's close or the pattern's end (not
 * consumed): -1 if it is empty, -2 if it is not a number or the pattern ends. Counts above
 * RE_DUP_MAX stop growing.
 */
static int parse_count(struct parser *ps, const char *close)
{
    int n = -1;

    while (strncmp(ps->p, close, strlen(close)) != 0 && *ps->p != ',') {
        int c = (unsigned char)*ps->p;
        if (c == '\0')
            return -2;
        ps->p += c == '\\' && ps->p[1] != '\0' ? 2 : 1;
        if (!isdigit(c) || n == -2)
            n = -2;
        else
            n = n < 0 ? c - '0' : n * 10 + (c - '0') > RE_DUP_MAX ? RE_DUP_MAX + 1
                                                                     : n * 10 + (c - '0');
    }
    return n;
}

/*
 * The inside of an interval {m}, {m,}, {m,n} or {,n}; ps->p is just after the '{'. The error
 * codes are glibc's: a bad interval is "unmatched" if the pattern ends in it, else "bad content".
 */
static int parse_interval(struct parser *ps, int *min, int *max)
{
    const char *close = ps->ere ? "}" : "\\}";

    *min = parse_count(ps, close);
    *max = *min;
    if (*min == -1 && *ps->p != ',')
        return fail(ps, REG_BADBR);             /* {} */
    if (*min != -2 && *ps->p == ',') {
        ps->p++;
        *min = *min < 0 ? 0 : *min;
        *max = parse_count(ps, close);          /* -1: no upper bound */
    }
    if (*min == -2 || *max == -2)
        return fail(ps, *ps->p == '\0' ? REG_EBRACE : REG_BADBR);
    if (!skip_token(ps, "}", "\\}"))
        return fail(ps, REG_BADBR);
    if (*max >= 0 && *max < *min)
        return fail(ps, REG_BADBR);
    if ((*max < 0 ? *min : *max) > RE_DUP_MAX)
        return fail(ps, REG_ESIZE);
    return 0;
}

static int parse_alternation(struct parser *ps);

/* A group; ps->p is just after its "(" or "\(". */
static int parse_group(struct parser *ps)
{
    int n = ++ps->ngroups, body;

    if (++ps->depth > MAX_DEPTH)
        return fail(ps, REG_ESPACE);
    if ((body = parse_alternation(ps)) < 0)
        return -1;
    if (!skip_token(ps, ")", "\\)"))
        return fail(ps, REG_EPAREN);
    ps->depth--;
    if (n <= 9)
        ps->closed[n] = 1;
    return new_node(ps, N_GROUP, n, body, -1);
}

static int is_word_char(int c)
{
    return isalnum(c) || c == '_';
}

/* glibc's \w \W \s \S: the set of the word characters, or of the spaces, or of the others. */
static int class_escape_node(struct parser *ps, int letter)
{
    int set, c, want = isupper(letter) ? 0 : 1;

    if ((set = new_set(ps)) < 0)
        return -1;
    for (c = 1; c < 256; c++)
        if ((tolower(letter) == 'w' ? is_word_char(c) : isspace(c) != 0) == want)
            set_add(ps, ps->prog->sets[set], c);
    return new_node(ps, N_SET, set, -1, -1);
}

/* What follows a backslash (ps->p is at the backslash), when it is not a group or interval. */
static int parse_escape(struct parser *ps)
{
    int c = (unsigned char)ps->p[1];

    if (c == '\0')
        return fail(ps, REG_EESCAPE);
    ps->p += 2;
    if (c >= '1' && c <= '9') {
        if (!ps->closed[c - '0'])
            return fail(ps, REG_ESUBREG);
        ps->prog->has_backref = 1;
        return new_node(ps, N_BACKREF, c - '0', -1, -1);
    }
    if (c == 'w' || c == 'W' || c == 's' || c == 'S')
        return class_escape_node(ps, c);
    if (strchr("bB<>`'", c) != NULL)
        return new_node(ps, N_EDGE, c, -1, -1);
    return char_node(ps, c);
}

/*
 * An atom. at_start: 1 if it begins a branch, where a BRE's ^ is an anchor and its * is a
 * character; 2 if it follows a BRE's leading ^ (where * is still a character, ^ too).
 */
static int parse_atom(struct parser *ps, int at_start)
{
    int c = (unsigned char)*ps->p;

    if (skip_token(ps, "(", "\\("))
        return parse_group(ps);
    if (c == '\\')
        return parse_escape(ps);
    ps->p++;
    if (c == '.')
        return any_node(ps);
    if (c == '[')
        return parse_bracket(ps);
    if (c == '^' && (ps->ere || at_start == 1))
        return new_node(ps, N_BOL, 0, -1, -1);
    /* $ is an anchor in an ERE, and in a BRE at the end of a branch */
    if (c == '$' && (ps->ere || at_branch_end(ps, ps->p)))
        return new_node(ps, N_EOL, 0, -1, -1);
    return char_node(ps, c);
}

/* An atom and the repetitions that follow it. */
static int parse_piece(struct parser *ps, int at_start)
{
    int atom, len, min, max, repeats = 0;

    if (at_start && (len = repeat_op_length(ps)) > 0) {
        /* nothing to repeat: an error, except that a BRE takes *, \+, \? as characters */
        if (ps->ere || ps->p[len - 1] == '{')
            return fail(ps, REG_BADRPT);
        ps->p += len;
        atom = char_node(ps, (unsigned char)ps->p[-1]);
    } else {
        atom = parse_atom(ps, at_start);
    }
    if (atom < 0)
        return -1;
    if (!ps->ere && ps->nodes[atom].kind == N_BOL)
        return atom;            /* "^*": the * is a character, the next piece */
    while ((len = repeat_op_length(ps)) > 0) {
        int op = (unsigned char)ps->p[len - 1];
        int kind = ps->nodes[atom].kind;
        if (ps->ere && (kind == N_BOL || kind == N_EOL))
            return fail(ps, REG_BADRPT);
        if (!ps->ere && repeats++ > 0)
            return fail(ps, REG_BADRPT);
        ps->p += len;
        if (op == '{') {
            if (parse_interval(ps, &min, &max) < 0)
                return -1;
        } else {
            min = op == '+';
            max = op == '?' ? 1 : -1;
        }
        if ((atom = new_node(ps, N_REPEAT, min, atom, -1)) < 0)
            return -1;
        ps->nodes[atom].b = max;
    }
    return atom;
}

/*
 * A branch: pieces one after another (an empty branch matches ""). The tree leans right,
 * CAT(p1, CAT(p2, p3)), so that the compiler walks a long branch in a loop, not recursively.
 */
static int parse_branch(struct parser *ps)
{
    int seq = -1, last = -1, piece, cat, at_start = 1;

    while (!at_branch_end(ps, ps->p)) {
        if ((piece = parse_piece(ps, at_start)) < 0)
            return -1;
        /* in a BRE, "^*" is an anchored '*' */
        at_start = !ps->ere && ps->nodes[piece].kind == N_BOL && at_start == 1 ? 2 : 0;
        if (seq < 0) {
            seq = piece;
        } else if (last < 0) {
            if ((seq = last = new_node(ps, N_CAT, 0, seq, piece)) < 0)
                return -1;
        } else {
            if ((cat = new_node(ps, N_CAT, 0, ps->nodes[last].right, piece)) < 0)
                return -1;
            ps->nodes[last].right = cat;
            last = cat;
        }
    }
    return seq < 0 ? new_node(ps, N_EMPTY, 0, -1, -1) : seq;
}

/*
 * Branches separated by | (ERE) or \| (BRE). As in glibc, \n in a branch may refer only to a
 * group closed before the alternation or earlier in the same branch.
 */
static int parse_alternation(struct parser *ps)
{
    int before[10], after[10], left, right, n;

    memcpy(before, ps->closed, sizeof before);
    memcpy(after, ps->closed, sizeof after);
    if ((left = parse_branch(ps)) < 0)
        return -1;
    while (skip_token(ps, "|", "\\|")) {
        for (n = 0; n < 10; n++) {
            after[n] |= ps->closed[n];
            ps->closed[n] = before[n];
        }
        if ((right = parse_branch(ps)) < 0)
            return -1;
        if ((left = new_node(ps, N_ALT, 0, left, right)) < 0)
            return -1;
    }
    for (n = 0; n < 10; n++)
        ps->closed[n] |= after[n];
    return left;
}

/* ---- compiling: tree -> program -------------------------------------------------------- */

struct compiler {
    struct parser *ps;
    struct prog *prog;
    size_t nsub;
};

/* Can node n match the empty string? */
static int nullable(const struct node *nodes, int n)
{
    const struct node *nd = &nodes[n];

    for (; nd->kind == N_CAT; nd = &nodes[nd->right])
        if (!nullable(nodes, nd->left))
            return 0;
    switch (nd->kind) {
    case N_CHAR: case N_SET: return 0;
    case N_GROUP: return nullable(nodes, nd->left);
    case N_ALT: return nullable(nodes, nd->left) || nullable(nodes, nd->right);
    case N_REPEAT: return nd->a == 0 || nullable(nodes, nd->left);
    }
    return 1;       /* EMPTY, BOL, EOL, BACKREF */
}

/* The length of the shortest string node n can match (at most MAX_CODE: enough to skip). */
static int min_length(const struct node *nodes, int n)
{
    const struct node *nd = &nodes[n];
    long len = 0;
    int right;

    for (; nd->kind == N_CAT && len < MAX_CODE; nd = &nodes[nd->right])
        len += min_length(nodes, nd->left);
    switch (nd->kind) {
    case N_CHAR: case N_SET: len++; break;
    case N_GROUP: len += min_length(nodes, nd->left); break;
    case N_ALT:
        right = min_length(nodes, nd->right);
        len += min_length(nodes, nd->left) < right ? min_length(nodes, nd->left) : right;
        break;
    case N_REPEAT: len += (long)nd->a * min_length(nodes, nd->left); break;
    }
    return len < MAX_CODE ? (int)len : MAX_CODE;     /* EMPTY, BOL, EOL, BACKREF: 0 */
}

/* Append an instruction; returns its index, -1 if the program is too big. */
static int emit(struct compiler *cc, int op, int x, int y)
{
    struct prog *prog = cc->prog;

    if (prog->ncode >= MAX_CODE)
        return fail(cc->ps, REG_ESIZE);
    if (!grow((void **)&prog->code, &prog->capcode, prog->ncode, sizeof *prog->code))
        return fail(cc->ps, REG_ESPACE);
    prog->code[prog->ncode].op = (unsigned char)op;
    prog->code[prog->ncode].x = x;
    prog->code[prog->ncode].y = y;
    return prog->ncode++;
}

static int emit_node(struct compiler *cc, int n);

/*
 * The optional rounds of a repetition: max - min more copies of the body (max = -1: a loop).
 * rounds_done: min > 0, so that an empty round is never needed.
 */
static int emit_optional_rounds(struct compiler *cc, const struct node *nd, int count,
                                int rounds_done)
{
    struct prog *prog = cc->prog;
    int marked = nullable(cc->ps->nodes, nd->left), reg = 0, first, split, i;
    int loop = count < 0;

    if (marked) {
        if (nd->loop < 0)
            ((struct node *)nd)->loop = prog->nloops++;
        reg = loop_reg(cc->nsub, nd->loop);
        if (emit(cc, OP_ENTER, reg, rounds_done) < 0)
            return -1;
    }
    first = prog->ncode;
    for (i = 0; loop ? i < 1 : i < count; i++) {
        if ((split = emit(cc, OP_SPLIT, prog->ncode + 1, -1)) < 0)
            return -1;
        if (marked && emit(cc, OP_MARK, reg, 0) < 0)
            return -1;
        if (emit_node(cc, nd->left) < 0)
            return -1;
        if (marked && emit(cc, OP_TEST, reg, -1) < 0)
            return -1;
        if (loop && emit(cc, OP_JMP, split, 0) < 0)
            return -1;
    }
    /* point every SPLIT's second way, and every TEST's exit, at the end */
    for (i = first; i < prog->ncode; i++)
        if ((prog->code[i].op == OP_SPLIT || prog->code[i].op == OP_TEST) &&
            prog->code[i].y == -1)
            prog->code[i].y = prog->ncode;
    return 0;
}

static int emit_node(struct compiler *cc, int n)
{
    const struct node *nd = &cc->ps->nodes[n];
    struct prog *prog = cc->prog;
    int split, jump, i;

    for (; nd->kind == N_CAT; nd = &cc->ps->nodes[nd->right])
        if (emit_node(cc, nd->left) < 0)
            return -1;
    switch (nd->kind) {
    case N_EMPTY:
        return 0;
    case N_CHAR:
        return emit(cc, OP_CHAR, nd->a, 0);
    case N_SET:
        return emit(cc, OP_SET, nd->a, 0);
    case N_BOL:
        return emit(cc, OP_BOL, 0, 0);
    case N_EOL:
        return emit(cc, OP_EOL, 0, 0);
    case N_EDGE:
        return emit(cc, OP_EDGE, nd->a, 0);
    case N_BACKREF:
        return emit(cc, OP_BACKREF, nd->a, 0);
    case N_GROUP:
        if (emit(cc, OP_SAVE, 2 * nd->a, 0) < 0 || emit_node(cc, nd->left) < 0)
            return -1;
        return emit(cc, OP_SAVE, 2 * nd->a + 1, 0);
    case N_ALT:
        if ((split = emit(cc, OP_SPLIT, prog->ncode + 1, 0)) < 0 || emit_node(cc, nd->left) < 0)
            return -1;
        if ((jump = emit(cc, OP_JMP, 0, 0)) < 0)
            return -1;
        prog->code[split].y = prog->ncode;
        if (emit_node(cc, nd->right) < 0)
            return -1;
        prog->code[jump].x = prog->ncode;
        return 0;
    case N_REPEAT:
        for (i = 0; i < nd->a; i++)
            if (emit_node(cc, nd->left) < 0)
                return -1;
        if (nd->b == nd->a)
            return 0;
        return emit_optional_rounds(cc, nd, nd->b < 0 ? -1 : nd->b - nd->a, nd->a > 0);
    }
    return 0;
}

/* ---- regcomp, regfree, regerror ------------------------------------------------------- */

static void free_prog(struct prog *prog)
{
    if (prog == NULL)
        return;
    free(prog->code);
    free(prog->sets);
    free(prog);
}

int regcomp(regex_t *preg, const char *pattern, int cflags)
{
    struct parser ps;
    struct compiler cc;
    struct prog *prog = calloc(1, sizeof *prog);
    int root;

    preg->re_nsub = 0;
    preg->re_prog = NULL;
    if (prog == NULL)
        return REG_ESPACE;
    memset(&ps, 0, sizeof ps);
    ps.p = pattern;
    ps.ere = (cflags & REG_EXTENDED) != 0;
    ps.icase = (cflags & REG_ICASE) != 0;
    ps.newline = (cflags & REG_NEWLINE) != 0;
    ps.prog = prog;
    prog->cflags = cflags;
    root = parse_alternation(&ps);
    if (root >= 0 && *ps.p != '\0')         /* a BRE's \) with no \( */
        fail(&ps, REG_EPAREN);
    if (ps.error == 0) {
        cc.ps = &ps;
        cc.prog = prog;
        cc.nsub = (size_t)ps.ngroups;
        if (emit_node(&cc, root) >= 0)
            emit(&cc, OP_MATCH, 0, 0);
    }
    if (ps.error != 0) {
        free(ps.nodes);
        free_prog(prog);
        return ps.error;
    }
    prog->nregs = loop_reg((size_t)ps.ngroups, prog->nloops);
    prog->min_length = min_length(ps.nodes, root);
    free(ps.nodes);
    preg->re_nsub = (size_t)ps.ngroups;
    preg->re_prog = prog;
    return 0;
}

void regfree(regex_t *preg)
{
    free_prog(preg->re_prog);
    preg->re_prog = NULL;
}

size_t regerror(int errcode, const regex_t *preg, char *errbuf, size_t errbuf_size)
{
    static const char *const messages[] = {
        "Success", "No match", "Invalid regular expression", "Invalid collation character",
        "Invalid character class name", "Trailing backslash", "Invalid back reference",
        "Unmatched [, [^, [:, [., or [=", "Unmatched ( or \\(", "Unmatched \\{",
        "Invalid content of \\{\\}", "Invalid range end", "Memory exhausted",
        "Invalid preceding regular expression", "Premature end of regular expression",
        "Regular expression too big",
    };
    const char *msg = "Unknown error";
    size_t len;

    (void)preg;
    if (errcode >= 0 && errcode < (int)(sizeof messages / sizeof messages[0]))
        msg = messages[errcode];
    len = strlen(msg);
    if (errbuf_size > 0) {
        size_t n = len < errbuf_size - 1 ? len : errbuf_size - 1;
        memcpy(errbuf, msg, n);
        errbuf[n] = '\0';
    }
    return len + 1;
}

/* ---- regexec: the backtracking machine ------------------------------------------------ */

/* An entry of the machine's stack: a way still to try (pc >= 0, at pos), or a register to
 * put back (pc == RESTORE: regs[reg] = pos). */
#define RESTORE (-1)
struct job {
    int pc, reg;
    long pos;
};

struct machine {
    const struct prog *prog;
    const char *subject;
    long origin, len;       /* the search covers subject[origin, len) */
    int eflags;
    int captures;           /* record group positions (SAVE) */
    long *regs;             /* the registers of the path being tried */
    long *best;             /* the registers of the best match so far */
    long best_end;          /* where it ends, -1 if none yet */
    struct job *stack;
    int nstack, capstack;
    unsigned char *visited; /* (pc, pos) explored, or NULL: count steps instead */
    long cleared;           /* bytes of visited zeroed so far (zeroed as the search gets there) */
    long budget;
    int error;
};

static int push(struct machine *m, int pc, int reg, long pos)
{
    if (m->nstack >= MAX_STACK ||
        !grow((void **)&m->stack, &m->capstack, m->nstack, sizeof *m->stack)) {
        m->error = REG_ESPACE;
        return 0;
    }
    m->stack[m->nstack].pc = pc;
    m->stack[m->nstack].reg = reg;
    m->stack[m->nstack].pos = pos;
    m->nstack++;
    return 1;
}

/* Set a register, remembering its old value for when the machine backtracks. */
static int set_reg(struct machine *m, int reg, long value)
{
    if (!push(m, RESTORE, reg, m->regs[reg]))
        return 0;
    m->regs[reg] = value;
    return 1;
}

/*
 * Has (pc, pos) been explored already? Marks it explored; counts a step if there is no map.
 * The map has a row of bits per position, and rows are zeroed only when the search first
 * reaches them: a match near the start of a long subject costs no more than the subject's
 * start (sed's s/x/y/g runs regexec once per match, and must not pay for the whole line each
 * time).
 */
static int seen(struct machine *m, int pc, long pos)
{
    long bit, need;

    if (m->visited == NULL) {
        if (--m->budget < 0) {
            m->error = REG_ESPACE;
            return 1;
        }
        return 0;
    }
    bit = (pos - m->origin) * m->prog->ncode + pc;
    need = ((pos - m->origin + 1) * m->prog->ncode + 7) / 8;
    if (need > m->cleared) {
        memset(m->visited + m->cleared, 0, (size_t)(need - m->cleared));
        m->cleared = need;
    }
    if (m->visited[bit >> 3] & (1 << (bit & 7)))
        return 1;
    m->visited[bit >> 3] |= (unsigned char)(1 << (bit & 7));
    return 0;
}

static int at_bol(const struct machine *m, long pos)
{
    if (pos == 0)
        return !(m->eflags & REG_NOTBOL);
    return (m->prog->cflags & REG_NEWLINE) && m->subject[pos - 1] == '\n';
}

static int at_eol(const struct machine *m, long pos)
{
    if (pos == m->len)
        return !(m->eflags & REG_NOTEOL);
    return (m->prog->cflags & REG_NEWLINE) && m->subject[pos] == '\n';
}

/* Is a word character at pos (-1 and len: outside the subject, never)? */
static int word_at(const struct machine *m, long pos)
{
    return pos >= 0 && pos < m->len && is_word_char((unsigned char)m->subject[pos]);
}

/* The zero-width escapes: \b \B \< \> at a word's edges, \` \' at the subject's ends. As in
 * glibc, the character before a REG_STARTEND search's start counts, and REG_NOTBOL does not. */
static int at_edge(const struct machine *m, int letter, long pos)
{
    int before = word_at(m, pos - 1), after = word_at(m, pos);

    switch (letter) {
    case 'b': return before != after;
    case 'B': return before == after;
    case '<': return !before && after;
    case '>': return before && !after;
    case '`': return pos == 0;
    }
    return pos == m->len;   /* \' */
}

/* Does what group n matched occur again at pos? Returns the position after it, or -1. */
static long match_backref(const struct machine *m, int n, long pos)
{
    long start = m->regs[2 * n], end = m->regs[2 * n + 1], i;
    const char *s = m->subject;

    if (start < 0 || end < 0 || end - start > m->len - pos)
        return -1;
    for (i = 0; i < end - start; i++) {
        int a = (unsigned char)s[start + i], b = (unsigned char)s[pos + i];
        if (a != b && !((m->prog->cflags & REG_ICASE) && tolower(a) == tolower(b)))
            return -1;
    }
    return pos + (end - start);
}

/* The end of a path: keep it if it is the longest so far. 1 if no match can be longer. */
static int found_match(struct machine *m, long pos)
{
    if (pos > m->best_end) {
        m->best_end = pos;
        memcpy(m->best, m->regs, (size_t)m->prog->nregs * sizeof *m->regs);
    }
    return pos == m->len;
}

/*
 * Follow one path from (pc, pos), pushing the other ways at each SPLIT, until it fails or
 * matches. Returns 1 if the search can stop: a match to the end of the subject, or an error.
 */
static int run_path(struct machine *m, int pc, long pos)
{
    const struct inst *code = m->prog->code;
    const unsigned char *s = (const unsigned char *)m->subject;

    for (;;) {
        const struct inst *in = &code[pc];
        if (seen(m, pc, pos))
            return m->error != 0;
        switch (in->op) {
        case OP_CHAR:       /* not past the end: REG_STARTEND's subject goes on after it */
            if (pos >= m->len || s[pos] != in->x)
                return 0;
            pos++;
            break;
        case OP_SET:
            if (pos >= m->len || !in_set(m->prog->sets[in->x], s[pos]))
                return 0;
            pos++;
            break;
        case OP_BOL:
            if (!at_bol(m, pos))
                return 0;
            break;
        case OP_EOL:
            if (!at_eol(m, pos))
                return 0;
            break;
        case OP_EDGE:
            if (!at_edge(m, in->x, pos))
                return 0;
            break;
        case OP_SAVE:
            if (m->captures && !set_reg(m, in->x, pos))
                return 1;
            break;
        case OP_SPLIT:
            if (!push(m, in->y, 0, pos))
                return 1;
            pc = in->x;
            continue;
        case OP_JMP:
            pc = in->x;
            continue;
        case OP_BACKREF:
            if ((pos = match_backref(m, in->x, pos)) < 0)
                return 0;
            break;
        case OP_ENTER:
            if (!set_reg(m, in->x + 1, in->y))
                return 1;
            break;
        case OP_MARK:
            if (!set_reg(m, in->x, pos))
                return 1;
            break;
        case OP_TEST:
            if (m->regs[in->x] == pos) {        /* an empty round */
                if (m->regs[in->x + 1])
                    return 0;                   /* ... after others: not allowed */
                pc = in->y;                     /* the only one: leave the loop */
                continue;
            }
            if (m->regs[in->x + 1] == 0 && !set_reg(m, in->x + 1, 1))
                return 1;
            break;
        case OP_MATCH:
            return found_match(m, pos);
        }
        pc++;
    }
}

/* Try every path from start; leaves the longest match in m->best_end and m->best. */
static void run_from(struct machine *m, long start)
{
    int i;

    for (i = 0; i < m->prog->nregs; i++)
        m->regs[i] = -1;
    m->nstack = 0;
    if (!push(m, 0, 0, start))
        return;
    while (m->nstack > 0) {
        struct job job = m->stack[--m->nstack];
        if (job.pc == RESTORE)
            m->regs[job.reg] = job.pos;
        else if (run_path(m, job.pc, job.pos))
            return;
    }
}

/* The first instruction that tests something (skipping SAVE), for a quick start. */
static const struct inst *first_test(const struct prog *prog)
{
    const struct inst *in = prog->code;

    while (in->op == OP_SAVE)
        in++;
    return in;
}

int regexec(const regex_t *preg, const char *string, size_t nmatch, regmatch_t pmatch[],
            int eflags)
{
    const struct prog *prog = preg->re_prog;
    const struct inst *first = first_test(prog);
    struct machine m;
    long start, bits;
    size_t i;
    int result = REG_NOMATCH;

    if ((prog->cflags & REG_NOSUB) || pmatch == NULL)
        nmatch = 0;
    memset(&m, 0, sizeof m);
    m.prog = prog;
    m.subject = string;
    if (eflags & REG_STARTEND) {
        if (pmatch == NULL || pmatch[0].rm_so < 0 || pmatch[0].rm_so > pmatch[0].rm_eo)
            return REG_NOMATCH;
        m.origin = pmatch[0].rm_so;
        m.len = pmatch[0].rm_eo;
    } else {
        m.len = (long)strlen(string);
    }
    m.eflags = eflags;
    m.captures = nmatch > 1 || prog->has_backref;
    m.best_end = -1;
    m.budget = STEP_BUDGET;
    m.regs = malloc((size_t)prog->nregs * sizeof *m.regs);
    m.best = malloc((size_t)prog->nregs * sizeof *m.best);
    bits = (long)prog->ncode * (m.len - m.origin + 1);
    if (!prog->has_backref && bits <= VISITED_MAX)
        m.visited = malloc((size_t)(bits / 8 + 1));     /* zeroed as it is used: seen() */
    if (m.regs == NULL || m.best == NULL ||
        (m.visited == NULL && !prog->has_backref && bits <= VISITED_MAX))
        m.error = REG_ESPACE;

    for (start = m.origin; start + prog->min_length <= m.len && m.error == 0; start++) {
        if (first->op == OP_CHAR) {             /* skip to where the first character is */
            const char *next = memchr(string + start, first->x, (size_t)(m.len - start));
            if (next == NULL)
                break;
            start = next - string;
        }
        run_from(&m, start);
        if (m.best_end >= 0) {
            m.best[0] = start;
            m.best[1] = m.best_end;
            result = 0;
            break;
        }
        if (first->op == OP_BOL && !(prog->cflags & REG_NEWLINE))
            break;                              /* anchored: only the start can match */
    }
    if (m.error != 0)
        result = m.error;
    for (i = 0; result == 0 && i < nmatch; i++) {
        int known = i <= preg->re_nsub && m.best[2 * i] >= 0 && m.best[2 * i + 1] >= 0;
        pmatch[i].rm_so = known ? m.best[2 * i] : -1;
        pmatch[i].rm_eo = known ? m.best[2 * i + 1] : -1;
    }
    free(m.regs);
    free(m.best);
    free(m.visited);
    free(m.stack);
    return result;
}
