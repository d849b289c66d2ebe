/*
 * tail - print the last lines, or bytes, of files.
 *
 *     tail [-n [+]N] [-c [+]N] [-q | -v] [-f [-s SECONDS]] [FILE...]
 *     tail -N [FILE...]    tail +N [FILE...]
 *
 * Prints the last N lines (default 10) of each FILE, or of standard input for no FILE or "-";
 * with -n +N, every line from line N on. -c N and -c +N count bytes instead. With several files,
 * each one is introduced by a header "==> FILE <==", separated by a blank line; -q never prints
 * the headers, -v always does. -f follows the files: it does not end, but goes on printing what
 * is added to them (checking every second, or every -s SECONDS; "file truncated" when one
 * shrinks), until it is killed; a pipe is not followed, as it has ended (POSIX: -f is for a
 * regular file). -N and +N are the old ways to write -n N and -n +N, and as in GNU's
 * tail only the first argument can be one. Other options may follow the files: libc's getopt
 * reorders them, as glibc's does (tail file -n 3).
 * The last N lines are kept in a ring of N lines while the file is read, so any input works,
 * a pipe included, in memory for only N lines (or N bytes).
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#define PROGRAM "tail"
#define SIGNS "+-"
#include "headtail.h"

struct line {
    char *text;
    size_t len;
};

static _Noreturn void usage(void)
{
    fprintf(stderr, "usage: tail [-n [+]N] [-c [+]N] [-q | -v] [-f [-s SECONDS]] [FILE...]\n");
    exit(1);
}

/* Print the bytes of f from byte n on (1-based). */
static void tail_bytes_from(FILE *f, long n)
{
    long skipped = 1;
    int c;

    while ((c = getc(f)) != EOF)
        if (skipped++ >= n)
            putchar(c);
}

/* Print the last n bytes of f: a ring of n bytes. */
static void tail_last_bytes(FILE *f, long n)
{
    char *ring;
    long count = 0, i;
    int c;

    if (n == 0)
        return;
    ring = malloc((size_t)n);
    if (ring == NULL) {
        fprintf(stderr, "tail: out of memory\n");
        exit(1);
    }
    while ((c = getc(f)) != EOF)
        ring[count++ % n] = (char)c;
    for (i = count > n ? count - n : 0; i < count; i++)
        putchar(ring[i % n]);
    free(ring);
}

/* Print the lines of f from line n on (1-based). */
static void tail_from(FILE *f, long n)
{
    char *text = NULL;
    size_t size = 0;
    ssize_t len;
    long lineno = 0;

    while ((len = getline(&text, &size, f)) >= 0)
        if (++lineno >= n)
            fwrite(text, 1, (size_t)len, stdout);
    free(text);
}

/* Print the last n lines of f. */
static void tail_last(FILE *f, long n)
{
    struct line *ring;
    long count = 0, i;
    char *text = NULL;
    size_t size = 0;
    ssize_t len;

    if (n == 0)
        return;
    ring = calloc((size_t)n, sizeof *ring);
    if (ring == NULL) {
        fprintf(stderr, "tail: out of memory\n");
        exit(1);
    }
    while ((len = getline(&text, &size, f)) >= 0) {
        struct line *slot = &ring[count++ % n];
        free(slot->text);
        slot->text = text;          /* keep getline's buffer; it allocates a new one */
        slot->len = (size_t)len;
        text = NULL;
        size = 0;
    }
    free(text);
    for (i = count > n ? count - n : 0; i < count; i++)
        fwrite(ring[i % n].text, 1, ring[i % n].len, stdout);
    for (i = 0; i < n; i++)
        free(ring[i].text);
    free(ring);
}

/* -s SECONDS: a number of seconds, maybe with a fraction (0.5). */
static struct timespec parse_interval(const char *s)
{
    char *end;
    double seconds = strtod(s, &end);
    struct timespec t;

    if (end == s || *end != '\0' || !(seconds >= 0 && seconds < 1e9)) {
        fprintf(stderr, "tail: invalid number of seconds: '%s'\n", s);
        exit(1);
    }
    t.tv_sec = (time_t)seconds;
    t.tv_nsec = (long)((seconds - (double)t.tv_sec) * 1e9);
    return t;
}

/* Is f worth following (-f)? A regular file can grow; a pipe or a terminal has ended. */
static int followable(FILE *f)
{
    struct stat st;

    return fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode);
}

/* -f: print what is added to each file as it comes, with a header when the output moves from one
 * file to another (last: the file printed last), and start a file over when it shrinks (it was
 * truncated, as a log is emptied). Never returns: tail -f ends when it is killed. */
static _Noreturn void follow(FILE **files, char **names, int n, int headers, int last, struct timespec every)
{
    struct stat st;
    int i, c;

    for (;;) {
        for (i = 0; i < n; i++) {
            if (files[i] == NULL)
                continue;
            if (fstat(fileno(files[i]), &st) == 0 && st.st_size < ftell(files[i])) {
                fprintf(stderr, "tail: %s: file truncated\n", names[i]);
                fseek(files[i], 0, SEEK_SET);
            }
            clearerr(files[i]);                 /* past the old end-of-file, read again */
            while ((c = getc(files[i])) != EOF) {
                if (headers && i != last)
                    printf("\n==> %s <==\n", names[i]);
                last = i;
                putchar(c);
            }
        }
        fflush(stdout);
        nanosleep(&every, NULL);
    }
}

int main(int argc, char **argv)
{
    struct counting k = {10, 0, 0, -1};
    int c, status = 0, i, from_start;
    int following = 0, nfollowed = 0, last = -1;     /* -f; the files followed; which printed last */
    struct timespec every = {1, 0};
    FILE **followed, *f;
    char **followed_names;

    old_count(&argc, &argv, &k);
    while ((c = getopt(argc, argv, "n:c:qvfs:")) != -1) {
        if (count_option(c, &k))
            continue;
        if (c == 'f')
            following = 1;
        else if (c == 's')
            every = parse_interval(optarg);
        else
            usage();
    }
    files_or_stdin(argc, argv, &optind, &k);
    from_start = k.sign == '+';
    followed = calloc((size_t)(argc - optind), sizeof *followed);
    followed_names = calloc((size_t)(argc - optind), sizeof *followed_names);
    if (followed == NULL || followed_names == NULL) {
        fprintf(stderr, "tail: out of memory\n");
        return 1;
    }
    for (i = optind; i < argc; i++) {
        if ((f = open_file(argv[i], &k, &status)) == NULL)
            continue;
        if (k.bytes && from_start)
            tail_bytes_from(f, k.count);
        else if (k.bytes)
            tail_last_bytes(f, k.count);
        else if (from_start)
            tail_from(f, k.count);
        else
            tail_last(f, k.count);
        last = -1;
        if (following && followable(f)) {
            last = nfollowed;
            followed[nfollowed] = f;
            followed_names[nfollowed++] = argv[i];
        } else if (f != stdin) {
            fclose(f);
        }
    }
    if (nfollowed > 0)
        follow(followed, followed_names, nfollowed, k.headers, last, every);
    return status;
}
