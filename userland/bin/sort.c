/*
 * sort - sort lines of text.
 *
 *     sort [-bdfghiMnrsuVz] [-t SEP] [-k KEYDEF]... [-o FILE] [FILE...]
 *     sort -c|-C [-bdfghiMnrsuVz] [-t SEP] [-k KEYDEF]... [FILE]
 *
 * Reads every line of the FILEs (or of standard input, for no FILE or "-") and prints them in
 * order, as GNU sort does in the C locale.
 *
 *     -k POS1[,POS2]  sort on a key: from field POS1 to field POS2 (the end of the line if none).
 *                     A POS is F[.C][OPTS]: field F (from 1), its character C (from 1; in POS2,
 *                     0 or none is the field's last one); OPTS are letters of bdfghiMnrV, which
 *                     apply to this key only. Several -k: the later ones break ties of the earlier.
 *     -t SEP      fields are separated by the character SEP (by default, a field is the blanks
 *                 before it and the non-blanks that follow)
 *     -b  ignore leading blanks of the keys      -f  fold lower case to upper case
 *     -d  only blanks and letters and digits count  -i  only printable characters count
 *     -n  by the number the key starts with (blanks, '-', digits, '.', digits; none: 0)
 *     -h  as -n, with a unit after it (2K < 1M: K M G T P E Z Y)
 *     -g  by a general number (strtod's: 1e3, 0x10, inf; non-numbers first)
 *     -M  by the month name (JAN < ... < DEC; anything else first)
 *     -V  by version (file-1.10 after file-1.9)
 *     -r  reverse the order                      -s  stable: no last-resort comparison
 *     -u  print only the first of the lines whose keys are equal
 *     -c  check that the input is sorted: a message for the first line out of order, status 1
 *     -C  as -c, without the message             -z  lines end with a NUL byte, not a newline
 *     -o FILE  write to FILE (written after all the input is read, so it may be an input)
 *
 * A key without modifier letters takes the global options (-bdfghiMnrV). Lines whose keys all
 * compare equal are ordered by their whole bytes, the "last resort" (reversed by -r), unless -s
 * or -u: then they stay in input order.
 * Exit status: 0; 1 if -c/-C found a line out of order; 2 on an error (then nothing is written).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct line {
    char *text;                 /* without its delimiter */
    size_t len;
    size_t index;               /* where it was read: equal lines keep this order with -s, -u */
};

/* What a key compares by (its OPTS letters). SKIP_* are 'b' in POS1 and POS2. */
enum {
    SKIP_START = 1, SKIP_END = 2, FOLD = 4, DICTIONARY = 8, PRINTABLE = 16, NUMERIC = 32,
    HUMAN = 64, GENERAL = 128, MONTH = 256, VERSION = 512, REVERSE = 1024
};
#define TO_LINE_END ((size_t)-1)

struct key {
    size_t sword, schar;        /* POS1: fields to skip, then characters to skip */
    size_t eword, echar;        /* POS2: field (from 0) and its character (0: the whole field) */
    unsigned flags;
};

static struct line *lines;
static size_t nlines, cap;
static struct key *keys;
static size_t nkeys;
static struct key global = {0, 0, TO_LINE_END, 0, 0};
static int separator = -1;      /* -t; -1: blank-separated fields */
static int stable, unique;
static char delimiter = '\n';   /* -z: '\0' */

static void *xrealloc(void *p, size_t size)
{
    if ((p = realloc(p, size)) == NULL) {
        fprintf(stderr, "sort: out of memory\n");
        exit(2);
    }
    return p;
}

static void read_lines(FILE *f)
{
    char *text = NULL;
    size_t size = 0;
    ssize_t len;

    while ((len = getdelim(&text, &size, delimiter, f)) >= 0) {
        if (len > 0 && text[len - 1] == delimiter)
            text[--len] = '\0';
        if (nlines == cap) {
            cap = cap ? 2 * cap : 64;
            lines = xrealloc(lines, cap * sizeof *lines);
        }
        lines[nlines].text = text;
        lines[nlines].len = (size_t)len;
        lines[nlines].index = nlines;
        nlines++;
        text = NULL;            /* the line keeps the buffer; getdelim allocates another */
        size = 0;
    }
    free(text);
}

/* --- where a key is in a line (GNU's begfield and limfield) ------------------------------ */

/* Past one field: up to the separator (-t), or over blanks then non-blanks. */
static const char *skip_field(const char *p, const char *lim)
{
    if (separator >= 0) {
        while (p < lim && *p != (char)separator)
            p++;
        return p;
    }
    while (p < lim && isblank((unsigned char)*p))
        p++;
    while (p < lim && !isblank((unsigned char)*p))
        p++;
    return p;
}

static const char *skip_blanks(const char *p, const char *lim)
{
    while (p < lim && isblank((unsigned char)*p))
        p++;
    return p;
}

static const char *key_start(const struct line *l, const struct key *k)
{
    const char *p = l->text, *lim = l->text + l->len;
    size_t n;

    for (n = 0; n < k->sword && p < lim; n++) {
        p = skip_field(p, lim);
        if (separator >= 0 && p < lim)
            p++;                                /* over the separator */
    }
    if (k->flags & SKIP_START)
        p = skip_blanks(p, lim);
    return (size_t)(lim - p) < k->schar ? lim : p + k->schar;
}

static const char *key_end(const struct line *l, const struct key *k)
{
    const char *p = l->text, *lim = l->text + l->len;
    size_t n, fields = k->echar == 0 ? k->eword + 1 : k->eword;   /* echar 0: all of field eword */

    if (k->eword == TO_LINE_END)
        return lim;
    for (n = 0; n < fields && p < lim; n++) {
        p = skip_field(p, lim);
        /* over the separator, unless it ends the key */
        if (separator >= 0 && p < lim && (n + 1 < fields || k->echar != 0))
            p++;
    }
    if (k->echar != 0) {
        if (k->flags & SKIP_END)
            p = skip_blanks(p, lim);
        p = (size_t)(lim - p) < k->echar ? lim : p + k->echar;
    }
    return p;
}

/* --- the comparisons of a key's text --------------------------------------------------- */

struct number {
    int negative;
    const char *digits, *fraction;      /* the integer part without leading zeros, the fraction
                                           without trailing zeros */
    size_t ndigits, nfraction;
};

/* The number s starts with, after blanks: ['-'] digits ['.' digits], as -n reads it. */
static struct number read_number(const char *s)
{
    struct number n = {0, NULL, NULL, 0, 0};

    s = skip_blanks(s, s + strlen(s));
    if (*s == '-') {
        n.negative = 1;
        s++;
    }
    while (*s == '0')
        s++;
    for (n.digits = s; isdigit((unsigned char)*s); s++)
        n.ndigits++;
    if (*s == '.')
        for (n.fraction = ++s; isdigit((unsigned char)*s); s++)
            n.nfraction++;
    while (n.nfraction > 0 && n.fraction[n.nfraction - 1] == '0')
        n.nfraction--;
    if (n.ndigits == 0 && n.nfraction == 0)
        n.negative = 0;                         /* -0 is 0 */
    return n;
}

/* -n: exact at any length, digit by digit, as GNU's strnumcmp. */
static int compare_numbers(const char *a, const char *b)
{
    struct number x = read_number(a), y = read_number(b);
    size_t i;
    int d = 0;

    if (x.negative != y.negative)
        return x.negative ? -1 : 1;
    if (x.ndigits != y.ndigits)
        d = x.ndigits < y.ndigits ? -1 : 1;
    else if ((d = memcmp(x.digits, y.digits, x.ndigits)) == 0) {
        for (i = 0; d == 0 && i < x.nfraction && i < y.nfraction; i++)
            d = x.fraction[i] - y.fraction[i];
        if (d == 0)
            d = (x.nfraction > y.nfraction) - (x.nfraction < y.nfraction);
    }
    return x.negative ? -d : d;
}

/* -h: the unit's rank (1 for K ... 8 for Y; 0 for none or for a number without a non-zero
   digit), negative for a negative number: every 1K is above every 999. */
static int unit_order(const char *s)
{
    static const char units[] = "KMGTPEZY";
    const char *unit;
    int negative, nonzero = 0;

    s = skip_blanks(s, s + strlen(s));
    negative = *s == '-';
    for (s += negative; isdigit((unsigned char)*s); s++)
        nonzero |= *s > '0';
    if (*s == '.')                              /* one fraction; "1.2.3K" has no unit */
        for (s++; isdigit((unsigned char)*s); s++)
            nonzero |= *s > '0';
    if (*s == 'k')
        unit = units;
    else if (*s == '\0' || (unit = strchr(units, *s)) == NULL)
        return 0;
    return nonzero ? (negative ? -1 : 1) * (int)(unit - units + 1) : 0;
}

static int compare_human(const char *a, const char *b)
{
    int d = unit_order(a) - unit_order(b);

    return d != 0 ? d : compare_numbers(a, b);
}

/* -g: strtod's numbers; what is not one comes first, then NaNs, then the numbers. */
static int compare_general(const char *a, const char *b)
{
    char *ea, *eb;
    double x = strtod(a, &ea), y = strtod(b, &eb);

    if (ea == a || eb == b)
        return (eb == b) - (ea == a);
    if (x != x || y != y)
        return (y != y) - (x != x);
    return (x > y) - (x < y);
}

/* -M: 1 for JAN to 12 for DEC (any case, after blanks), 0 for anything else. */
static int month(const char *s)
{
    static const char *const names[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                                        "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};
    int m;

    s = skip_blanks(s, s + strlen(s));
    for (m = 0; m < 12; m++)
        if (strncasecmp(s, names[m], 3) == 0)
            return m + 1;
    return 0;
}

/* -V, a character's rank in a version's non-digit part: the end first, then '~', then the
   digits (they start a number), letters, and everything else (gnulib's filevercmp). */
static int version_rank(const char *s, size_t pos, size_t len)
{
    unsigned char c;

    if (pos == len)
        return -1;
    c = (unsigned char)s[pos];
    if (isdigit(c))
        return 0;
    if (isalpha(c))
        return c;
    return c == '~' ? -2 : c + 256;
}

/* Alternating runs of non-digits (by rank) and of digits (by value). */
static int compare_version_parts(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t i = 0, j = 0;

    while (i < alen || j < blen) {
        int first_diff = 0;
        while ((i < alen && !isdigit((unsigned char)a[i])) || (j < blen && !isdigit((unsigned char)b[j]))) {
            int ra = version_rank(a, i, alen), rb = version_rank(b, j, blen);
            if (ra != rb)
                return ra - rb;
            i++;
            j++;
        }
        while (i < alen && a[i] == '0')
            i++;
        while (j < blen && b[j] == '0')
            j++;
        for (; i < alen && j < blen && isdigit((unsigned char)a[i]) && isdigit((unsigned char)b[j]); i++, j++)
            if (first_diff == 0)
                first_diff = a[i] - b[j];
        if (i < alen && isdigit((unsigned char)a[i]))
            return 1;
        if (j < blen && isdigit((unsigned char)b[j]))
            return -1;
        if (first_diff != 0)
            return first_diff;
    }
    return 0;
}

/* The length of s without its file suffix: the longest match of (\.[A-Za-z~][A-Za-z0-9~]*)*$
   (it may be all of s: ".a"). */
static size_t without_suffix(const char *s, size_t len)
{
    size_t start, i;

    for (start = 0; start < len; start++) {
        i = start;
        while (i + 1 < len && s[i] == '.' && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '~'))
            for (i += 2; i < len && (isalnum((unsigned char)s[i]) || s[i] == '~'); i++)
                ;
        if (i == len)
            return start;
    }
    return len;
}

/* -V: "" first, then ".", "..", other names starting with '.', then the rest; the names
   without their suffixes first, the whole names if those are equal. */
static int compare_versions(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t aprefix, bprefix;
    int d;

    if (alen == 0 || blen == 0)
        return (alen != 0) - (blen != 0);
    if (a[0] == '.' || b[0] == '.') {
        if (a[0] != b[0])
            return a[0] == '.' ? -1 : 1;
        if (alen == 1 || blen == 1)
            return (alen != 1) - (blen != 1);
        if ((alen == 2 && a[1] == '.') || (blen == 2 && b[1] == '.'))
            return !(alen == 2 && a[1] == '.') - !(blen == 2 && b[1] == '.');
    }
    aprefix = without_suffix(a, alen);
    bprefix = without_suffix(b, blen);
    d = compare_version_parts(a, aprefix, b, bprefix);
    if (d != 0 || (aprefix == alen && bprefix == blen))
        return d;
    return compare_version_parts(a, alen, b, blen);
}

/* Does -d or -i leave c out of the comparison? */
static int ignored(const struct key *k, unsigned char c)
{
    if (k->flags & DICTIONARY)
        return !isblank(c) && !isalnum(c);
    return (k->flags & PRINTABLE) && !isprint(c);
}

/* Byte by byte, with -f, -d and -i. */
static int compare_text(const struct key *k, const char *a, const char *alim, const char *b, const char *blim)
{
    for (;;) {
        int ca, cb;
        while (a < alim && ignored(k, (unsigned char)*a))
            a++;
        while (b < blim && ignored(k, (unsigned char)*b))
            b++;
        if (a == alim || b == blim)
            return (a < alim) - (b < blim);
        ca = (unsigned char)*a++;
        cb = (unsigned char)*b++;
        if (k->flags & FOLD) {
            ca = toupper(ca);
            cb = toupper(cb);
        }
        if (ca != cb)
            return ca - cb;
    }
}

static int compare_bytes(const char *a, size_t alen, const char *b, size_t blen)
{
    int d = memcmp(a, b, alen < blen ? alen : blen);

    return d != 0 ? d : (alen > blen) - (alen < blen);
}

/* A copy of [s, lim) that ends with a NUL, for the comparisons that read strings. */
static char *terminated(char **buf, size_t *size, const char *s, const char *lim)
{
    size_t len = (size_t)(lim - s);

    if (len + 1 > *size)
        *buf = xrealloc(*buf, *size = len + 1);
    memcpy(*buf, s, len);
    (*buf)[len] = '\0';
    return *buf;
}

static int compare_key(const struct key *k, const struct line *la, const struct line *lb)
{
    static char *abuf, *bbuf;
    static size_t asize, bsize;
    const char *a = key_start(la, k), *alim = key_end(la, k);
    const char *b = key_start(lb, k), *blim = key_end(lb, k);
    const char *sa, *sb;

    if (alim < a)               /* a key that ends before it starts is empty */
        alim = a;
    if (blim < b)
        blim = b;
    if (k->flags & VERSION)
        return compare_versions(a, (size_t)(alim - a), b, (size_t)(blim - b));
    if (!(k->flags & (NUMERIC | HUMAN | GENERAL | MONTH))) {
        if (k->flags & (FOLD | DICTIONARY | PRINTABLE))
            return compare_text(k, a, alim, b, blim);
        return compare_bytes(a, (size_t)(alim - a), b, (size_t)(blim - b));
    }
    sa = terminated(&abuf, &asize, a, alim);
    sb = terminated(&bbuf, &bsize, b, blim);
    if (k->flags & NUMERIC)
        return compare_numbers(sa, sb);
    if (k->flags & HUMAN)
        return compare_human(sa, sb);
    if (k->flags & GENERAL)
        return compare_general(sa, sb);
    return month(sa) - month(sb);
}

/* The keys, in turn: what -u and -s call "equal". */
static int compare_keys(const struct line *a, const struct line *b)
{
    size_t i;
    int d;

    for (i = 0; i < nkeys; i++)
        if ((d = compare_key(&keys[i], a, b)) != 0)
            return keys[i].flags & REVERSE ? -d : d;
    return 0;
}

/* The order of two lines: their keys, then (unless -s or -u) all their bytes. */
static int compare(const struct line *a, const struct line *b)
{
    int d = compare_keys(a, b);

    if (d != 0 || stable || unique)
        return d;
    d = compare_bytes(a->text, a->len, b->text, b->len);
    return global.flags & REVERSE ? -d : d;
}

static int compare_for_qsort(const void *pa, const void *pb)
{
    const struct line *a = pa, *b = pb;
    int d = compare(a, b);

    /* qsort is not stable: equal lines are put back in input order */
    return d != 0 ? d : (a->index > b->index) - (a->index < b->index);
}

/* --- options --------------------------------------------------------------------------- */

static void usage(void)
{
    fprintf(stderr, "usage: sort [-bcCdfghiMnrsuVz] [-t SEP] [-k POS1[,POS2]]... [-o FILE] [FILE...]\n");
    exit(2);
}

/* The modifier letters at s; 'b' means skip (SKIP_START or SKIP_END). Returns past them. */
static const char *read_modifiers(const char *s, unsigned *flags, unsigned skip)
{
    static const char letters[] = "dfghiMnrV";
    static const unsigned values[] = {DICTIONARY, FOLD, GENERAL, HUMAN, PRINTABLE, MONTH,
                                      NUMERIC, REVERSE, VERSION};
    const char *l;

    for (; *s != '\0'; s++) {
        if (*s == 'b')
            *flags |= skip;
        else if ((l = strchr(letters, *s)) != NULL)
            *flags |= values[l - letters];
        else
            break;
    }
    return s;
}

static void bad_key(const char *keydef, const char *why)
{
    fprintf(stderr, "sort: %s: invalid field specification '%s'\n", why, keydef);
    exit(2);
}

/* The number at *s of a key definition; moves *s past it. where: "at field start", "after '.'"... */
static size_t read_count(const char **s, const char *where)
{
    char *end;
    size_t n;

    if (!isdigit((unsigned char)**s)) {
        fprintf(stderr, "sort: invalid number %s: invalid count at start of '%s'\n", where, *s);
        exit(2);
    }
    n = strtoul(*s, &end, 10);
    *s = end;
    return n;
}

/* -k POS1[,POS2] */
static void add_key(const char *keydef)
{
    struct key k = {0, 0, TO_LINE_END, 0, 0};
    const char *s = keydef;

    if ((k.sword = read_count(&s, "at field start")) == 0)
        bad_key(keydef, "field number is zero");
    k.sword--;
    if (*s == '.') {
        s++;
        if ((k.schar = read_count(&s, "after '.'")) == 0)
            bad_key(keydef, "character offset is zero");
        k.schar--;
    }
    s = read_modifiers(s, &k.flags, SKIP_START);
    if (*s == ',') {
        s++;
        if ((k.eword = read_count(&s, "after ','")) == 0)
            bad_key(keydef, "field number is zero");
        k.eword--;
        if (*s == '.') {
            s++;
            k.echar = read_count(&s, "after '.'");
        }
        s = read_modifiers(s, &k.flags, SKIP_END);
    }
    if (*s != '\0')
        bad_key(keydef, "stray character in field spec");
    keys = xrealloc(keys, (nkeys + 1) * sizeof *keys);
    keys[nkeys++] = k;
}

static void set_separator(const char *arg)
{
    int c = arg[0] != '\0' && arg[1] != '\0' ? '\0' : (unsigned char)arg[0];   /* "\0": NUL */

    if (arg[0] == '\0') {
        fprintf(stderr, "sort: empty tab\n");
        exit(2);
    }
    if (arg[1] != '\0' && strcmp(arg, "\\0") != 0) {
        fprintf(stderr, "sort: multi-character tab '%s'\n", arg);
        exit(2);
    }
    if (separator >= 0 && separator != c) {
        fprintf(stderr, "sort: incompatible tabs\n");
        exit(2);
    }
    separator = c;
}

/* A key may compare in one way only: by number (-n), general number, human number, month, or
   text (which -V, -d and -i change). Else GNU's message, with the key's letters. */
static void check_compatible(const struct key *k)
{
    static const char letters[] = "dfghiMnV";
    static const unsigned values[] = {DICTIONARY, FOLD, GENERAL, HUMAN, PRINTABLE, MONTH, NUMERIC, VERSION};
    char opts[sizeof letters + 1] = "-", *o = opts + 1;
    unsigned ways = !!(k->flags & NUMERIC) + !!(k->flags & GENERAL) + !!(k->flags & HUMAN) +
                    !!(k->flags & MONTH) + !!(k->flags & (VERSION | DICTIONARY | PRINTABLE));
    size_t i;

    if (ways <= 1)
        return;
    for (i = 0; i < sizeof values / sizeof *values; i++)
        if (k->flags & values[i])
            *o++ = letters[i];
    *o = '\0';
    fprintf(stderr, "sort: options '%s' are incompatible\n", opts);
    exit(2);
}

/* -c, -C: is the input in order? Reports the first line that is not (with -c). */
static int check(const char *name, int quietly)
{
    size_t k;

    for (k = 1; k < nlines; k++) {
        int d = compare(&lines[k - 1], &lines[k]);
        if (d > 0 || (d == 0 && unique)) {
            if (!quietly) {
                fprintf(stderr, "sort: %s:%zu: disorder: ", name, k + 1);
                fwrite(lines[k].text, 1, lines[k].len, stderr);
                fputc('\n', stderr);
            }
            return 1;
        }
    }
    return 0;
}

static int write_lines(const char *output)
{
    FILE *out = output != NULL ? fopen(output, "w") : stdout;
    size_t k;

    if (out == NULL) {
        fprintf(stderr, "sort: open failed: %s: %s\n", output, strerror(errno));
        return 2;
    }
    for (k = 0; k < nlines; k++) {
        if (unique && k > 0 && compare_keys(&lines[k - 1], &lines[k]) == 0)
            continue;
        fwrite(lines[k].text, 1, lines[k].len, out);
        putc(delimiter, out);
    }
    if (out != stdout && fclose(out) != 0) {
        fprintf(stderr, "sort: write failed: %s: %s\n", output, strerror(errno));
        return 2;
    }
    return 0;
}

int main(int argc, char **argv)
{
    const char *output = NULL;
    int c, i, checking = 0, status = 0;
    size_t k;

    while ((c = getopt(argc, argv, "bcCdfghiMnrsuVzk:o:t:")) != -1) {
        char letter[2] = {(char)c, '\0'};
        switch (c) {
        case 'c': case 'C': checking = c; break;
        case 's': stable = 1; break;
        case 'u': unique = 1; break;
        case 'z': delimiter = '\0'; break;
        case 'k': add_key(optarg); break;
        case 'o': output = optarg; break;
        case 't': set_separator(optarg); break;
        case '?': usage(); break;
        default:
            read_modifiers(letter, &global.flags, SKIP_START | SKIP_END);
        }
    }
    /* a key without modifiers takes the global ones; no key: the line is the key */
    for (k = 0; k < nkeys; k++)
        if (keys[k].flags == 0)
            keys[k].flags = global.flags;
    if (nkeys == 0) {
        keys = &global;
        nkeys = 1;
    }
    for (k = 0; k < nkeys; k++)
        check_compatible(&keys[k]);
    if (checking && argc - optind > 1) {
        fprintf(stderr, "sort: extra operand '%s' not allowed with -%c\n", argv[optind + 1], checking);
        return 2;
    }
    if (optind == argc)
        read_lines(stdin);
    for (i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "sort: cannot read: %s: %s\n", argv[i], strerror(errno));
            status = 2;
            continue;
        }
        read_lines(f);
        if (f != stdin)
            fclose(f);
    }
    if (status != 0)
        return status;              /* like GNU sort: no output if an input was missing */
    if (checking)
        return check(optind < argc ? argv[optind] : "-", checking == 'C');
    qsort(lines, nlines, sizeof *lines, compare_for_qsort);
    return write_lines(output);
}
