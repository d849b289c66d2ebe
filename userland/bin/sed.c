/*
 * sed - the stream editor: edit text as it flows through a script.
 *
 *     sed [-n] [-E] [-s] [-i[SUFFIX]] SCRIPT [FILE...]
 *     sed [-n] [-E] [-s] [-i[SUFFIX]] -e SCRIPT... -f SCRIPTFILE... [FILE...]
 *
 * sed reads the FILEs (standard input when there are none, or for "-") as one stream of lines.
 * Each line is put in the "pattern space", the script runs over it, and what is left in the
 * pattern space is written out (unless -n). A second buffer, the "hold space", keeps text from
 * one line to the next.
 *
 * Options: -n  do not write the pattern space at the end of each cycle ("#n" as the first line
 *              of the script does the same)
 *          -e SCRIPT    add SCRIPT to the script (-e and -f can be repeated; the pieces are
 *          -f FILE      joined by newlines), add the contents of FILE to the script
 *          -E, -r       the regular expressions are extended ones (ERE), not basic (BRE)
 *          -s           (GNU) each FILE is a stream of its own: line numbers start again at 1,
 *                       $ is each file's last line, a range ends with its file (the hold
 *                       space is kept from one file to the next)
 *          GNU's long names: --quiet --silent (-n), --expression=SCRIPT, --file=FILE,
 *          --regexp-extended (-E), --separate (-s), --in-place[=SUFFIX] (-i)
 *          -i[SUFFIX]   (GNU) edit each FILE in place (implies -s): what would be written to
 *                       standard output goes to a temporary file in FILE's directory, which
 *                       then replaces FILE (keeping its permissions). With SUFFIX the original
 *                       is kept as FILE+SUFFIX; a '*' in SUFFIX stands for FILE's base name
 *                       ("-i'old_*'" keeps it as old_FILE in FILE's directory, "-i'bak/*'" as
 *                       bak/FILE, where the name says). q ends the file there:
 *                       the lines after it are not kept. FILEs are needed; one that cannot
 *                       be read is skipped (status 2), one that is not a regular file stops
 *                       sed (status 4), as in GNU sed
 *
 * A command is [ADDRESS[,ADDRESS]][!]COMMAND. Commands are separated by newlines or ';'.
 * Addresses:  N          line N (lines are counted across all the input files)
 *             $          the last line
 *             /RE/ \cREc the lines that RE matches (any character c as the delimiter, which is
 *                        an ordinary character inside [...]); an empty RE means the last RE
 *                        used; \n in RE matches a newline
 *             A1,A2      the lines from one matching A1 to the next one matching A2 (A2 is looked
 *                        for from the line after A1; if A2 is a number <= A1's line, or $ on the
 *                        last line, one line). A number A1 that n or N skipped starts the range
 *                        on the line after it, as in GNU sed.
 *             A!         the lines the address does not select
 *   GNU's:    F~S        the lines F, F+S, F+2S... (0~2: the even lines; S 0: line F)
 *             0,/RE/     as 1,/RE/, but RE may end the range on line 1 already
 *             A,+N       A's line and the N lines after it
 *             A,~N       from A's line up to the next line after it whose number is a multiple
 *                        of N
 *             /RE/I /RE/M  RE ignoring case / with ^ and $ matching at newlines too
 * Commands:   { ... }    a block: the commands inside run on the selected lines
 *             a\ i\ c\   append (at the end of the cycle), insert (now), change (delete the
 *                        line; the text is written at the end of a range) the text that follows
 *                        on the next lines; a line ending in \ continues it. "a text" works too.
 *             b LABEL    branch to ":LABEL" (to the end of the script with no label); a label
 *                        ends at a newline, ';', a blank or '}'
 *             t LABEL    branch if an s has replaced something since the last line was read or
 *                        the last t
 *             T LABEL    (GNU) branch if no s has (and, like t, start counting again)
 *             d          delete the pattern space, start the next cycle
 *             D          delete up to the first newline, restart the cycle without reading
 *             g G h H x  hold space: copy it to / append it to / copy to / append to / exchange
 *                        with the pattern space
 *             l          write the pattern space unambiguously (\n \t \ooo..., $ at its end,
 *                        long lines folded with a \ at 69 characters)
 *             n N        write the pattern space (n, unless -n) and replace it with (n) or add
 *                        to it (N) the next line. With no next line both end sed, writing the
 *                        pattern space unless -n: GNU sed's choice for N (POSIX says N quits
 *                        without writing it)
 *             p P        write the pattern space / its first line
 *             q [STATUS] write the pattern space (unless -n) and quit
 *             Q [STATUS] (GNU) quit without writing it, nor the a and r texts queued
 *             r FILE     write FILE's contents at the end of the cycle
 *             w FILE     write the pattern space to FILE (created when the script is read;
 *                        /dev/stdout and /dev/stderr are sed's own); W FILE (GNU): its first line
 *             s/RE/REPLACEMENT/FLAGS   replace what RE matches. In REPLACEMENT, & is the match,
 *                        \1..\9 its groups, \n a newline, \& \\ \/ themselves. FLAGS: g (every
 *                        match), N (the Nth match; Ng from the Nth on), p (write the pattern space
 *                        if replaced), w FILE (write it to FILE); GNU's I (ignore case) and M
 *                        (^ and $ at newlines too). GNU's \U \L make the rest of the replacement
 *                        upper or lower case (up to \E), \u \l its next character.
 *             y/abc/xyz/ replace each a by x, b by y, c by z
 *             =          write the line number
 *             F z        (GNU) write the input file's name ("-" for standard input); empty the
 *                        pattern space
 *             # comment  to the end of the line
 *
 * The REs are libc's regcomp's (which, like glibc's, also knows \+ \? \| in a BRE, and \w \s \b
 * \< \> ...); s///g searches the rest of the line with REG_STARTEND, so \b and \< see the
 * character before where the search starts, and the work is the line's length. As in GNU
 * sed, \t is a tab (in REs, replacements, y strings, and a i c texts), and \n a newline.
 * Not supported (GNU's extensions): the s flag e, the commands e R v, l N, and the options -z -l
 * --posix --debug --follow-symlinks.
 *
 * A last input line without a newline is written without one, as GNU sed does (the newline is
 * written if anything follows it, and at q).
 * Exit status: 0; 1 for a bad script or option; 2 if an input file could not be read (the others
 * are still edited); 4 if a w file could not be opened or an input file read (GNU sed stops at
 * once then), for -i without a FILE, or a FILE -i cannot edit; q's STATUS (GNU's extension).
 *
 * How it works: the script is first compiled into an array of struct command (addresses parsed,
 * regular expressions compiled with regcomp, labels and the ends of { } blocks turned into
 * indexes into the array, w files opened). Then each input line runs through that array: a
 * command runs if its addresses select the line, b t and { jump by index, and the cycle ends
 * with one of four outcomes (next line, delete, restart with D, quit). Reading is one line ahead,
 * so that $ (the last line) is known when the line before it is edited.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <regex.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ------------------------------------------------------------------------------------------ */
/* Text buffers: the pattern space, the hold space, the line read ahead                        */

struct buf {
    char *s;                    /* always NUL-terminated, for regexec */
    size_t len, size;
    int newline;                /* the text ended with a newline in the input */
};

static void *need(void *p)
{
    if (p == NULL) {
        fprintf(stderr, "sed: out of memory\n");
        exit(4);
    }
    return p;
}

static void buf_reserve(struct buf *b, size_t extra)
{
    if (b->len + extra + 1 > b->size) {
        b->size = 2 * (b->len + extra + 1);
        b->s = need(realloc(b->s, b->size));
    }
}

static void buf_add(struct buf *b, const char *s, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

static void buf_addc(struct buf *b, char c)
{
    buf_add(b, &c, 1);
}

static void buf_clear(struct buf *b)
{
    b->len = 0;
    buf_reserve(b, 0);
    b->s[0] = '\0';
}

/* to = from (g, h) */
static void buf_copy(struct buf *to, const struct buf *from)
{
    buf_clear(to);
    buf_add(to, from->s, from->len);
    to->newline = from->newline;
}

/* to = to + "\n" + from (G, H, N) */
static void buf_append_line(struct buf *to, const struct buf *from)
{
    buf_addc(to, '\n');
    buf_add(to, from->s, from->len);
    to->newline = from->newline;
}

static void buf_swap(struct buf *a, struct buf *b)
{
    struct buf t = *a;

    *a = *b;
    *b = t;
}

/* ------------------------------------------------------------------------------------------ */
/* Output: standard output and the w files. A line written without its newline (the last input */
/* line had none) gets it only if something else is written after it.                          */

struct output {
    char *name;
    FILE *fp;
    int missing_newline;
    struct output *next;
};

static struct output standard_output = {"/dev/stdout", NULL, 0, NULL};
static struct output standard_error = {"/dev/stderr", NULL, 0, &standard_output};
static struct output *outputs = &standard_error;     /* every output, looked up by name */

/* The newline of a line written without it, if one was. */
static void end_line(struct output *o)
{
    if (o->missing_newline) {
        putc('\n', o->fp);
        o->missing_newline = 0;
    }
}

static void put(struct output *o, const char *s, size_t n)
{
    end_line(o);
    fwrite(s, 1, n, o->fp);
}

static void put_string(struct output *o, const char *s)
{
    put(o, s, strlen(s));
}

/* Write b's text, with its newline if it had one. */
static void put_line(struct output *o, const struct buf *b)
{
    put(o, b->s, b->len);
    if (b->newline)
        putc('\n', o->fp);
    else
        o->missing_newline = 1;
}

/* ------------------------------------------------------------------------------------------ */
/* The compiled script                                                                         */

/* GNU's: ADDR_STEP first~step; and as a range's second address only, ADDR_PLUS +N (the N lines
   after the first) and ADDR_MULTIPLE ~N (up to the next line whose number is a multiple of N). */
enum address_type { ADDR_NONE, ADDR_LINE, ADDR_LAST, ADDR_REGEX, ADDR_STEP, ADDR_PLUS, ADDR_MULTIPLE };

struct address {
    enum address_type type;
    long line;                  /* ADDR_LINE; first (ADDR_STEP); N (ADDR_PLUS, ADDR_MULTIPLE) */
    long step;                  /* ADDR_STEP */
    regex_t *re;                /* ADDR_REGEX; NULL for //: the last regular expression used */
};

/* A range a1,a2 has not started (or may start again), is on (a1 has matched and a2 not yet), or
   is over for good (one whose a1 is a line number runs once). */
enum range { RANGE_OFF, RANGE_ON, RANGE_OVER };

struct command {
    struct address a1, a2;
    int negate;                 /* ! */
    enum range range;           /* a1,a2: where the range is */
    long end_line;              /* a1,a2 with a2 a number, +N or ~N: the line that ends the range */
    char name;                  /* the command's letter */
    char *text;                 /* a i c: the text to write; r w: the file name; : b t: a label */
    size_t text_len;
    int jump;                   /* b t: the index to go on at; {: the index of its } */
    struct output *out;         /* w, and s with the w flag */
    regex_t *re;                /* s: the regular expression (NULL for the last one used) */
    char *replacement;          /* s: as written, between the delimiters */
    int global, print;          /* s: the g and p flags */
    long nth;                   /* s: the number flag (1 without one) */
    unsigned char *map;         /* y: what each byte becomes */
    int exit_status;            /* q Q */
};

static struct command *commands;
static int ncommands, commands_size;
static int quiet;               /* -n */
static int regex_flags;         /* REG_EXTENDED with -E */

/* ------------------------------------------------------------------------------------------ */
/* Reading the script. It is one string, the -e and -f pieces joined by newlines; each piece's  */
/* start is remembered to say where an error is.                                                */

struct piece {
    size_t start, len;          /* where it is in the script, its length (without the newline) */
    const char *file;           /* -f FILE, or NULL for -e (and for the SCRIPT operand) */
};

static struct buf script;
static size_t pos;              /* the next character of the script to read */
static struct piece pieces[64];
static int npieces;

static void add_piece(const char *text, size_t len, const char *file)
{
    if (npieces == (int)(sizeof pieces / sizeof pieces[0])) {
        fprintf(stderr, "sed: too many -e and -f options\n");
        exit(1);
    }
    pieces[npieces].start = script.len;
    pieces[npieces].len = len;
    pieces[npieces].file = file;
    npieces++;
    buf_add(&script, text, len);
    if (len == 0 || text[len - 1] != '\n')
        buf_addc(&script, '\n');
}

/* "sed: -e expression #2, char 5: unterminated `s' command", and exit status 1. */
static void bad_script(const char *format, ...)
{
    va_list ap;
    int i = npieces - 1, j, line = 1, expression = 1;
    size_t at;

    while (i > 0 && pieces[i].start >= pos)
        i--;
    if (pieces[i].file != NULL) {
        for (at = pieces[i].start; at + 1 < pos && at < script.len; at++)
            line += script.s[at] == '\n';
        fprintf(stderr, "sed: file %s line %d: ", pieces[i].file, line);
    } else {
        for (j = 0; j < i; j++)             /* the -e are numbered apart from the -f */
            expression += pieces[j].file == NULL;
        at = pos - pieces[i].start;
        fprintf(stderr, "sed: -e expression #%d, char %zu: ", expression,
                at < pieces[i].len ? at : pieces[i].len);
    }
    va_start(ap, format);
    vfprintf(stderr, format, ap);
    va_end(ap);
    fputc('\n', stderr);
    exit(1);
}

static int peek(void)
{
    return pos < script.len ? (unsigned char)script.s[pos] : EOF;
}

static int next(void)
{
    return pos < script.len ? (unsigned char)script.s[pos++] : EOF;
}

static void skip_blanks(void)
{
    while (peek() == ' ' || peek() == '\t')
        pos++;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static long read_number(void)
{
    long n = 0;

    while (is_digit(peek()))
        n = n * 10 + (next() - '0');
    return n;
}

/* A command must end here: at a newline, ';', '}', '#' or the end of the script. */
static void end_of_command(void)
{
    skip_blanks();
    if (peek() == '\n' || peek() == ';')
        pos++;
    else if (peek() != EOF && peek() != '}' && peek() != '#')
        bad_script("extra characters after command");
}

enum delimited { REGEX, REPLACEMENT, Y_STRING };

/* \n and \t: a newline and a tab (in regular expressions, y strings and a i c texts) */
static int escaped_control(int c)
{
    return c == 'n' ? '\n' : c == 't' ? '\t' : 0;
}

/*
 * A bracket expression of a regular expression, its "[" already read, copied into b up to its
 * "]": the delimiter is an ordinary character in it ("s/[^/]*\//x/"), so is a backslash (except
 * in \n and \t), and "]" first, "[:class:]", "[=c=]" and "[.c.]" do not end it. Returns 0 if the
 * line ends first.
 */
static int read_bracket(struct buf *b)
{
    int c, kind;

    buf_addc(b, '[');
    if (peek() == '^')
        buf_addc(b, (char)next());
    if (peek() == ']')
        buf_addc(b, (char)next());
    while ((c = next()) != ']') {
        if (c == EOF || c == '\n')
            return 0;
        if (c == '[' && (peek() == ':' || peek() == '=' || peek() == '.')) {
            kind = next();
            buf_addc(b, '[');
            buf_addc(b, (char)kind);
            while ((c = next()) != kind || peek() != ']') {     /* [:alpha:] [=e=] [.-.] */
                if (c == EOF || c == '\n')
                    return 0;
                buf_addc(b, (char)c);
            }
            buf_addc(b, (char)c);
            c = next();
        } else if (c == '\\' && escaped_control(peek())) {
            c = escaped_control(next());
        }
        buf_addc(b, (char)c);
    }
    buf_addc(b, ']');
    return 1;
}

/*
 * The text up to the next DELIM that is neither escaped nor in a bracket expression (DELIM is
 * skipped), or NULL if the line or the script ends first. \DELIM stands for DELIM; in a regular
 * expression and a y string \n and \t stand for a newline and a tab. Other escapes are kept, for
 * regcomp, the replacement or y.
 */
static char *read_delimited(int delim, enum delimited kind)
{
    struct buf b = {NULL, 0, 0, 0};
    int c;

    buf_clear(&b);
    while ((c = next()) != delim) {
        if (c == EOF || c == '\n')
            return NULL;
        if (c == '\\') {
            c = next();
            if (c == EOF)
                return NULL;
            if (kind != REPLACEMENT && escaped_control(c))
                c = escaped_control(c);
            else if (c != delim || (kind == REPLACEMENT && c == '&'))
                buf_addc(&b, '\\');
        } else if (c == '[' && kind == REGEX) {
            if (!read_bracket(&b))
                return NULL;
            continue;
        }
        buf_addc(&b, (char)c);
    }
    return b.s;
}

/* NULL for the empty regular expression (the last one used, when the script runs). */
static regex_t *compile_regex(const char *pattern, int flags)
{
    regex_t *re;
    char message[128];
    int error;

    if (pattern[0] == '\0')
        return NULL;
    re = need(malloc(sizeof *re));
    if ((error = regcomp(re, pattern, regex_flags | flags)) != 0) {
        regerror(error, re, message, sizeof message);
        bad_script("%s", message);
    }
    return re;
}

/* GNU's flags after a regular expression: I (ignore case) and M (^ and $ match at newlines). */
static int read_regex_flags(void)
{
    int flags = 0;

    for (;; pos++) {
        if (peek() == 'I')
            flags |= REG_ICASE;
        else if (peek() == 'M')
            flags |= REG_NEWLINE;
        else
            return flags;
    }
}

/* Reads an address if one starts here; returns whether one did. A range's second address may
   also be +N or ~N. */
static int read_address(struct address *a, int second)
{
    int delim = peek();
    char *pattern;

    if (second && (delim == '+' || delim == '~')) {      /* no N: 0, as in GNU sed */
        pos++;
        a->type = delim == '+' ? ADDR_PLUS : ADDR_MULTIPLE;
        a->line = read_number();
        return 1;
    }
    if (is_digit(delim)) {
        a->type = ADDR_LINE;
        a->line = read_number();
        if (peek() == '~') {
            pos++;
            a->type = ADDR_STEP;
            a->step = read_number();
        }
        return 1;
    }
    if (delim == '$') {
        pos++;
        a->type = ADDR_LAST;
        return 1;
    }
    if (delim != '/' && delim != '\\')
        return 0;
    pos++;
    if (delim == '\\' && ((delim = next()) == EOF || delim == '\n' || delim == '\\'))
        bad_script("unexpected end of regular expression delimiter");
    if ((pattern = read_delimited(delim, REGEX)) == NULL)
        bad_script("unterminated address regex");
    a->type = ADDR_REGEX;
    a->re = compile_regex(pattern, read_regex_flags());
    free(pattern);
    return 1;
}

/* A label (: b t): up to a newline, ';', a blank or '}'. */
static char *read_label(void)
{
    size_t start;

    skip_blanks();
    start = pos;
    while (peek() != EOF && strchr("\n; \t}", peek()) == NULL)
        pos++;
    return need(strndup(script.s + start, pos - start));
}

/* A file name (r w, s///w): the rest of the line. */
static char *read_filename(void)
{
    size_t start;
    char *name;

    skip_blanks();
    start = pos;
    while (peek() != EOF && peek() != '\n')
        pos++;
    name = need(strndup(script.s + start, pos - start));
    next();
    if (name[0] == '\0')
        bad_script("missing filename in r/w commands");
    return name;
}

/* The output named NAME, opened (and emptied) the first time it is asked for. */
static struct output *open_output(char *name)
{
    struct output *o;

    for (o = outputs; o != NULL; o = o->next)
        if (strcmp(o->name, name) == 0)
            return o;
    o = need(calloc(1, sizeof *o));
    o->name = name;
    if ((o->fp = fopen(name, "w")) == NULL) {
        fprintf(stderr, "sed: couldn't open file %s: %s\n", name, strerror(errno));
        exit(4);
    }
    o->next = outputs;
    outputs = o;
    return o;
}

/*
 * The text of a i c. "a\" then the text on the next lines, or GNU's one-line "a text" (blanks
 * before text are skipped). A backslash makes the next character part of the text (a newline
 * too, which continues the text on the next line); the text ends at a newline without one.
 */
static void read_text(struct command *c)
{
    struct buf b = {NULL, 0, 0, 0};
    int ch;

    buf_clear(&b);
    skip_blanks();
    if (peek() == EOF || peek() == '\n')
        bad_script("expected \\ after `a', `c' or `i'");
    if (peek() == '\\') {
        pos++;
        if (peek() == '\n')
            pos++;
    }
    if (peek() != EOF) {                /* "$a\" and nothing: no text at all, not even a newline */
        while ((ch = next()) != EOF && ch != '\n') {
            if (ch == '\\') {
                ch = next();
                if (ch == EOF || (ch == '\n' && peek() == EOF))     /* a \ that ends the script */
                    break;
                if (escaped_control(ch))
                    ch = escaped_control(ch);
            }
            buf_addc(&b, (char)ch);
        }
        buf_addc(&b, '\n');
    }
    c->text = b.s;
    c->text_len = b.len;
}

/* The highest \N in an s command's replacement. */
static int highest_group(const char *replacement)
{
    int highest = 0;
    const char *p;

    for (p = replacement; *p != '\0'; p++) {
        if (*p == '\\' && p[1] != '\0') {
            p++;
            if (is_digit(*p) && *p - '0' > highest)
                highest = *p - '0';
        }
    }
    return highest;
}

static void read_substitute(struct command *c)
{
    int delim = next(), group, flags = 0;
    char *pattern;

    if (delim == EOF || delim == '\n' || delim == '\\')
        bad_script("unterminated `s' command");
    if ((pattern = read_delimited(delim, REGEX)) == NULL ||
            (c->replacement = read_delimited(delim, REPLACEMENT)) == NULL)
        bad_script("unterminated `s' command");
    c->nth = 0;
    for (;;) {
        if (peek() == 'g' && !c->global) {
            c->global = 1;
        } else if (peek() == 'i' || peek() == 'I') {       /* GNU's: ignore case */
            flags |= REG_ICASE;
        } else if (peek() == 'm' || peek() == 'M') {       /* GNU's: ^ and $ match at newlines */
            flags |= REG_NEWLINE;
        } else if (peek() == 'p' && !c->print) {
            c->print = 1;
        } else if (is_digit(peek()) && c->nth == 0) {
            if ((c->nth = read_number()) == 0)
                bad_script("number option to `s' command may not be zero");
            continue;
        } else if (peek() == 'w') {
            pos++;
            c->out = open_output(read_filename());
            break;
        } else if (peek() == EOF || strchr(" \t\n;}#", peek()) != NULL) {
            end_of_command();
            break;
        } else {
            bad_script("unknown option to `s'");
        }
        pos++;
    }
    if (c->nth == 0)
        c->nth = 1;
    c->re = compile_regex(pattern, flags);
    free(pattern);
    if (c->re != NULL && (group = highest_group(c->replacement)) > (int)c->re->re_nsub)
        bad_script("invalid reference \\%d on `s' command's RHS", group);
}

/* y's strings: \\ is a backslash, \n a newline, \DELIM the delimiter. */
static char *read_y_string(int delim)
{
    char *s = read_delimited(delim, Y_STRING), *from, *to;

    if (s == NULL)
        bad_script("unterminated `y' command");
    for (from = to = s; *from != '\0'; from++) {
        if (*from == '\\' && from[1] == '\\')
            from++;
        else if (*from == '\\')
            bad_script("unknown escape \\%c in `y' command", from[1]);
        *to++ = *from;
    }
    *to = '\0';
    return s;
}

static void read_transliterate(struct command *c)
{
    int delim = next(), i;
    char *from, *to;

    if (delim == EOF || delim == '\n' || delim == '\\')
        bad_script("unterminated `y' command");
    from = read_y_string(delim);
    to = read_y_string(delim);
    if (strlen(from) != strlen(to))
        bad_script("strings for `y' command are different lengths");
    c->map = need(malloc(256));
    for (i = 0; i < 256; i++)
        c->map[i] = (unsigned char)i;
    for (i = 0; from[i] != '\0'; i++)
        c->map[(unsigned char)from[i]] = (unsigned char)to[i];
    free(from);
    free(to);
    end_of_command();
}

static struct command *new_command(void)
{
    if (ncommands == commands_size) {
        commands_size = commands_size ? 2 * commands_size : 32;
        commands = need(realloc(commands, commands_size * sizeof *commands));
    }
    memset(&commands[ncommands], 0, sizeof commands[ncommands]);
    return &commands[ncommands++];
}

/* What follows the command's letter. blocks[] holds the indexes of the { still open. */
static void read_arguments(struct command *c, int *blocks, int *nblocks)
{
    int addresses = (c->a1.type != ADDR_NONE) + (c->a2.type != ADDR_NONE);

    switch (c->name) {
    case '{':
        if (*nblocks == 64)
            bad_script("blocks nested too deeply");
        blocks[(*nblocks)++] = ncommands - 1;
        break;
    case '}':
        if (*nblocks == 0)
            bad_script("unexpected `}'");
        if (addresses > 0)
            bad_script("} doesn't want any addresses");
        commands[blocks[--*nblocks]].jump = ncommands - 1;
        end_of_command();
        break;
    case 'a': case 'i': case 'c':
        read_text(c);
        break;
    case ':':
        if (addresses > 0)
            bad_script(": doesn't want any addresses");
        c->text = read_label();
        if (c->text[0] == '\0')
            bad_script("\":\" lacks a label");
        end_of_command();
        break;
    case 'b': case 't': case 'T':
        c->text = read_label();
        end_of_command();
        break;
    case 'r':
        c->text = read_filename();
        break;
    case 'w': case 'W':
        c->out = open_output(read_filename());
        break;
    case 's':
        read_substitute(c);
        break;
    case 'y':
        read_transliterate(c);
        break;
    case 'q': case 'Q':
        if (addresses > 1)
            bad_script("command only uses one address");
        skip_blanks();
        c->exit_status = (int)read_number();
        end_of_command();
        break;
    case '=': case 'd': case 'D': case 'F': case 'g': case 'G': case 'h': case 'H': case 'l':
    case 'n': case 'N': case 'p': case 'P': case 'x': case 'z':
        end_of_command();
        break;
    case EOF:
        bad_script("missing command");
        break;
    default:
        bad_script("unknown command: `%c'", c->name);
    }
}

/* b and t: the label becomes the index of its ':' command (no label: the end of the script). */
static void resolve_labels(void)
{
    int i, j;

    for (i = 0; i < ncommands; i++) {
        if (strchr("btT", commands[i].name) == NULL)
            continue;
        commands[i].jump = ncommands;
        if (commands[i].text[0] == '\0')
            continue;
        for (j = 0; j < ncommands; j++)
            if (commands[j].name == ':' && strcmp(commands[j].text, commands[i].text) == 0)
                break;
        if (j == ncommands) {
            fprintf(stderr, "sed: can't find label for jump to `%s'\n", commands[i].text);
            exit(1);
        }
        commands[i].jump = j;
    }
}

static void compile_script(void)
{
    int blocks[64], nblocks = 0;
    struct command *c;

    if (strncmp(script.s, "#n\n", 3) == 0)
        quiet = 1;
    for (;;) {
        while (peek() == ' ' || peek() == '\t' || peek() == '\n' || peek() == ';')
            pos++;
        if (peek() == EOF)
            break;
        if (peek() == '#') {
            while (peek() != EOF && peek() != '\n')
                pos++;
            continue;
        }
        c = new_command();
        if (read_address(&c->a1, 0)) {
            skip_blanks();
            if (peek() == ',') {
                pos++;
                skip_blanks();
                if (!read_address(&c->a2, 1))
                    bad_script("unexpected `,'");
            }
        }
        if (c->a1.type == ADDR_LINE && c->a1.line == 0 && c->a2.type != ADDR_REGEX)
            bad_script("invalid usage of line address 0");      /* only 0,/RE/ */
        skip_blanks();
        if (peek() == '!') {
            pos++;
            c->negate = 1;
            skip_blanks();
            if (peek() == '!')
                bad_script("multiple `!'s");
        }
        c->name = (char)next();
        read_arguments(c, blocks, &nblocks);
    }
    if (nblocks > 0) {
        pos = script.len;
        bad_script("unmatched `{'");
    }
    resolve_labels();
}

/* ------------------------------------------------------------------------------------------ */
/* Input: the files one after the other, read one line ahead                                    */

static char **files;
static int nfiles;
static FILE *input;
static const char *input_name;
static int read_errno;          /* input_name could not be read: an error when its line is needed */
static struct buf ahead;        /* the next line, when have_ahead */
static int have_ahead;
static long line_number;
static int status;              /* the exit status */

/* The next file that can be opened becomes the input; 0 when there is none left. */
static int open_next_file(void)
{
    if (input != NULL && input != stdin)
        fclose(input);
    input = NULL;
    while (input == NULL && nfiles > 0) {
        input_name = files[0];
        if (strcmp(files[0], "-") == 0) {
            input = stdin;
        } else if ((input = fopen(files[0], "r")) == NULL) {
            fprintf(stderr, "sed: can't read %s: %s\n", files[0], strerror(errno));
            status = 2;
        }
        files++;
        nfiles--;
    }
    return input != NULL;
}

static void read_ahead(void)
{
    ssize_t n = -1;

    while (input != NULL && (n = getline(&ahead.s, &ahead.size, input)) < 0) {
        if (ferror(input)) {            /* a directory, say */
            read_errno = errno;
            break;
        }
        open_next_file();
    }
    have_ahead = n >= 0;
    if (!have_ahead)
        return;
    ahead.len = (size_t)n;
    ahead.newline = n > 0 && ahead.s[n - 1] == '\n';
    if (ahead.newline)
        ahead.s[--ahead.len] = '\0';
}

static int last_line(void)
{
    return !have_ahead;
}

/* ------------------------------------------------------------------------------------------ */
/* Running the script                                                                           */

static struct buf pattern, hold;
static int replaced;            /* for t: an s replaced something since the last line was read */
static regex_t *last_regex;     /* what an empty regular expression means */

struct append {                 /* a text (a) or a file (r) to write at the end of the cycle */
    const char *text;
    size_t len;
    int is_file;
};
static struct append *appends;
static int nappends, appends_size;

/* The next input line replaces the pattern space (or is added to it after a newline, for N). */
static int read_line(int add)
{
    if (!have_ahead && read_errno != 0) {       /* GNU sed stops there too */
        fprintf(stderr, "sed: read error on %s: %s\n", input_name, strerror(read_errno));
        exit(4);
    }
    if (!have_ahead)
        return 0;
    if (add) {
        buf_append_line(&pattern, &ahead);
    } else {
        buf_swap(&pattern, &ahead);
    }
    read_ahead();
    line_number++;
    replaced = 0;
    return 1;
}

static void queue_append(const char *text, size_t len, int is_file)
{
    if (nappends == appends_size) {
        appends_size = appends_size ? 2 * appends_size : 8;
        appends = need(realloc(appends, appends_size * sizeof *appends));
    }
    appends[nappends].text = text;
    appends[nappends].len = len;
    appends[nappends].is_file = is_file;
    nappends++;
}

/* An r file's contents, as they are; nothing if it cannot be read. */
static void put_file(const char *name)
{
    char chunk[4096];
    size_t n;
    FILE *f = fopen(name, "r");

    if (f == NULL)
        return;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        put(&standard_output, chunk, n);
    fclose(f);
}

static void flush_appends(void)
{
    int i;

    for (i = 0; i < nappends; i++) {
        if (appends[i].is_file)
            put_file(appends[i].text);
        else
            put(&standard_output, appends[i].text, appends[i].len);
    }
    nappends = 0;
}

/* regexec, where RE NULL is the last regular expression used. */
static int match(regex_t *re, const char *s, size_t nmatch, regmatch_t *m, int eflags)
{
    if (re == NULL)
        re = last_regex;
    if (re == NULL) {
        fprintf(stderr, "sed: no previous regular expression\n");
        exit(1);
    }
    last_regex = re;
    return regexec(re, s, nmatch, m, eflags) == 0;
}

static int matches(const struct address *a)
{
    switch (a->type) {
    case ADDR_LINE:
        return line_number == a->line;
    case ADDR_LAST:
        return last_line();
    case ADDR_REGEX:
        return match(a->re, pattern.s, 0, NULL, 0);
    case ADDR_STEP:
        return a->step <= 0 ? line_number == a->line
                            : line_number >= a->line && (line_number - a->line) % a->step == 0;
    default:
        return 1;
    }
}

/* Whether a range can start on this line: a1 matches it, or, for a line number a1, this line is
   at or past it (n or N may have skipped it, and GNU sed starts the range then). */
static int range_starts(struct command *c)
{
    if (c->a1.type == ADDR_LINE)
        return c->range == RANGE_OFF && line_number >= c->a1.line;
    return matches(&c->a1);
}

/* The line that ends a range starting on this line whose a2 is a number, +N or ~N; 0 for the
   other a2s (a regular expression, $). */
static long range_end(const struct address *a2)
{
    switch (a2->type) {
    case ADDR_LINE:
        return a2->line;
    case ADDR_PLUS:
        return line_number + a2->line;
    case ADDR_MULTIPLE:         /* the next multiple after this line (~0: none, one line), as GNU's */
        return a2->line <= 0 ? line_number : (line_number / a2->line + 1) * a2->line;
    default:
        return 0;
    }
}

/*
 * Whether the range a1,a2 selects this line. A regular expression a2 is looked for from the line
 * after a1's, except in GNU's 0,/RE/, which is on before line 1, so that RE may end it on line 1;
 * a number a2 at or before a1's line, or $ on the last line, makes a range of one line. Once the
 * range is on, a number a2 (and +N, ~N) ends it at its line (or at the first line past it, which
 * is not selected, if n or N skipped it, as GNU sed does).
 */
static int in_range(struct command *c)
{
    int ends;

    if (c->range != RANGE_ON) {
        if (!range_starts(c))
            return 0;
        c->end_line = range_end(&c->a2);
        if (c->a1.type == ADDR_LINE && c->a1.line == 0)
            ends = matches(&c->a2);
        else
            ends = (c->end_line != 0 && c->end_line <= line_number) ||
                   (c->a2.type == ADDR_LAST && last_line());
        c->range = ends ? RANGE_OVER : RANGE_ON;
        return 1;
    }
    if (c->end_line != 0) {
        if (line_number >= c->end_line)
            c->range = RANGE_OVER;
        return line_number <= c->end_line;
    }
    if (matches(&c->a2))
        c->range = RANGE_OVER;
    return 1;
}

static int selected(struct command *c)
{
    int yes;

    if (c->a1.type == ADDR_NONE)
        yes = 1;
    else if (c->a2.type == ADDR_NONE)
        yes = matches(&c->a1);
    else
        yes = in_range(c);
    return yes != c->negate;
}

/* GNU's case conversion in a replacement: after \U or \L what follows is made upper or lower
   case (up to \E or the other one); \u or \l makes only the next character so (even when it
   comes from a later group, if the group before was empty). So "\L\u&" capitalises, while in
   "\u\L&" the \L cancels the \u, as in GNU sed. */
struct casing {
    char rest;                  /* 'U', 'L' or 0 */
    char next;                  /* 'u', 'l' or 0 */
};

static void add_cased(struct buf *out, const char *s, size_t n, struct casing *k)
{
    size_t i;
    char mode;

    for (i = 0; i < n; i++) {
        mode = k->next ? k->next : k->rest;
        k->next = 0;
        buf_addc(out, mode == 'u' || mode == 'U' ? (char)toupper((unsigned char)s[i])
                    : mode == 'l' || mode == 'L' ? (char)tolower((unsigned char)s[i]) : s[i]);
    }
}

/* Add s's replacement for one match (m[0], groups m[1..9], offsets into subject) to out. */
static void add_replacement(struct buf *out, const char *replacement, const char *subject,
                            const regmatch_t *m)
{
    struct casing k = {0, 0};
    const char *p;
    char c;
    int group;

    for (p = replacement; *p != '\0'; p++) {
        group = -1;
        c = *p;
        if (*p == '&') {
            group = 0;
        } else if (*p == '\\' && p[1] != '\0') {
            c = *++p;
            if (is_digit(c)) {
                group = c - '0';
            } else if (c == 'U' || c == 'L' || c == 'E') {     /* cancels a \u or \l before it */
                k.rest = c == 'E' ? 0 : c;
                k.next = 0;
                continue;
            } else if (c == 'u' || c == 'l') {
                k.next = c;
                continue;
            } else if (escaped_control(c)) {
                c = (char)escaped_control(c);
            }
        }
        if (group < 0)
            add_cased(out, &c, 1, &k);
        else if (m[group].rm_so >= 0)
            add_cased(out, subject + m[group].rm_so, (size_t)(m[group].rm_eo - m[group].rm_so), &k);
    }
}

/*
 * s: replace the nth match (and the ones after it with g). The matches are found left to
 * right, each search starting where the last match ended; an empty match just where a
 * non-empty one ended does not count (replacing every match of a* by x in "baaac" gives "xbxcx",
 * not "xbxxcx"), and after an empty match the next character is copied, so that the search
 * moves on.
 */
static void substitute(struct command *c)
{
    static struct buf out;
    regmatch_t m[10];
    size_t start = 0, from, to, last_end = (size_t)-1;
    long count = 0;
    int any = 0;

    buf_clear(&out);
    for (;;) {
        m[0].rm_so = (regoff_t)start;           /* search the rest: pattern.s[start, len) */
        m[0].rm_eo = (regoff_t)pattern.len;
        if (start > pattern.len || !match(c->re, pattern.s, 10, m, REG_STARTEND))
            break;
        from = (size_t)m[0].rm_so;
        to = (size_t)m[0].rm_eo;
        buf_add(&out, pattern.s + start, from - start);
        if (from == to && from == last_end) {
            /* the empty match right after the previous one: no match here */
        } else if (++count >= c->nth) {
            add_replacement(&out, c->replacement, pattern.s, m);
            any = 1;
        } else {
            buf_add(&out, pattern.s + from, to - from);
        }
        last_end = to;
        start = to;
        if (from == to) {                   /* an empty match: step over one character */
            if (start < pattern.len)
                buf_addc(&out, pattern.s[start]);
            start++;
        }
        if (any && !c->global)
            break;
    }
    if (!any)
        return;
    if (start < pattern.len)
        buf_add(&out, pattern.s + start, pattern.len - start);
    out.newline = pattern.newline;
    buf_swap(&pattern, &out);
    replaced = 1;
    if (c->print)
        put_line(&standard_output, &pattern);
    if (c->out != NULL)
        put_line(c->out, &pattern);
}

/* l: the pattern space with \\ \a \b \f \n \r \t \v and \ooo for the other unprintable bytes,
   folded into lines of at most 69 characters and a \, and ended by $. */
static void list(void)
{
    static const char escapes[] = "\\\\a\ab\bf\fn\nr\rt\tv\v";
    char piece[8];
    const char *e;
    size_t i, width = 0;
    unsigned char c;

    for (i = 0; i < pattern.len; i++) {
        c = (unsigned char)pattern.s[i];
        for (e = escapes; *e != '\0' && e[1] != (char)c; e += 2)
            ;
        if (*e != '\0')
            snprintf(piece, sizeof piece, "\\%c", e[0]);
        else if (c >= ' ' && c < 127)
            snprintf(piece, sizeof piece, "%c", c);
        else
            snprintf(piece, sizeof piece, "\\%03o", c);
        if (width + strlen(piece) > 69) {
            put_string(&standard_output, "\\\n");
            width = 0;
        }
        put_string(&standard_output, piece);
        width += strlen(piece);
    }
    put_string(&standard_output, "$\n");
}

/* P: the pattern space up to and with its first newline (all of it if it has none). */
static void put_first_line(struct output *o)
{
    char *nl = memchr(pattern.s, '\n', pattern.len);

    if (nl != NULL)
        put(o, pattern.s, (size_t)(nl + 1 - pattern.s));
    else
        put_line(o, &pattern);
}

/* D with a newline in the pattern space: drop the first line. */
static void delete_first_line(char *nl)
{
    size_t rest = pattern.len - (size_t)(nl + 1 - pattern.s);

    memmove(pattern.s, nl + 1, rest + 1);
    pattern.len = rest;
}

static void transliterate(const unsigned char *map)
{
    size_t i;

    for (i = 0; i < pattern.len; i++)
        pattern.s[i] = (char)map[(unsigned char)pattern.s[i]];
}

/* How a cycle ends: write the pattern space (unless -n) and read the next line; delete it and
   read the next; restart the script on what D left; write it and stop (q, which also ends a
   last line written without its newline, as GNU sed does); stop without writing it or the
   appended texts (GNU's Q). */
enum ending { NEXT, DELETE, RESTART, QUIT, QUIT_SILENTLY };

static enum ending run_script(void)
{
    struct command *c;
    char *nl;
    int i = 0;

    while (i < ncommands) {
        c = &commands[i];
        if (!selected(c)) {
            i = c->name == '{' ? c->jump : i + 1;
            continue;
        }
        switch (c->name) {
        case 'a': queue_append(c->text, c->text_len, 0); break;
        case 'b': i = c->jump; continue;
        case 'c':
            if (c->range != RANGE_ON)     /* not in the middle of a range */
                put(&standard_output, c->text, c->text_len);
            return DELETE;
        case 'd': return DELETE;
        case 'D':
            if ((nl = memchr(pattern.s, '\n', pattern.len)) == NULL)
                return DELETE;
            delete_first_line(nl);
            return RESTART;
        case 'g': buf_copy(&pattern, &hold); break;
        case 'G': buf_append_line(&pattern, &hold); break;
        case 'h': buf_copy(&hold, &pattern); break;
        case 'H': buf_append_line(&hold, &pattern); break;
        case 'i': put(&standard_output, c->text, c->text_len); break;
        case 'l': list(); break;
        case 'n':
            if (last_line())
                return NEXT;            /* which ends sed: there is no next line */
            if (!quiet)
                put_line(&standard_output, &pattern);
            flush_appends();
            read_line(0);
            break;
        case 'N':
            if (last_line())
                return NEXT;
            flush_appends();
            read_line(1);
            break;
        case 'p': put_line(&standard_output, &pattern); break;
        case 'P': put_first_line(&standard_output); break;
        case 'q': case 'Q':
            status = c->exit_status ? c->exit_status : status;
            return c->name == 'q' ? QUIT : QUIT_SILENTLY;
        case 'r': queue_append(c->text, 0, 1); break;
        case 's': substitute(c); break;
        case 't': case 'T':             /* T (GNU's): branch if no s replaced anything */
            if (replaced == (c->name == 't')) {
                i = c->jump;
                replaced = 0;
                continue;
            }
            replaced = 0;
            break;
        case 'w': put_line(c->out, &pattern); break;
        case 'W': put_first_line(c->out); break;
        case 'x': buf_swap(&pattern, &hold); break;
        case 'y': transliterate(c->map); break;
        case 'z': buf_clear(&pattern); break;
        case 'F':
            put_string(&standard_output, input_name != NULL ? input_name : "-");
            put_string(&standard_output, "\n");
            break;
        case '=': {
            char number[32];
            snprintf(number, sizeof number, "%ld\n", line_number);
            put_string(&standard_output, number);
            break;
        }
        }
        i++;
    }
    return NEXT;
}

/* Run the script over the lines of files[0..nfiles-1], one stream; 1 if q ended it. */
static int edit_stream(void)
{
    enum ending ending = NEXT;

    open_next_file();
    read_ahead();
    while (ending == RESTART || read_line(0)) {
        ending = run_script();
        if (ending == QUIT_SILENTLY)
            return 1;
        if ((ending == NEXT || ending == QUIT) && !quiet)
            put_line(&standard_output, &pattern);
        flush_appends();
        if (ending == QUIT) {
            end_line(&standard_output);
            return 1;
        }
    }
    return 0;
}

/* ------------------------------------------------------------------------------------------ */
/* Separate files (-s) and editing in place (-i)                                                */

static int separate;            /* -s, or -i */
static int in_place;            /* -i */
static const char *backup_suffix;   /* -iSUFFIX: "" for none */
static char *temp_name;         /* the file being written in place of the input */

/* A new string: the first n bytes of a, then b. */
static char *join(const char *a, size_t n, const char *b)
{
    char *s = need(malloc(n + strlen(b) + 1));

    memcpy(s, a, n);
    strcpy(s + n, b);
    return s;
}

/* The length of the directory part of path, with its '/' (0: the current directory). */
static size_t directory_length(const char *path)
{
    const char *slash = strrchr(path, '/');

    return slash != NULL ? (size_t)(slash + 1 - path) : 0;
}

/* Where -iSUFFIX keeps file: file+SUFFIX, or, as GNU sed, the suffix with each '*' made file's
 * base name (in file's directory, unless the suffix names one itself with a '/'). */
static char *backup_name(const char *file)
{
    const char *base = file + directory_length(file), *p;
    struct buf name = {NULL, 0, 0, 0};

    if (strchr(backup_suffix, '*') == NULL)
        return join(file, strlen(file), backup_suffix);
    buf_clear(&name);
    if (strchr(backup_suffix, '/') == NULL)
        buf_add(&name, file, directory_length(file));
    for (p = backup_suffix; *p != '\0'; p++) {
        if (*p == '*')
            buf_add(&name, base, strlen(base));
        else
            buf_add(&name, p, 1);
    }
    return name.s;
}

/* Send standard output to a new temporary file beside file, with file's permissions; 0 (and a
 * message) if file cannot be read. */
static int start_in_place(const char *file)
{
    struct stat st;
    int fd;
    FILE *fp;

    if (stat(file, &st) != 0) {
        fprintf(stderr, "sed: can't read %s: %s\n", file, strerror(errno));
        status = 2;
        return 0;
    }
    if (!S_ISREG(st.st_mode)) {
        fprintf(stderr, "sed: couldn't edit %s: not a regular file\n", file);
        exit(4);
    }
    temp_name = join(file, directory_length(file), "sedXXXXXX");
    if ((fd = mkstemp(temp_name)) < 0 || (fp = fdopen(fd, "w")) == NULL) {
        fprintf(stderr, "sed: couldn't open temporary file %s: %s\n", temp_name, strerror(errno));
        exit(4);
    }
    fchmod(fd, st.st_mode & 07777);
    standard_output.fp = fp;
    standard_output.missing_newline = 0;
    return 1;
}

/* The temporary file replaces file (file first becoming its backup, with a suffix). */
static void finish_in_place(const char *file)
{
    char *backup;

    if (fclose(standard_output.fp) != 0) {
        fprintf(stderr, "sed: couldn't write %s: %s\n", temp_name, strerror(errno));
        exit(4);
    }
    standard_output.fp = stdout;
    if (*backup_suffix != '\0') {
        backup = backup_name(file);
        if (rename(file, backup) != 0) {
            fprintf(stderr, "sed: cannot rename %s: %s\n", file, strerror(errno));
            exit(4);
        }
        free(backup);
    }
    if (rename(temp_name, file) != 0) {
        fprintf(stderr, "sed: cannot rename %s: %s\n", temp_name, strerror(errno));
        exit(4);
    }
    free(temp_name);
}

/* A new file starts: line 1 comes next, and no range is on. */
static void start_file(void)
{
    int i;

    line_number = 0;
    for (i = 0; i < ncommands; i++)
        commands[i].range = RANGE_OFF;
}

static void edit(void)
{
    char **all = files;
    int n = nfiles, i, quit;

    buf_clear(&pattern);
    buf_clear(&hold);
    hold.newline = 1;
    if (!separate) {
        edit_stream();
        return;
    }
    for (i = 0; i < n; i++) {
        if (in_place && !start_in_place(all[i]))
            continue;
        files = all + i;
        nfiles = 1;
        start_file();
        quit = edit_stream();
        if (in_place)
            finish_in_place(all[i]);
        if (quit)
            break;              /* the files after it are left as they are */
    }
}

/* ------------------------------------------------------------------------------------------ */

static void usage(void)
{
    fprintf(stderr, "usage: sed [-n] [-E] [-s] [-i[SUFFIX]] SCRIPT [FILE...]\n"
                    "       sed [-n] [-E] [-s] [-i[SUFFIX]] [-e SCRIPT]... [-f SCRIPTFILE]... [FILE...]\n");
    exit(1);
}

static void add_script_file(const char *name)
{
    struct buf text = {NULL, 0, 0, 0};
    char chunk[4096];
    size_t n;
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");

    if (f == NULL) {
        fprintf(stderr, "sed: couldn't open file %s: %s\n", name, strerror(errno));
        exit(1);
    }
    buf_clear(&text);
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_add(&text, chunk, n);
    if (f != stdin)
        fclose(f);
    add_piece(text.s, text.len, name);
    free(text.s);
}

/* GNU's long names for the options */
static const struct option long_options[] = {
    {"quiet", no_argument, NULL, 'n'}, {"silent", no_argument, NULL, 'n'},
    {"expression", required_argument, NULL, 'e'}, {"file", required_argument, NULL, 'f'},
    {"regexp-extended", no_argument, NULL, 'E'}, {"separate", no_argument, NULL, 's'},
    {"in-place", optional_argument, NULL, 'i'}, {NULL, 0, NULL, 0},
};

int main(int argc, char **argv)
{
    static char *standard_input[] = {"-"};
    int opt;

    standard_output.fp = stdout;
    standard_error.fp = stderr;
    setvbuf(stdout, NULL, _IOFBF, 0);
    buf_clear(&script);
    while ((opt = getopt_long(argc, argv, "nEre:f:si::", long_options, NULL)) != -1) {
        switch (opt) {
        case 'n': quiet = 1; break;
        case 's': separate = 1; break;
        case 'i':
            in_place = separate = 1;
            backup_suffix = optarg != NULL ? optarg : "";
            break;
        case 'E': case 'r': regex_flags = REG_EXTENDED; break;
        case 'e': add_piece(optarg, strlen(optarg), NULL); break;
        case 'f': add_script_file(optarg); break;
        default: usage();
        }
    }
    if (npieces == 0) {
        if (optind == argc)
            usage();
        add_piece(argv[optind], strlen(argv[optind]), NULL);
        optind++;
    }
    compile_script();
    if (in_place && optind == argc) {
        fprintf(stderr, "sed: no input files\n");
        return 4;
    }
    files = optind < argc ? argv + optind : standard_input;
    nfiles = optind < argc ? argc - optind : 1;
    edit();
    return status;
}
