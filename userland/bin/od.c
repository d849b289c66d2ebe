/*
 * od - dump files as octal, decimal, hexadecimal or characters ("octal dump").
 *
 *     od [-v] [-A d|o|x|n] [-j SKIP] [-N COUNT] [-t TYPE]... [-bcdosx] [FILE...]
 *
 * The files (standard input without one, or for "-") are read as one stream and shown 16 bytes a
 * line, each line starting with its offset, once in each TYPE (one line per type):
 *   a        named characters: nul, nl, sp, ... (the low 7 bits)
 *   c        characters: printable ones as themselves, \0 \a \b \f \n \r \t \v, others in octal
 *   d SIZE   signed decimal       o SIZE  octal       u SIZE  unsigned decimal   x SIZE  hex
 *            SIZE: 1, 2, 4 or 8 bytes (C, S, I, L: char, short, int, long); 4 if omitted;
 *            little-endian numbers
 * Older options: -b is -t o1, -c -t c, -d -t u2, -o -t o2, -s -t d2, -x -t x2. The default
 * is -t o2.
 *   -A RADIX  the offsets in decimal, octal (the default), hex, or not at all (n)
 *   -j SKIP   skip SKIP bytes first        -N COUNT  show at most COUNT bytes
 *   -v        show every line: without it a line equal to the one before is shown as "*"
 * The fields line up across types as GNU od's do, and the last line is the offset at the end.
 * Exit status: 0, or 1 if a file could not be read.
 * Not supported: floating-point types (f), SKIP/COUNT suffixes (b, k, m), -w, GNU's long options.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define LINE 16                 /* bytes a line */
#define MAX_TYPES 16

struct type {
    char kind;                  /* a c d o u x */
    int size;                   /* bytes a field */
    int width;                  /* characters a field needs (without the space before it) */
    int pad;                    /* spaces this type adds to a line to line up with the others */
};

static struct type types[MAX_TYPES];
static int ntypes;
static int status;

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: od [-v] [-A d|o|x|n] [-j SKIP] [-N COUNT] [-t TYPE]... [-bcdosx] [FILE...]\n");
    exit(1);
}

/* The widest a field of this kind and size can print: "377", "-128", "ff", "nul" ... */
static int field_width(char kind, int size)
{
    static const int octal[] = { 0, 3, 6, 0, 11, 0, 0, 0, 22 };
    static const int unsigned_dec[] = { 0, 3, 5, 0, 10, 0, 0, 0, 20 };
    static const int signed_dec[] = { 0, 4, 6, 0, 11, 0, 0, 0, 20 };

    switch (kind) {
    case 'o': return octal[size];
    case 'u': return unsigned_dec[size];
    case 'd': return signed_dec[size];
    case 'x': return 2 * size;
    default: return 3;          /* a, c */
    }
}

static void add_type(char kind, int size)
{
    if (ntypes == MAX_TYPES) {
        fprintf(stderr, "od: too many types\n");
        exit(1);
    }
    types[ntypes].kind = kind;
    types[ntypes].size = size;
    types[ntypes].width = field_width(kind, size);
    ntypes++;
}

/* -t TYPES: one or more types run together ("x1c", "d4"). */
static void add_types(const char *spec)
{
    const char *p = spec;

    while (*p) {
        char kind = *p++;
        int size = 1;

        if (kind == 'd' || kind == 'o' || kind == 'u' || kind == 'x') {
            size = 4;
            if (*p == 'C')
                size = 1, p++;
            else if (*p == 'S')
                size = 2, p++;
            else if (*p == 'I')
                size = 4, p++;
            else if (*p == 'L')
                size = 8, p++;
            else if (*p >= '0' && *p <= '9')
                size = (int)strtol(p, (char **)&p, 10);
            if (size != 1 && size != 2 && size != 4 && size != 8) {
                fprintf(stderr, "od: invalid type string '%s';\nthis system doesn't provide a %d-byte integral type\n", spec, size);
                exit(1);
            }
        } else if (kind != 'a' && kind != 'c') {
            fprintf(stderr, "od: invalid character '%c' in type string '%s'\n", kind, spec);
            exit(1);
        }
        add_type(kind, size);
    }
}

/* Every type's line is as wide as the widest one's: the others get padding (GNU od's rule). */
static void line_up_types(void)
{
    int i, widest = 0;

    for (i = 0; i < ntypes; i++) {
        int line_width = (types[i].width + 1) * (LINE / types[i].size);
        if (line_width > widest)
            widest = line_width;
    }
    for (i = 0; i < ntypes; i++)
        types[i].pad = widest - types[i].width * (LINE / types[i].size);
}

/* The value of the size bytes at p, little-endian. */
static unsigned long long little_endian(const unsigned char *p, int size)
{
    unsigned long long v = 0;
    int i;

    for (i = size - 1; i >= 0; i--)
        v = v << 8 | p[i];
    return v;
}

/* One field's text into buf. */
static void format_field(const struct type *t, const unsigned char *p, char *buf)
{
    static const char *const names[] = {
        "nul", "soh", "stx", "etx", "eot", "enq", "ack", "bel", "bs", "ht", "nl", "vt", "ff", "cr",
        "so", "si", "dle", "dc1", "dc2", "dc3", "dc4", "nak", "syn", "etb", "can", "em", "sub",
        "esc", "fs", "gs", "rs", "us", "sp",
    };
    unsigned long long v = little_endian(p, t->size);
    int c = p[0];

    switch (t->kind) {
    case 'a':
        c &= 0x7f;
        if (c <= ' ')
            strcpy(buf, names[c]);
        else if (c == 0x7f)
            strcpy(buf, "del");
        else
            sprintf(buf, "%c", c);
        break;
    case 'c':
        if (c && strchr("\a\b\f\n\r\t\v", c))
            sprintf(buf, "\\%c", "abfnrtv"[strchr("\a\b\f\n\r\t\v", c) - "\a\b\f\n\r\t\v"]);
        else if (c == 0)
            strcpy(buf, "\\0");
        else if (c >= ' ' && c < 0x7f)
            sprintf(buf, "%c", c);
        else
            sprintf(buf, "%03o", c);
        break;
    case 'o':
        sprintf(buf, "%0*llo", t->width, v);
        break;
    case 'x':
        sprintf(buf, "%0*llx", t->width, v);
        break;
    case 'u':
        sprintf(buf, "%llu", v);
        break;
    default: {                  /* 'd': sign-extend from size bytes */
        int shift = 64 - 8 * t->size;
        sprintf(buf, "%lld", (long long)(v << shift) >> shift);
    }
    }
}

/* One type's fields for the n bytes of a line (a last, short line is padded with zero bytes
 * to whole fields). The padding is shared out among the fields as GNU od shares it. */
static void print_fields(const struct type *t, const unsigned char *bytes, int n)
{
    int fields = LINE / t->size, shown = (n + t->size - 1) / t->size, i, pad_left = t->pad;
    char buf[32];

    for (i = 0; i < shown; i++) {
        int next_pad = t->pad * (fields - i - 1) / fields;

        format_field(t, bytes + i * t->size, buf);
        printf("%*s", pad_left - next_pad + t->width, buf);
        pad_left = next_pad;
    }
    printf("\n");
}

/* The bytes to show, from the files one after the other. */
struct input {
    char **files;
    int next;                   /* the next file to open */
    FILE *f;
    int opened;                 /* a file could be opened (if none, not even the offset is shown) */
};

static int get_byte(struct input *in)
{
    int c;

    for (;;) {
        if (in->f != NULL && (c = getc(in->f)) != EOF)
            return c;
        if (in->f != NULL && in->f != stdin)
            fclose(in->f);
        in->f = NULL;
        if (in->files[in->next] == NULL)
            return EOF;
        in->f = strcmp(in->files[in->next], "-") == 0 ? stdin : fopen(in->files[in->next], "r");
        if (in->f != NULL) {
            in->opened = 1;
        } else {
            fprintf(stderr, "od: %s: %s\n", in->files[in->next], strerror(errno));
            status = 1;
        }
        in->next++;
    }
}

static void print_offset(char radix, unsigned long long offset)
{
    if (radix == 'o')
        printf("%07llo", offset);
    else if (radix == 'd')
        printf("%07llu", offset);
    else if (radix == 'x')
        printf("%06llx", offset);
}

int main(int argc, char **argv)
{
    static char *stdin_only[] = { "-", NULL };
    struct input in = { NULL, 0, NULL, 0 };
    unsigned char line[LINE], previous[LINE];
    unsigned long long offset = 0, skip = 0, limit = 0;
    int all = 0, limited = 0, starred = 0, have_previous = 0, c, n, i;
    char radix = 'o', *end;

    while ((c = getopt(argc, argv, "vA:j:N:t:bcdosx")) != -1) {
        switch (c) {
        case 'v': all = 1; break;
        case 'A':
            if (strlen(optarg) != 1 || !strchr("doxn", optarg[0])) {
                fprintf(stderr, "od: invalid output address radix '%s'; it must be one character from [doxn]\n", optarg);
                exit(1);
            }
            radix = optarg[0];
            break;
        case 'j':
        case 'N':
            errno = 0;
            if (c == 'j')
                skip = strtoull(optarg, &end, 0);
            else
                limit = strtoull(optarg, &end, 0), limited = 1;
            if (*optarg == '\0' || *end != '\0' || errno) {
                fprintf(stderr, "od: invalid %s argument '%s'\n", c == 'j' ? "skip" : "count", optarg);
                exit(1);
            }
            break;
        case 't': add_types(optarg); break;
        case 'b': add_type('o', 1); break;
        case 'c': add_type('c', 1); break;
        case 'd': add_type('u', 2); break;
        case 'o': add_type('o', 2); break;
        case 's': add_type('d', 2); break;
        case 'x': add_type('x', 2); break;
        default: usage();
        }
    }
    if (ntypes == 0)
        add_type('o', 2);
    line_up_types();
    in.files = optind < argc ? argv + optind : stdin_only;

    for (; offset < skip && get_byte(&in) != EOF; offset++)
        ;
    for (;;) {
        for (n = 0; n < LINE && (!limited || offset + (unsigned long long)n < skip + limit); n++) {
            if ((c = get_byte(&in)) == EOF)
                break;
            line[n] = (unsigned char)c;
        }
        if (n == 0)
            break;
        memset(line + n, 0, (size_t)(LINE - n));
        if (!all && have_previous && n == LINE && memcmp(line, previous, LINE) == 0) {
            if (!starred)
                printf("*\n");
            starred = 1;
        } else {
            for (i = 0; i < ntypes; i++) {
                if (i == 0)
                    print_offset(radix, offset);
                else if (radix != 'n')
                    printf("%*s", radix == 'x' ? 6 : 7, "");
                print_fields(&types[i], line, n);
            }
            starred = 0;
        }
        memcpy(previous, line, LINE);
        have_previous = n == LINE;
        offset += (unsigned long long)n;
        if (n < LINE)
            break;
    }
    if (radix != 'n' && in.opened) {
        print_offset(radix, offset);
        printf("\n");
    }
    return status;
}
