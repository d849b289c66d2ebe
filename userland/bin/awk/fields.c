/*
 * fields.c - the current record: reading records (RS), splitting $0 into fields (FS), and
 * rebuilding $0 from the fields with OFS when a field or NF is assigned.
 *
 * A record is split only when a field or NF is first used, with the FS it was read with (a new
 * FS applies from the next record). FS " " (the default) splits on runs of blanks and newlines,
 * ignoring those at the ends; any other single character splits at that character; a longer FS
 * is an extended regular expression. RS is one character, or "" for paragraph mode: records are
 * separated by blank lines, and a newline always separates fields too. A longer RS is an extended
 * regular expression, as in gawk and mawk (POSIX leaves it open): RS = "\r\n" reads DOS lines,
 * RS = "\n\n+" paragraphs that keep their leading blank lines' count, RS = "[,;]" items.
 *
 * The main input is the files named in ARGV (read when needed, so that BEGIN may change ARGV),
 * or standard input if there are none; an argument NAME=VALUE there assigns instead.
 */
#include <stdlib.h>
#include <string.h>
#include "awk.h"

static char *record;            /* $0 */
static Value *fields;           /* $1.. $nf: fields[1..nf] */
static int nf, fields_cap;
static int split_done;          /* fields[] is $0 split */
static char *record_fs;         /* FS when $0 was set */

/* --- splitting ------------------------------------------------------------------------------- */

typedef struct Pieces {
    char **text;
    int count, cap;
} Pieces;

static void add_piece(Pieces *p, const char *s, size_t n)
{
    if (p->count == p->cap) {
        p->cap = p->cap ? 2 * p->cap : 8;
        p->text = realloc(p->text, (size_t)p->cap * sizeof *p->text);
    }
    char *t = xmalloc(n + 1);
    memcpy(t, s, n);
    t[n] = '\0';
    p->text[p->count++] = t;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

static void split_blanks(const char *s, Pieces *p)
{
    for (;;) {
        while (is_blank(*s))
            s++;
        if (!*s)
            return;
        const char *start = s;
        while (*s && !is_blank(*s))
            s++;
        add_piece(p, start, (size_t)(s - start));
    }
}

/* At the character c (and at newlines too, in paragraph mode). */
static void split_char(const char *s, char c, int newline_too, Pieces *p)
{
    if (!*s)
        return;
    for (;;) {
        const char *start = s;
        while (*s && *s != c && !(newline_too && *s == '\n'))
            s++;
        add_piece(p, start, (size_t)(s - start));
        if (!*s)
            return;
        s++;
    }
}

/* At each match of re (an empty match separates nothing). */
static void split_regex(const char *s, regex_t *re, Pieces *p)
{
    size_t len = strlen(s), from = 0, start = 0, so, eo;
    if (len == 0)
        return;
    while (from < len && regex_search(re, s, from, &so, &eo)) {
        if (eo == so) {                 /* an empty match: look again one character on */
            from = so + 1;
            continue;
        }
        add_piece(p, s + start, so - start);
        start = from = eo;
    }
    add_piece(p, s + start, len - start);
}

static int paragraph_mode(void)
{
    return var_str(v_RS)[0] == '\0';
}

/* s cut by fs (a string, as FS) or by re, if not NULL. */
static void split_by(const char *s, const char *fs, regex_t *re, Pieces *p, int line)
{
    int newline_too = paragraph_mode();
    if (re)
        split_regex(s, re, p);
    else if (strcmp(fs, " ") == 0)
        split_blanks(s, p);
    else if (strlen(fs) == 1 && fs[0] != '\\')
        split_char(s, fs[0], newline_too, p);
    else if (newline_too) {
        char *both = xmalloc(strlen(fs) + 8);
        sprintf(both, "(%s)|\n", fs);
        split_regex(s, compile_regex(both, line), p);
        free(both);
    } else
        split_regex(s, compile_regex(fs, line), p);
}

/* split(s, a, fs): by the string fs, as FS, or by the regular expression re if not NULL */
int split_string(const char *s, Array *a, const char *fs, regex_t *re, int line)
{
    Pieces p = {0};
    split_by(s, fs, re, &p, line);
    array_clear(a);
    for (int i = 0; i < p.count; i++) {
        char key[32];
        snprintf(key, sizeof key, "%d", i + 1);
        array_get(a, key)->val = input_value(p.text[i]);
        free(p.text[i]);
    }
    free(p.text);
    return p.count;
}

/* --- the record and its fields --------------------------------------------------------------- */

static void clear_fields(void)
{
    for (int i = 1; i <= nf; i++)
        free_value(&fields[i]);
    nf = 0;
}

static void make_room(int n)
{
    if (n < fields_cap)
        return;
    while (fields_cap <= n)
        fields_cap = fields_cap ? 2 * fields_cap : 32;
    fields = realloc(fields, (size_t)fields_cap * sizeof *fields);
}

static void split_record(void)
{
    if (split_done)
        return;
    Pieces p = {0};
    split_by(record, record_fs, NULL, &p, 0);
    clear_fields();
    make_room(p.count);
    for (int i = 0; i < p.count; i++) {
        fields[i + 1] = input_value(p.text[i]);
        free(p.text[i]);
    }
    free(p.text);
    nf = p.count;
    split_done = 1;
    set_var_num(v_NF, nf);
}

void set_record(const char *s, size_t n)
{
    free(record);
    record = xmalloc(n + 1);
    memcpy(record, s, n);
    record[n] = '\0';
    free(record_fs);
    record_fs = xstrdup(var_str(v_FS));
    split_done = 0;
}

const char *get_record(void)
{
    return record;
}

/* $0 = $1 OFS $2 ... $NF */
static void rebuild_record(void)
{
    const char *ofs = var_str(v_OFS);
    size_t len = 0;
    char **texts = xmalloc((size_t)(nf + 1) * sizeof *texts);
    for (int i = 1; i <= nf; i++) {
        texts[i] = to_str(&fields[i]);
        len += strlen(texts[i]) + strlen(ofs);
    }
    free(record);
    record = xmalloc(len + 1);
    record[0] = '\0';
    char *end = record;
    for (int i = 1; i <= nf; i++) {
        if (i > 1)
            end = stpcpy(end, ofs);
        end = stpcpy(end, texts[i]);
        free(texts[i]);
    }
    free(texts);
}

Value get_field(int i, int line)
{
    if (i < 0)
        fatal(line, "trying to access out of range field %d", i);
    if (i == 0)
        return input_value(get_record());
    split_record();
    if (i > nf) {
        Value v = {T_UNINIT, 0, NULL};
        return v;
    }
    return copy_value(&fields[i]);
}

/* Fields nf+1..n, empty. */
static void extend_fields(int n)
{
    make_room(n);
    for (int i = nf + 1; i <= n; i++)
        fields[i] = str_copy("");
    nf = n;
}

void set_field(int i, Value v, int line)
{
    if (i < 0)
        fatal(line, "trying to access out of range field %d", i);
    if (i == 0) {
        char *s = to_str(&v);
        set_record(s, strlen(s));
        free(s);
        free_value(&v);
        return;
    }
    split_record();
    if (i > nf)
        extend_fields(i);
    free_value(&fields[i]);
    fields[i] = v;
    set_var_num(v_NF, nf);
    rebuild_record();
}

int get_nf(void)
{
    split_record();
    return nf;
}

void set_nf(int n, int line)
{
    if (n < 0)
        fatal(line, "NF set to negative value");
    split_record();
    if (n > nf)
        extend_fields(n);
    while (nf > n)
        free_value(&fields[nf--]);
    set_var_num(v_NF, nf);
    rebuild_record();
}

/* --- reading records ------------------------------------------------------------------------- */

typedef struct Buffer {
    char *s;
    size_t len, cap;
} Buffer;

static void buffer_add(Buffer *b, char c)
{
    if (b->len + 1 >= b->cap) {
        b->cap = b->cap ? 2 * b->cap : 128;
        b->s = realloc(b->s, b->cap);
    }
    b->s[b->len++] = c;
    b->s[b->len] = '\0';
}

/*
 * Text read past the end of a record. A regular-expression RS ends a record only at a match that
 * ends before the text read so far does (more text might make it longer: "\n+"), so the text after
 * that match waits here, one buffer per input stream, to be read first by the next record, with
 * whatever RS is then. One RS character is read a byte at a time and leaves nothing behind.
 */
typedef struct Ahead {
    FILE *f;
    Buffer b;
    size_t start;               /* b.s[start, b.len): not read yet */
    struct Ahead *next;
} Ahead;

static Ahead *aheads;

static Ahead *ahead_of(FILE *f)
{
    Ahead *a;
    for (a = aheads; a; a = a->next)
        if (a->f == f)
            return a;
    a = xmalloc(sizeof *a);
    memset(a, 0, sizeof *a);
    a->f = f;
    a->next = aheads;
    aheads = a;
    return a;
}

/* f is being closed: what was read ahead of it goes (another stream may get its address). */
void forget_input(FILE *f)
{
    for (Ahead **p = &aheads; *p; p = &(*p)->next) {
        if ((*p)->f == f) {
            Ahead *a = *p;
            *p = a->next;
            free(a->b.s);
            free(a);
            return;
        }
    }
}

/* The next byte of f: from what was read ahead first. */
static int input_getc(FILE *f)
{
    for (Ahead *a = aheads; a; a = a->next) {
        if (a->f != f)
            continue;
        if (a->start < a->b.len)
            return (unsigned char)a->b.s[a->start++];
        a->start = a->b.len = 0;        /* all read: a byte given back now goes back to f */
        break;
    }
    return getc(f);
}

/* Give back the byte input_getc just returned (to what was read ahead, if it came from there). */
static void input_ungetc(int c, FILE *f)
{
    for (Ahead *a = aheads; a; a = a->next) {
        if (a->f == f && a->start > 0) {
            a->start--;
            return;
        }
    }
    ungetc(c, f);
}

/* A paragraph: lines up to a blank line; the blank lines before it are skipped. */
static int read_paragraph(FILE *f, Buffer *b)
{
    int c;
    while ((c = input_getc(f)) == '\n')
        ;
    if (c == EOF)
        return 0;
    for (; c != EOF; c = input_getc(f)) {
        if (c == '\n') {
            int d = input_getc(f);
            if (d == '\n' || d == EOF) {
                while ((d = input_getc(f)) == '\n')
                    ;
                if (d != EOF)
                    input_ungetc(d, f);
                return 1;
            }
            input_ungetc(d, f);
        }
        buffer_add(b, (char)c);
    }
    return 1;
}

/* Add a line of f (up to its newline, at most 4 KiB) to b: 0 at the end of f. A line at a
   time, so that a record of a pipe or a terminal is there once its line is. */
static int read_more(FILE *f, Buffer *b)
{
    int c, n = 0;
    while (n < 4096 && (c = getc(f)) != EOF) {
        buffer_add(b, (char)c);
        n++;
        if (c == '\n')
            break;
    }
    return n > 0;
}

/* The first non-empty match of re in a's unread text: 1 and its bounds, or 0. */
static int find_separator(regex_t *re, Ahead *a, size_t *so, size_t *eo)
{
    regmatch_t m[1];
    for (size_t from = a->start; from < a->b.len; from = (size_t)m[0].rm_so + 1) {
        m[0].rm_so = (regoff_t)from;
        m[0].rm_eo = (regoff_t)a->b.len;
        if (regexec(re, a->b.s, 1, m, REG_STARTEND | (from > 0 ? REG_NOTBOL : 0)) != 0)
            return 0;
        if (m[0].rm_eo > m[0].rm_so) {
            *so = (size_t)m[0].rm_so;
            *eo = (size_t)m[0].rm_eo;
            return 1;
        }
    }
    return 0;
}

/* A record ended by a match of the regular expression re. */
static int read_regex_record(FILE *f, regex_t *re, Buffer *out)
{
    Ahead *a = ahead_of(f);
    size_t so, eo;
    int more = 1;
    if (a->start > 0 && a->start >= a->b.len / 2) {     /* drop what was read */
        memmove(a->b.s, a->b.s + a->start, a->b.len - a->start + 1);
        a->b.len -= a->start;
        a->start = 0;
    }
    for (;;) {
        if (find_separator(re, a, &so, &eo) && (eo < a->b.len || !more))
            break;
        if (!more) {
            if (a->start == a->b.len)
                return 0;
            so = eo = a->b.len;     /* the last record, without a separator */
            break;
        }
        more = read_more(f, &a->b);
    }
    for (size_t i = a->start; i < so; i++)
        buffer_add(out, a->b.s[i]);
    a->start = eo;
    return 1;
}

/* The next record of f (a new string, without its separator), 0 at the end. */
int read_record(FILE *f, char **out, size_t *len)
{
    const char *rs = var_str(v_RS);
    Buffer b = {0};
    int got;
    if (strlen(rs) > 1)
        got = read_regex_record(f, compile_regex(rs, 0), &b);
    else if (rs[0] == '\0')
        got = read_paragraph(f, &b);
    else {
        int c;
        got = 0;
        while ((c = input_getc(f)) != EOF) {
            got = 1;
            if (c == (unsigned char)rs[0])
                break;
            buffer_add(&b, (char)c);
        }
    }
    if (!got) {
        free(b.s);
        return 0;
    }
    *out = b.s ? b.s : xstrdup("");
    *len = b.len;
    return 1;
}

/* --- the main input -------------------------------------------------------------------------- */

static FILE *main_input;
static int next_arg = 1;        /* the ARGV element to look at next */
static int had_file;            /* a file was named (or standard input was read) */

static const char *argv_element(int i)
{
    char key[32];
    snprintf(key, sizeof key, "%d", i);
    Entry *e = array_find(var_array(v_ARGV, 0), key);
    if (!e)
        return NULL;
    char *s = to_str(&e->val);
    free_value(&e->val);
    e->val = input_value(s);
    free(s);
    return e->val.str;
}

/* Open the next file of ARGV, doing the assignments before it; 0 when there is none. */
static int open_next_file(void)
{
    Value argc = copy_value(&v_ARGC->val);
    int count = (int)to_num(&argc);
    free_value(&argc);
    while (next_arg < count) {
        const char *arg = argv_element(next_arg++);
        if (!arg || !*arg || command_line_assignment(arg))
            continue;
        had_file = 1;
        main_input = strcmp(arg, "-") == 0 ? stdin : fopen(arg, "r");
        if (!main_input)
            fatal(0, "cannot open file %s", arg);
        set_var_str(v_FILENAME, arg);
        set_var_num(v_FNR, 0);
        return 1;
    }
    if (had_file)
        return 0;
    had_file = 1;
    main_input = stdin;
    set_var_str(v_FILENAME, "-");
    set_var_num(v_FNR, 0);
    return 1;
}

int next_main_record(char **out, size_t *len)
{
    for (;;) {
        if (!main_input && !open_next_file())
            return 0;
        if (read_record(main_input, out, len)) {
            set_var_num(v_NR, to_num(&v_NR->val) + 1);
            set_var_num(v_FNR, to_num(&v_FNR->val) + 1);
            return 1;
        }
        forget_input(main_input);
        if (main_input != stdin)
            fclose(main_input);
        main_input = NULL;
    }
}
