/*
 * wc - count lines, words and bytes.
 *
 *     wc [-l] [-w] [-m] [-c] [-L] [FILE...]
 *
 * For each FILE (or standard input, for no FILE or "-") prints the number of newlines (-l),
 * of words (-w: runs of characters other than white space), of characters (-m: ufos has only
 * the C locale, where a character is a byte), of bytes (-c) and the length of the longest line
 * (-L: as displayed, a tab reaching the next multiple of 8 and an unprintable byte taking no
 * room, as GNU's wc measures it), in that order, then the file name; with several files, a
 * last line of totals (for -L the longest of all). Without options -l, -w and -c are
 * printed. The columns are padded as GNU wc pads them: no padding for one count of one file,
 * otherwise wide enough for the total size of the regular files, and 7 if an input is not a
 * regular file (its size cannot be known in advance).
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct counts {
    long lines, words, bytes, longest;
};

static int show_lines, show_words, show_chars, show_bytes, show_longest, width;

/* For -L: the display column after byte c, shown at column. */
static long advance(long column, unsigned char c)
{
    if (c == '\t')
        return column + 8 - column % 8;
    return isprint(c) ? column + 1 : column;
}

/* Count what fd holds. Returns 0, or -1 with errno set. */
static int count(int fd, struct counts *c)
{
    unsigned char buf[4096];
    ssize_t n, i;
    int in_word = 0;
    long column = 0;

    while ((n = read(fd, buf, sizeof buf)) > 0) {
        c->bytes += n;
        for (i = 0; i < n; i++) {
            if (buf[i] == '\n')
                c->lines++;
            /* GNU's wc ends a line, for -L, at a carriage return or form feed too */
            if (buf[i] == '\n' || buf[i] == '\r' || buf[i] == '\f') {
                c->longest = column > c->longest ? column : c->longest;
                column = 0;
            } else {
                column = advance(column, buf[i]);
            }
            if (isspace(buf[i])) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
    c->longest = column > c->longest ? column : c->longest;
    return n < 0 ? -1 : 0;
}

/* Print one count, after the ones already printed on this line (*sep says if any were). */
static void print_count(long count, const char **sep)
{
    printf("%s%*ld", *sep, width, count);
    *sep = " ";
}

static void print(const struct counts *c, const char *name)
{
    const char *sep = "";

    if (show_lines)
        print_count(c->lines, &sep);
    if (show_words)
        print_count(c->words, &sep);
    if (show_chars)
        print_count(c->bytes, &sep);
    if (show_bytes)
        print_count(c->bytes, &sep);
    if (show_longest)
        print_count(c->longest, &sep);
    if (name != NULL)
        printf(" %s", name);
    putchar('\n');
}

/* The column width, worked out before anything is read (see the comment at the top). */
static int column_width(int nfiles, char **files)
{
    struct stat st;
    long total = 0;
    int i, w = 1, minimum = 1;

    if (show_lines + show_words + show_chars + show_bytes + show_longest == 1 && nfiles <= 1)
        return 1;
    if (nfiles == 0)
        return 7;
    for (i = 0; i < nfiles; i++) {
        if (strcmp(files[i], "-") != 0 && stat(files[i], &st) == 0 && S_ISREG(st.st_mode))
            total += st.st_size;
        else if (strcmp(files[i], "-") == 0 || errno != ENOENT)
            minimum = 7;
    }
    for (; total >= 10; total /= 10)
        w++;
    return w > minimum ? w : minimum;
}

int main(int argc, char **argv)
{
    struct counts total = {0, 0, 0, 0};
    int c, i, fd, status = 0;

    while ((c = getopt(argc, argv, "lwmcL")) != -1) {
        switch (c) {
        case 'l': show_lines = 1; break;
        case 'w': show_words = 1; break;
        case 'm': show_chars = 1; break;
        case 'c': show_bytes = 1; break;
        case 'L': show_longest = 1; break;
        default:
            fprintf(stderr, "usage: wc [-l] [-w] [-m] [-c] [-L] [FILE...]\n");
            return 1;
        }
    }
    if (!show_lines && !show_words && !show_chars && !show_bytes && !show_longest)
        show_lines = show_words = show_bytes = 1;
    width = column_width(argc - optind, argv + optind);

    if (optind == argc) {
        struct counts one = {0, 0, 0, 0};
        if (count(STDIN_FILENO, &one) < 0) {
            fprintf(stderr, "wc: -: %s\n", strerror(errno));
            return 1;
        }
        print(&one, NULL);
        return 0;
    }
    for (i = optind; i < argc; i++) {
        struct counts one = {0, 0, 0, 0};
        fd = strcmp(argv[i], "-") == 0 ? STDIN_FILENO : open(argv[i], O_RDONLY);
        if (fd < 0 || count(fd, &one) < 0) {
            fprintf(stderr, "wc: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        } else {
            print(&one, argv[i]);
        }
        if (fd > STDIN_FILENO)
            close(fd);
        total.lines += one.lines;
        total.words += one.words;
        total.bytes += one.bytes;
        total.longest = one.longest > total.longest ? one.longest : total.longest;
    }
    if (argc - optind > 1)
        print(&total, "total");
    return status;
}
