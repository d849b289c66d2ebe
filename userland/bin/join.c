/*
 * join - join the lines of two sorted files on a common field.
 *
 *     join [-i] [-t CHAR] [-a FILENUM]... [-v FILENUM]... [-e STRING] [-o LIST|auto]
 *          [-1 FIELD] [-2 FIELD] [-j FIELD] [--header] [--check-order|--nocheck-order] [-z]
 *          FILE1 FILE2
 *
 * For each pair of lines, one from each file, with equal join fields (the first field by
 * default), writes the join field, the other fields of FILE1's line and then those of FILE2's.
 * Both files must be sorted on their join field (in byte order, "sort -k"). Either may be "-".
 * Fields are separated by runs of blanks (spaces and tabs; leading blanks ignored), and written
 * with one space between; with -t CHAR, by each CHAR (empty fields count), written with CHAR.
 *   -1 FIELD, -2 FIELD  join on this field of FILE1, FILE2 (-j FIELD: of both); fields count from 1
 *   -a FILENUM  also write the lines of file FILENUM (1 or 2) that pair with none
 *   -v FILENUM  write only those, not the joined lines
 *   -e STRING   write STRING for a field that is empty or missing
 *   -o LIST     write these fields: FILENUM.FIELD or 0 (the join field), separated by commas or
 *               blanks; "auto": every field, as many as the first line of each file has
 *   -i          fields compare without regard to case     -z  lines end with NUL bytes
 *   --header    the first line of each file is a header: joined without being compared
 * As GNU's join, a file found out of order gives "join: FILE:N: is not sorted: LINE" once
 * (checked once a line has not paired; always with --check-order, which also stops at once;
 * never with --nocheck-order), and the status 1 at the end.
 * The obsolete forms are GNU's too: "-j1 FIELD" and "-j2 FIELD" (-j1 written as one word) are
 * -1 FIELD and -2 FIELD, and "-o 1.1 2.2" takes more lists as operands after -o's own. Such an
 * operand might be a file just as well: it is taken as the option's value only when a third
 * operand comes (see add_operand); a -j1 or -j2 left without one is -j 1 or -j 2. Options and
 * operands may come in any order, as with GNU's getopt. Two different fields asked for one file
 * (-1 2 -j 3) are an error: "join: incompatible join fields 2, 3".
 * Not supported: -t '' and -t '\0'.
 * Exit status: 0, or 1 on an error or unsorted input.
 */
#include <ctype.h>
#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct field {
    const char *start;
    size_t len;
};

struct line {
    char *text;                 /* the line, its end left out */
    size_t len, size;
    struct field *fields;
    size_t nfields, fields_size;
};

/* the lines of one file that share a join field, being collected */
struct seq {
    struct line **lines;
    size_t count, size;
};

struct out_field {
    int file;                   /* 0: the join field; 1 or 2: FIELD of that file */
    size_t field;               /* from 0 */
};

static int tab = -1;            /* -t CHAR, or -1 for blanks */
static int line_end = '\n';
static int ignore_case;
#define UNSET_FIELD SIZE_MAX
static size_t join_field[2] = { UNSET_FIELD, UNSET_FIELD };
static int print_unpaired[2], print_paired = 1;
static const char *empty_filler;
static struct out_field *outlist;
static size_t noutlist;
static int autoformat;
static size_t autocount[2];
static int header;
enum { CHECK_DEFAULT, CHECK_ALWAYS, CHECK_NEVER } check = CHECK_DEFAULT;
static int seen_unpaired, disorder[2];
static const char *names[2];
static unsigned long line_no[2];
static struct line prev[2];     /* a copy of the line read before, for the order check */
static int have_prev[2];
static struct line blank_line;  /* the missing side of an unpaired line: no fields */

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: join [-i] [-t CHAR] [-a FILENUM] [-v FILENUM] [-e STRING] [-o LIST]"
                    " [-1 FIELD] [-2 FIELD] [-j FIELD] FILE1 FILE2\n");
    exit(1);
}

static void add_field(struct line *l, const char *start, size_t len)
{
    if (l->nfields == l->fields_size)
        l->fields = realloc(l->fields, (l->fields_size = l->fields_size * 2 + 8) * sizeof *l->fields);
    l->fields[l->nfields].start = start;
    l->fields[l->nfields++].len = len;
}

static int is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* splits l's text into fields, as GNU's join does (blanks at the end leave an empty field) */
static void split(struct line *l)
{
    const char *p = l->text, *end = l->text + l->len;

    l->nfields = 0;
    if (p == end)
        return;
    if (tab >= 0) {
        const char *sep;

        for (; (sep = memchr(p, tab, (size_t)(end - p))) != NULL; p = sep + 1)
            add_field(l, p, (size_t)(sep - p));
    } else {
        while (is_blank((unsigned char)*p))
            if (++p == end)
                return;
        do {
            const char *sep = p + 1;

            while (sep != end && !is_blank((unsigned char)*sep))
                sep++;
            add_field(l, p, (size_t)(sep - p));
            if (sep == end)
                return;
            for (p = sep + 1; p != end && is_blank((unsigned char)*p); p++)
                ;
        } while (p != end);
    }
    add_field(l, p, (size_t)(end - p));
}

/* the order of two lines' join fields: a missing or empty field is the least */
static int keycmp(const struct line *a, const struct line *b, size_t fa, size_t fb)
{
    const char *sa = fa < a->nfields ? a->fields[fa].start : NULL;
    const char *sb = fb < b->nfields ? b->fields[fb].start : NULL;
    size_t la = fa < a->nfields ? a->fields[fa].len : 0;
    size_t lb = fb < b->nfields ? b->fields[fb].len : 0;
    size_t n = la < lb ? la : lb;
    int diff = 0;

    if (la == 0)
        return lb == 0 ? 0 : -1;
    if (lb == 0)
        return 1;
    if (ignore_case) {
        for (size_t i = 0; i < n && diff == 0; i++)
            diff = toupper((unsigned char)sa[i]) - toupper((unsigned char)sb[i]);
    } else {
        diff = memcmp(sa, sb, n);
    }
    if (diff != 0)
        return diff;
    return (la > lb) - (la < lb);
}

static void copy_line(struct line *to, const struct line *from)
{
    if (to->size < from->len + 1)
        to->text = realloc(to->text, to->size = from->len + 1);
    memcpy(to->text, from->text, from->len);
    to->len = from->len;
    split(to);
}

static void check_order(const struct line *cur, int which)
{
    if (check == CHECK_NEVER || (check == CHECK_DEFAULT && !seen_unpaired) || disorder[which])
        return;
    if (keycmp(&prev[which], cur, join_field[which], join_field[which]) > 0) {
        fflush(stdout);
        fprintf(stderr, "join: %s:%lu: is not sorted: %.*s\n", names[which], line_no[which],
                (int)cur->len, cur->text);
        if (check == CHECK_ALWAYS)
            exit(1);
        disorder[which] = 1;
    }
}

/* the next line of file `which` into l: 0 at its end */
static int get_line(FILE *f, struct line *l, int which)
{
    int c;

    l->len = 0;
    while ((c = getc(f)) != EOF && c != line_end) {
        if (l->len + 1 >= l->size)
            l->text = realloc(l->text, l->size = l->size * 2 + 64);
        l->text[l->len++] = (char)c;
    }
    if (c == EOF && l->len == 0)
        return 0;
    line_no[which]++;
    split(l);
    if (have_prev[which])
        check_order(l, which);
    copy_line(&prev[which], l);
    have_prev[which] = 1;
    return 1;
}

/* reads one more line onto seq (first: instead of what it holds); 0 at the end of the file */
static int advance(FILE *f, struct seq *seq, int first, int which)
{
    if (first)
        seq->count = 0;
    if (seq->count == seq->size) {
        seq->lines = realloc(seq->lines, (seq->size = seq->size * 2 + 4) * sizeof *seq->lines);
        for (size_t i = seq->count; i < seq->size; i++)
            seq->lines[i] = calloc(1, sizeof **seq->lines);
    }
    if (!get_line(f, seq->lines[seq->count], which))
        return 0;
    seq->count++;
    return 1;
}

static void put_separator(void)
{
    putchar(tab >= 0 ? tab : ' ');
}

static void put_field(size_t n, const struct line *l)
{
    if (n < l->nfields && l->fields[n].len > 0)
        fwrite(l->fields[n].start, 1, l->fields[n].len, stdout);
    else if (empty_filler != NULL)
        fputs(empty_filler, stdout);
}

/* the fields of l other than its join field */
static void put_other_fields(const struct line *l, size_t join, size_t count)
{
    size_t n = autoformat ? count : l->nfields;

    for (size_t i = 0; i < n; i++) {
        if (i == join)
            continue;
        put_separator();
        put_field(i, l);
    }
}

static void put_join(const struct line *l1, const struct line *l2)
{
    if (noutlist > 0) {
        for (size_t i = 0; i < noutlist; i++) {
            const struct out_field *o = &outlist[i];

            if (i > 0)
                put_separator();
            if (o->file == 0) {
                if (l1 == &blank_line)
                    put_field(join_field[1], l2);
                else
                    put_field(join_field[0], l1);
            } else {
                put_field(o->field, o->file == 1 ? l1 : l2);
            }
        }
    } else {
        if (l1 == &blank_line)
            put_field(join_field[1], l2);
        else
            put_field(join_field[0], l1);
        put_other_fields(l1, join_field[0], autocount[0]);
        put_other_fields(l2, join_field[1], autocount[1]);
    }
    putchar(line_end);
}

static void swap_lines(struct line **a, struct line **b)
{
    struct line *t = *a;

    *a = *b;
    *b = t;
}

static void join(FILE *f1, FILE *f2)
{
    struct seq seq[2] = { 0 };
    struct line *l = calloc(1, sizeof *l);

    advance(f1, &seq[0], 1, 0);
    advance(f2, &seq[1], 1, 1);
    if (autoformat) {
        autocount[0] = seq[0].count ? seq[0].lines[0]->nfields : 0;
        autocount[1] = seq[1].count ? seq[1].lines[0]->nfields : 0;
    }
    if (header && (seq[0].count || seq[1].count)) {
        put_join(seq[0].count ? seq[0].lines[0] : &blank_line, seq[1].count ? seq[1].lines[0] : &blank_line);
        have_prev[0] = have_prev[1] = 0;
        if (seq[0].count)
            advance(f1, &seq[0], 1, 0);
        if (seq[1].count)
            advance(f2, &seq[1], 1, 1);
    }
    while (seq[0].count && seq[1].count) {
        int diff = keycmp(seq[0].lines[0], seq[1].lines[0], join_field[0], join_field[1]);
        int end1 = 0, end2 = 0;

        if (diff < 0) {
            if (print_unpaired[0])
                put_join(seq[0].lines[0], &blank_line);
            advance(f1, &seq[0], 1, 0);
            seen_unpaired = 1;
            continue;
        }
        if (diff > 0) {
            if (print_unpaired[1])
                put_join(&blank_line, seq[1].lines[0]);
            advance(f2, &seq[1], 1, 1);
            seen_unpaired = 1;
            continue;
        }
        /* the lines of each file with this join field (and the first one after them) */
        do {
            if (!advance(f1, &seq[0], 0, 0)) {
                end1 = 1;
                seq[0].count++;
                break;
            }
        } while (keycmp(seq[0].lines[seq[0].count - 1], seq[1].lines[0], join_field[0], join_field[1]) == 0);
        do {
            if (!advance(f2, &seq[1], 0, 1)) {
                end2 = 1;
                seq[1].count++;
                break;
            }
        } while (keycmp(seq[0].lines[0], seq[1].lines[seq[1].count - 1], join_field[0], join_field[1]) == 0);
        if (print_paired)
            for (size_t i = 0; i + 1 < seq[0].count; i++)
                for (size_t j = 0; j + 1 < seq[1].count; j++)
                    put_join(seq[0].lines[i], seq[1].lines[j]);
        if (!end1) {
            swap_lines(&seq[0].lines[0], &seq[0].lines[seq[0].count - 1]);
            seq[0].count = 1;
        } else {
            seq[0].count = 0;
        }
        if (!end2) {
            swap_lines(&seq[1].lines[0], &seq[1].lines[seq[1].count - 1]);
            seq[1].count = 1;
        } else {
            seq[1].count = 0;
        }
    }
    /* what is left of one file: written if asked for, else only read for the order check */
    int check_tail = check != CHECK_NEVER && !(disorder[0] && disorder[1]);
    FILE *f[2] = { f1, f2 };

    for (int w = 0; w < 2; w++) {
        if (!((print_unpaired[w] || check_tail) && seq[w].count))
            continue;
        if (print_unpaired[w])
            put_join(w == 0 ? seq[0].lines[0] : &blank_line, w == 0 ? &blank_line : seq[1].lines[0]);
        if (seq[1 - w].count)
            seen_unpaired = 1;
        while (get_line(f[w], l, w)) {
            if (print_unpaired[w])
                put_join(w == 0 ? l : &blank_line, w == 0 ? &blank_line : l);
            if (disorder[w] && !print_unpaired[w])
                break;
        }
    }
}

static size_t field_number(const char *arg)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(arg, &end, 10);
    if (end == arg || *end != '\0' || errno != 0 || n < 1) {
        fprintf(stderr, "join: invalid field number: '%s'\n", arg);
        exit(1);
    }
    return (size_t)n - 1;
}

static int file_number(const char *arg)
{
    if (strcmp(arg, "1") != 0 && strcmp(arg, "2") != 0) {
        fprintf(stderr, "join: invalid field number: '%s'\n", arg);
        exit(1);
    }
    return arg[0] - '1';
}

/* -1, -2, -j: file which's join field is field (counted from 0), which it may already be */
static void set_join_field(int which, size_t field)
{
    if (join_field[which] != UNSET_FIELD && join_field[which] != field) {
        fprintf(stderr, "join: incompatible join fields %lu, %lu\n",
                (unsigned long)join_field[which] + 1, (unsigned long)field + 1);
        exit(1);
    }
    join_field[which] = field;
}

/* -o LIST: FILENUM.FIELD or 0, separated by commas or blanks */
static void add_outlist(const char *list)
{
    char *copy = strdup(list), *spec, *rest = copy;

    if (strcmp(list, "auto") == 0) {
        autoformat = 1;
        free(copy);
        return;
    }
    while ((spec = strsep(&rest, ", \t")) != NULL) {
        struct out_field o;

        if (*spec == '\0')
            continue;
        /* GNU's messages: a spec not starting with 0, 1 or 2 has a bad file number */
        if (spec[0] == '0') {
            if (spec[1] != '\0') {
                fprintf(stderr, "join: invalid field specifier: '%s'\n", spec);
                exit(1);
            }
            o.file = 0;
            o.field = 0;
        } else if (spec[0] == '1' || spec[0] == '2') {
            if (spec[1] != '.') {
                fprintf(stderr, "join: invalid field specifier: '%s'\n", spec);
                exit(1);
            }
            o.file = spec[0] - '0';
            o.field = field_number(spec + 2);
        } else {
            fprintf(stderr, "join: invalid file number in field spec: '%s'\n", spec);
            exit(1);
        }
        outlist = realloc(outlist, (noutlist + 1) * sizeof *outlist);
        outlist[noutlist++] = o;
    }
    free(copy);
}

static FILE *open_input(const char *name)
{
    FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "r");

    if (f == NULL) {
        fprintf(stderr, "join: %s: %s\n", name, strerror(errno));
        exit(1);
    }
    return f;
}

/* What an operand may be besides a file: nothing more, the field of an obsolete -j1 or -j2
   before it, or another list of an -o before it. */
enum operand_kind { FILE_ONLY, J1_FIELD, J2_FIELD, O_LIST };

static char *operands[2];
static enum operand_kind operand_kinds[2];
static int noperands;
static int j_unfilled[2];               /* -j1, -j2 given and not yet given their field */

/* Keep the operand name (of that kind); when it is the third, the first of the two kept that
   can be an option's value becomes that value (the files are then the other two), as GNU does. */
static void add_operand(char *name, enum operand_kind kind)
{
    if (noperands == 2) {
        int i = operand_kinds[0] != FILE_ONLY ? 0 : 1;

        switch (operand_kinds[i]) {
        case FILE_ONLY:
            fprintf(stderr, "join: extra operand '%s'\n", name);
            usage();
        case J1_FIELD:
        case J2_FIELD:
            j_unfilled[operand_kinds[i] == J2_FIELD]--;
            set_join_field(operand_kinds[i] == J2_FIELD, field_number(operands[i]));
            break;
        case O_LIST:
            add_outlist(operands[i]);
            break;
        }
        if (i == 0) {
            operands[0] = operands[1];
            operand_kinds[0] = operand_kinds[1];
        }
        noperands = 1;
    }
    operands[noperands] = name;
    operand_kinds[noperands++] = kind;
}

int main(int argc, char **argv)
{
    enum { CHECK_ORDER = 256, NOCHECK_ORDER, HEADER };
    static const struct option longopts[] = {
        { "ignore-case", no_argument, NULL, 'i' },
        { "check-order", no_argument, NULL, CHECK_ORDER },
        { "nocheck-order", no_argument, NULL, NOCHECK_ORDER },
        { "header", no_argument, NULL, HEADER },
        { "zero-terminated", no_argument, NULL, 'z' },
        { NULL, 0, NULL, 0 },
    };
    enum operand_kind next_kind = FILE_ONLY;    /* what the option before makes the next operand */
    int c;

    /* "-": operands come in order among the options (as c == 1), so that each is seen after
       the option it may belong to */
    while ((c = getopt_long(argc, argv, "-a:e:i1:2:j:o:t:v:z", longopts, NULL)) != -1) {
        enum operand_kind kind = next_kind;

        next_kind = FILE_ONLY;
        switch (c) {
        case 1:
            add_operand(optarg, kind);
            if (kind == O_LIST)         /* -o 1.1 2.2 3.1 ...: each may be another list */
                next_kind = O_LIST;
            break;
        case 'a': print_unpaired[file_number(optarg)] = 1; break;
        case 'v': print_unpaired[file_number(optarg)] = 1; print_paired = 0; break;
        case 'e': empty_filler = optarg; break;
        case 'i': ignore_case = 1; break;
        case '1': set_join_field(0, field_number(optarg)); break;
        case '2': set_join_field(1, field_number(optarg)); break;
        case 'j':
            /* -j1 or -j2 as one word: the obsolete form, whose field is the next operand */
            if ((strcmp(optarg, "1") == 0 || strcmp(optarg, "2") == 0) && optarg == argv[optind - 1] + 2) {
                j_unfilled[optarg[0] == '2']++;
                next_kind = optarg[0] == '2' ? J2_FIELD : J1_FIELD;
            } else {
                set_join_field(0, field_number(optarg));
                set_join_field(1, join_field[0]);
            }
            break;
        case 'o':
            add_outlist(optarg);
            if (strcmp(optarg, "auto") != 0)
                next_kind = O_LIST;
            break;
        case 't':
            if (optarg[0] == '\0' || optarg[1] != '\0') {
                fprintf(stderr, optarg[0] ? "join: multi-character tab '%s'\n"
                                          : "join: empty tab%s not supported\n", optarg);
                exit(1);
            }
            if (tab >= 0 && tab != (unsigned char)optarg[0]) {
                fprintf(stderr, "join: incompatible tabs\n");
                exit(1);
            }
            tab = (unsigned char)optarg[0];
            break;
        case 'z': line_end = '\0'; break;
        case CHECK_ORDER: check = CHECK_ALWAYS; break;
        case NOCHECK_ORDER: check = CHECK_NEVER; break;
        case HEADER: header = 1; break;
        default: usage();
        }
    }
    while (optind < argc)                       /* after "--": files only */
        add_operand(argv[optind++], FILE_ONLY);
    if (noperands < 2) {
        if (noperands == 0)
            fprintf(stderr, "join: missing operand\n");
        else
            fprintf(stderr, "join: missing operand after '%s'\n", argv[argc - 1]);
        usage();
    }
    for (int i = 0; i < 2; i++) {               /* a -j1 or -j2 with no field: -j 1, -j 2 */
        if (j_unfilled[i]) {
            set_join_field(0, (size_t)i);
            set_join_field(1, (size_t)i);
        }
    }
    for (int i = 0; i < 2; i++)
        if (join_field[i] == UNSET_FIELD)
            join_field[i] = 0;
    names[0] = operands[0];
    names[1] = operands[1];
    if (strcmp(names[0], "-") == 0 && strcmp(names[1], "-") == 0) {
        fprintf(stderr, "join: both files cannot be standard input\n");
        exit(1);
    }
    join(open_input(names[0]), open_input(names[1]));
    fflush(stdout);
    if (disorder[0] || disorder[1]) {
        fprintf(stderr, "join: input is not in sorted order\n");
        return 1;
    }
    return 0;
}
