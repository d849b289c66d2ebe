/*
 * paste - merge the lines of files side by side (or each file into one line).
 *
 *     paste [-s] [-z] [-d LIST] [FILE...]
 *
 * Without -s, line N of the output is line N of every FILE, in order, separated by the
 * delimiters of LIST (a tab by default) taken in turn and starting again on each line; a file
 * that has run out gives empty fields, and the output ends when every file has. With -s
 * ("serial"), each FILE becomes one output line: its lines joined by LIST's delimiters in turn.
 * A FILE of "-" (or none) is standard input; "-" given several times takes one line from it
 * for each.
 *   -d LIST  the delimiters; in LIST \n \t \\ \b \f \r \v are escapes and \0 is "no delimiter"
 *   -z       lines end with NUL bytes, not newlines (GNU)
 * A last line without a newline gets one, as POSIX asks. The output is GNU paste's, byte for
 * byte: a delimiter after a file that has run out is written only if something follows it on
 * the line.
 * Exit status: 0, or 1 if a file could not be read (without -s, paste stops at once, as GNU's).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define NO_DELIM (-1)           /* \0 in LIST: nothing between these two fields */

static int *delims;             /* each a byte or NO_DELIM */
static int ndelims;
static int line_end = '\n';

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: paste [-s] [-z] [-d LIST] [FILE...]\n");
    exit(1);
}

/* LIST with its escapes undone, into delims[] */
static void parse_delims(const char *list)
{
    const char *p;

    delims = malloc((strlen(list) + 1) * sizeof *delims);
    if (*list == '\0') {                    /* -d '': GNU takes it as \0 */
        delims[ndelims++] = NO_DELIM;
        return;
    }
    for (p = list; *p; p++) {
        if (*p != '\\') {
            delims[ndelims++] = (unsigned char)*p;
            continue;
        }
        switch (*++p) {
        case '\0':
            fprintf(stderr, "paste: delimiter list ends with an unescaped backslash: %s\n", list);
            exit(1);
        case '0': delims[ndelims++] = NO_DELIM; break;
        case 'b': delims[ndelims++] = '\b'; break;
        case 'f': delims[ndelims++] = '\f'; break;
        case 'n': delims[ndelims++] = '\n'; break;
        case 'r': delims[ndelims++] = '\r'; break;
        case 't': delims[ndelims++] = '\t'; break;
        case 'v': delims[ndelims++] = '\v'; break;
        default: delims[ndelims++] = (unsigned char)*p; break;     /* \\ and any other \X: X */
        }
    }
}

static FILE *open_input(const char *name)
{
    if (strcmp(name, "-") == 0)
        return stdin;
    return fopen(name, "r");
}

static void close_input(FILE *f)
{
    if (f != stdin)
        fclose(f);
}

/* -s: each file's lines joined into one */
static int paste_serial(int nfiles, char **names)
{
    int status = 0;

    for (int i = 0; i < nfiles; i++) {
        FILE *f = open_input(names[i]);
        int c, prev, d = 0;

        if (f == NULL) {
            fprintf(stderr, "paste: %s: %s\n", names[i], strerror(errno));
            status = 1;
            continue;
        }
        /* one character behind, so that the last line's end is not made a delimiter */
        prev = getc(f);
        if (prev != EOF) {
            while ((c = getc(f)) != EOF) {
                if (prev == line_end) {
                    if (delims[d] != NO_DELIM)
                        putchar(delims[d]);
                    d = (d + 1) % ndelims;
                } else {
                    putchar(prev);
                }
                prev = c;
            }
            putchar(prev);
        }
        if (prev != line_end)               /* also an empty file: one empty line */
            putchar(line_end);
        close_input(f);
    }
    return status;
}

/* the files side by side */
static int paste_parallel(int nfiles, char **names)
{
    FILE **files = malloc(nfiles * sizeof *files);
    char *saved = malloc(nfiles + 1);       /* delimiters after files that ran out, held back */
    int open_count = 0;

    for (int i = 0; i < nfiles; i++) {
        if ((files[i] = open_input(names[i])) == NULL) {
            fprintf(stderr, "paste: %s: %s\n", names[i], strerror(errno));
            exit(1);
        }
        open_count++;
    }
    while (open_count > 0) {
        int something = 0, nsaved = 0, d = 0;

        for (int i = 0; i < nfiles && open_count > 0; i++) {
            int c = EOF, got = 0;

            if (files[i] != NULL) {
                c = getc(files[i]);
                if (c != EOF && nsaved > 0) {
                    fwrite(saved, 1, nsaved, stdout);
                    nsaved = 0;
                }
                while (c != EOF) {
                    got = 1;
                    if (c == line_end)
                        break;
                    putchar(c);
                    c = getc(files[i]);
                }
            }
            if (!got) {                     /* this file has run out (now or before) */
                if (files[i] != NULL) {
                    close_input(files[i]);
                    files[i] = NULL;
                    open_count--;
                }
                if (i + 1 == nfiles) {
                    if (something) {        /* the line had something: end it */
                        fwrite(saved, 1, nsaved, stdout);
                        nsaved = 0;
                        putchar(line_end);
                    }
                } else {
                    if (delims[d] != NO_DELIM)
                        saved[nsaved++] = (char)delims[d];
                    d = (d + 1) % ndelims;
                }
            } else {
                something = 1;
                if (i + 1 != nfiles) {
                    if (delims[d] != NO_DELIM)
                        putchar(delims[d]);
                    d = (d + 1) % ndelims;
                } else {
                    putchar(line_end);      /* also when the last line had none */
                }
            }
        }
    }
    return 0;
}

int main(int argc, char **argv)
{
    int serial = 0, c;
    const char *list = "\t";
    static char *just_stdin[] = { "-" };

    while ((c = getopt(argc, argv, "d:sz")) != -1) {
        switch (c) {
        case 'd': list = optarg; break;
        case 's': serial = 1; break;
        case 'z': line_end = '\0'; break;
        default: usage();
        }
    }
    parse_delims(list);
    argc -= optind;
    argv += optind;
    if (argc == 0) {
        argc = 1;
        argv = just_stdin;
    }
    c = serial ? paste_serial(argc, argv) : paste_parallel(argc, argv);
    if (fflush(stdout) != 0 || ferror(stdout)) {
        fprintf(stderr, "paste: write error: %s\n", strerror(errno));
        return 1;
    }
    return c;
}
