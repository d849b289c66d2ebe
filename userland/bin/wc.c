/*
 * wc - count lines, words and bytes.
 *
 *     wc [-l] [-w] [-c] [FILE...]
 *
 * For each FILE (or standard input, for no FILE or "-") prints the number of newlines (-l),
 * of words (-w: runs of characters other than white space) and of bytes (-c), in that order,
 * then the file name; with several files, a last line of totals. Without options all three are
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
    long lines, words, bytes;
};

static int show_lines, show_words, show_bytes, width;

/* Count what fd holds. Returns 0, or -1 with errno set. */
static int count(int fd, struct counts *c)
{
    unsigned char buf[4096];
    ssize_t n, i;
    int in_word = 0;

    while ((n = read(fd, buf, sizeof buf)) > 0) {
        c->bytes += n;
        for (i = 0; i < n; i++) {
            if (buf[i] == '\n')
                c->lines++;
            if (isspace(buf[i])) {
                in_word = 0;
            } else if (!in_word) {
                in_word = 1;
                c->words++;
            }
        }
    }
    return n < 0 ? -1 : 0;
}

static void print(const struct counts *c, const char *name)
{
    const char *sep = "";

    if (show_lines) {
        printf("%*ld", width, c->lines);
        sep = " ";
    }
    if (show_words) {
        printf("%s%*ld", sep, width, c->words);
        sep = " ";
    }
    if (show_bytes)
        printf("%s%*ld", sep, width, c->bytes);
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

    if (show_lines + show_words + show_bytes == 1 && nfiles <= 1)
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
    struct counts total = {0, 0, 0};
    int c, i, fd, status = 0;

    while ((c = getopt(argc, argv, "lwc")) != -1) {
        switch (c) {
        case 'l': show_lines = 1; break;
        case 'w': show_words = 1; break;
        case 'c': show_bytes = 1; break;
        default:
            fprintf(stderr, "usage: wc [-l] [-w] [-c] [FILE...]\n");
            return 1;
        }
    }
    if (!show_lines && !show_words && !show_bytes)
        show_lines = show_words = show_bytes = 1;
    width = column_width(argc - optind, argv + optind);

    if (optind == argc) {
        struct counts one = {0, 0, 0};
        if (count(STDIN_FILENO, &one) < 0) {
            fprintf(stderr, "wc: -: %s\n", strerror(errno));
            return 1;
        }
        print(&one, NULL);
        return 0;
    }
    for (i = optind; i < argc; i++) {
        struct counts one = {0, 0, 0};
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
    }
    if (argc - optind > 1)
        print(&total, "total");
    return status;
}
