/*
 * nl - number the lines of files.
 *
 *     nl [-p] [-b STYLE] [-h STYLE] [-f STYLE] [-d CC] [-n FORMAT] [-w WIDTH] [-s SEP]
 *        [-v START] [-i INCR] [-l N] [FILE...]
 *
 * Copies the files (standard input without one, or for "-"), read as one stream, putting a line
 * number and SEP (a tab) in front of the lines STYLE says to number, and WIDTH + length of SEP
 * spaces in front of the others.
 *   STYLE (-b for the body, -h the header, -f the footer):
 *       a  every line      t  the lines that are not empty (the body's default)
 *       n  no line (the header's and footer's default)     pBRE  the lines BRE matches
 *   -n FORMAT  ln: left-justified; rn: right-justified (the default); rz: right, zero-padded
 *   -w WIDTH   the number's width (6)          -s SEP   what follows the number (a tab)
 *   -v START   the first number (1)            -i INCR  the step between numbers (1)
 *   -l N       with "a", a run of N empty lines is numbered once (on its Nth)
 *   -d CC      the two characters that make the section delimiters (\:); one: its second is ':'
 *   -p         do not start the numbers again at each logical page
 * A logical page is a header, a body and a footer; the lines CCCCCC, CCCC and CC alone start
 * them (the delimiter lines are written as empty lines), and each page numbers from START again.
 * A last line without a newline gets one, as in GNU nl.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <errno.h>
#include <inttypes.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { HEADER, BODY, FOOTER };

struct style {
    char kind;                  /* a t n p */
    regex_t re;                 /* for p */
};

static struct style styles[3] = { { 'n' }, { 't' }, { 'n' } };
static int section = BODY;
static const char *format = "rn";
static int width = 6;
static const char *separator = "\t";
static intmax_t start = 1, increment = 1, number;
static long blank_join = 1, blank_run;
static int restart = 1;
static char delim[3] = "\\:";

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: nl [-p] [-b STYLE] [-h STYLE] [-f STYLE] [-d CC] [-n FORMAT] [-w WIDTH]"
                    " [-s SEP] [-v START] [-i INCR] [-l N] [FILE...]\n");
    exit(1);
}

static void parse_style(struct style *s, const char *arg, const char *what)
{
    s->kind = arg[0];
    if ((arg[0] == 'a' || arg[0] == 't' || arg[0] == 'n') && arg[1] == '\0')
        return;
    if (arg[0] == 'p') {
        int err = regcomp(&s->re, arg + 1, REG_NOSUB);

        if (err != 0) {
            char message[200];

            regerror(err, &s->re, message, sizeof message);
            fprintf(stderr, "nl: %s\n", message);
            exit(1);
        }
        return;
    }
    fprintf(stderr, "nl: invalid %s numbering style: '%s'\n", what, arg);
    usage();
}

static intmax_t number_arg(const char *arg, const char *what, intmax_t low)
{
    char *end;
    intmax_t n;

    errno = 0;
    n = strtoimax(arg, &end, 10);
    if (end == arg || *end != '\0' || errno != 0 || n < low) {
        fprintf(stderr, "nl: invalid %s: '%s'\n", what, arg);
        exit(1);
    }
    return n;
}

/* the section a delimiter line starts, or -1 if line (without its newline) is not one */
static int delimiter_line(const char *line, size_t len)
{
    size_t d = strlen(delim);

    if (d == 0 || len == 0 || len % d != 0 || len / d > 3)
        return -1;
    for (size_t i = 0; i < len; i += d)
        if (memcmp(line + i, delim, d) != 0)
            return -1;
    return (int)(3 - len / d);      /* three delimiters: header, two: body, one: footer */
}

static void put_number(void)
{
    if (strcmp(format, "ln") == 0)
        printf("%-*jd", width, number);
    else if (strcmp(format, "rz") == 0)
        printf("%0*jd", width, number);
    else
        printf("%*jd", width, number);
    fputs(separator, stdout);
    number += increment;
}

static void put_blank(void)
{
    printf("%*s", width + (int)strlen(separator), "");
}

static void number_line(char *line, size_t len)
{
    struct style *s = &styles[section];
    int numbered;

    switch (s->kind) {
    case 'a':
        if (blank_join > 1 && len == 0) {
            numbered = ++blank_run == blank_join;
            if (numbered)
                blank_run = 0;
        } else {
            numbered = 1;
            blank_run = 0;
        }
        break;
    case 't': numbered = len > 0; break;
    case 'p': numbered = regexec(&s->re, line, 0, NULL, 0) == 0; break;
    default: numbered = 0; break;
    }
    if (numbered)
        put_number();
    else
        put_blank();
    fwrite(line, 1, len, stdout);
    putchar('\n');
}

static void number_file(FILE *f)
{
    char *line = NULL;
    size_t size = 0;
    ssize_t n;

    while ((n = getline(&line, &size, f)) >= 0) {
        size_t len = (size_t)n;
        int next;

        if (len > 0 && line[len - 1] == '\n')
            line[--len] = '\0';
        if ((next = delimiter_line(line, len)) >= 0) {
            section = next;
            if (restart)
                number = start;
            putchar('\n');
            continue;
        }
        number_line(line, len);
    }
    free(line);
}

int main(int argc, char **argv)
{
    int status = 0, c;

    while ((c = getopt(argc, argv, "b:d:f:h:i:l:n:ps:v:w:")) != -1) {
        switch (c) {
        case 'b': parse_style(&styles[BODY], optarg, "body"); break;
        case 'h': parse_style(&styles[HEADER], optarg, "header"); break;
        case 'f': parse_style(&styles[FOOTER], optarg, "footer"); break;
        case 'd':
            /* one character: the second stays ':' (POSIX) */
            delim[0] = optarg[0];
            if (optarg[0] != '\0' && optarg[1] != '\0')
                delim[1] = optarg[1];
            if (optarg[0] == '\0')
                delim[0] = '\0';
            break;
        case 'i': increment = number_arg(optarg, "line number increment", INTMAX_MIN); break;
        case 'l': blank_join = (long)number_arg(optarg, "line number of blank lines", 1); break;
        case 'n':
            if (strcmp(optarg, "ln") != 0 && strcmp(optarg, "rn") != 0 && strcmp(optarg, "rz") != 0) {
                fprintf(stderr, "nl: invalid line numbering format: '%s'\n", optarg);
                usage();
            }
            format = optarg;
            break;
        case 'p': restart = 0; break;
        case 's': separator = optarg; break;
        case 'v': start = number_arg(optarg, "starting line number", INTMAX_MIN); break;
        case 'w': width = (int)number_arg(optarg, "line number field width", 1); break;
        default: usage();
        }
    }
    number = start;
    if (optind == argc)
        number_file(stdin);
    for (int i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");

        if (f == NULL) {
            fprintf(stderr, "nl: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        number_file(f);
        if (f != stdin)
            fclose(f);
    }
    return status;
}
