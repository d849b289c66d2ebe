/*
 * hexdump - show the bytes of files in hexadecimal and as text.
 *
 *     hexdump [-C] [-v] [FILE...]
 *
 * Prints the FILEs (one stream, as if they were concatenated; standard input for no FILE or
 * "-") in the "canonical" layout of hexdump -C, 16 bytes a line:
 *
 *     00000000  68 65 6c 6c 6f 20 77 6f  72 6c 64 0a              |hello world.|
 *     0000000c
 *
 * the offset, the bytes in hex (in two groups of 8), and the bytes as text between bars, with
 * '.' for those that are not printable; the last line is the total length. A run of lines
 * equal to the one before is shown as a single "*", unless -v. This layout is the only one:
 * -C is accepted for the habit (the BSD default, 2-byte words, is not provided).
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int verbose;

static void print_line(unsigned long offset, const unsigned char *b, int n)
{
    int i;

    printf("%08lx ", offset);
    for (i = 0; i < 16; i++) {
        if (i == 8)
            putchar(' ');
        if (i < n)
            printf(" %02x", b[i]);
        else
            fputs("   ", stdout);
    }
    fputs("  |", stdout);
    for (i = 0; i < n; i++)
        putchar(isprint(b[i]) ? b[i] : '.');
    fputs("|\n", stdout);
}

int main(int argc, char **argv)
{
    unsigned char line[16], prev[16];
    unsigned long offset = 0;
    int c, i, n = 0, status = 0, starred = 0, have_prev = 0;

    while ((c = getopt(argc, argv, "Cv")) != -1) {
        if (c == 'v') {
            verbose = 1;
        } else if (c != 'C') {
            fprintf(stderr, "usage: hexdump [-C] [-v] [FILE...]\n");
            return 1;
        }
    }
    if (optind == argc)
        argv[--optind] = "-";
    for (i = optind; i < argc; i++) {
        FILE *f = strcmp(argv[i], "-") == 0 ? stdin : fopen(argv[i], "r");
        if (f == NULL) {
            fprintf(stderr, "hexdump: %s: %s\n", argv[i], strerror(errno));
            status = 1;
            continue;
        }
        while ((c = getc(f)) != EOF) {
            line[n++] = (unsigned char)c;
            if (n < 16)
                continue;
            if (!verbose && have_prev && memcmp(line, prev, 16) == 0) {
                if (!starred)
                    puts("*");
                starred = 1;
            } else {
                print_line(offset, line, 16);
                starred = 0;
            }
            memcpy(prev, line, 16);
            have_prev = 1;
            offset += 16;
            n = 0;
        }
        if (f != stdin)
            fclose(f);
    }
    if (n > 0)
        print_line(offset, line, n);
    if (offset + (unsigned long)n > 0)
        printf("%08lx\n", offset + (unsigned long)n);
    return status;
}
