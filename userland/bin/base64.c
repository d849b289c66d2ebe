/*
 * base64 - encodes a file in base64 (RFC 4648), or decodes it: GNU's base64.
 *
 *     base64 [-d] [-i] [-w COLS] [FILE]
 *
 * Base64 writes each 3 bytes as 4 characters of a 64-letter alphabet (A-Z a-z 0-9 + /), 6 bits
 * each; a last group of 1 or 2 bytes is padded with "==" or "=". It reads FILE, or standard
 * input when there is none or it is "-".
 *   -d, --decode            decode instead; newlines are skipped, anything else outside the
 *                           alphabet is "base64: invalid input" (exit 1, after what decoded)
 *   -i, --ignore-garbage    (with -d) skip every character outside the alphabet
 *   -w COLS, --wrap=COLS    break encoded lines after COLS characters (76, as GNU's); 0: never
 * Exit status: 0, or 1 on invalid input, a file that cannot be read, or a bad option.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static long wrap = 76;              /* -w: characters a line; 0: one line */
static long column;                 /* characters written on the current line */
static int ignore_garbage;

/* read(), but a failure is GNU's "read error" (exit 1); 0 at the end */
static size_t read_some(int fd, void *buf, size_t size)
{
    ssize_t n = read(fd, buf, size);

    if (n < 0) {
        fprintf(stderr, "base64: read error: %s\n", strerror(errno));
        exit(1);
    }
    return (size_t)n;
}

/* --- encoding ------------------------------------------------------------------------------- */
static void put_encoded(char c)
{
    if (wrap > 0 && column == wrap) {
        putchar('\n');
        column = 0;
    }
    putchar(c);
    column++;
}

/* n (1 to 3) bytes as four characters, padded with '=' */
static void encode_group(const unsigned char *in, int n)
{
    unsigned long bits = (unsigned long)in[0] << 16 | (n > 1 ? in[1] << 8 : 0) | (n > 2 ? in[2] : 0);

    for (int i = 0; i < 4; i++)
        put_encoded(i <= n ? alphabet[(bits >> (18 - 6 * i)) & 63] : '=');
}

static void encode(int fd)
{
    unsigned char buf[3 * 1024];
    size_t have = 0;            /* bytes in buf, of which a last group of less than 3 may wait */
    size_t n;

    while ((n = read_some(fd, buf + have, sizeof buf - have)) > 0) {
        size_t whole = (have + n) / 3 * 3;

        for (size_t i = 0; i < whole; i += 3)
            encode_group(buf + i, 3);
        have = have + n - whole;
        memmove(buf, buf + whole, have);
    }
    if (have > 0)
        encode_group(buf, (int)have);
    if (wrap > 0 && column > 0)
        putchar('\n');
}

/* --- decoding ------------------------------------------------------------------------------- */
static int value_of(char c)
{
    const char *p = c != '\0' ? strchr(alphabet, c) : NULL;

    return p != NULL ? (int)(p - alphabet) : -1;
}

static void invalid_input(void)
{
    fflush(stdout);
    fprintf(stderr, "base64: invalid input\n");
    exit(1);
}

/* a group of n (up to 4) characters: writes the bytes it holds, as GNU's does, one by one, so
 * that what came before an error is written; exits on an error, or on a group short of 4
 * (which only the end of the input leaves) */
static void decode_group(const char *q, int n)
{
    int v0 = n > 0 ? value_of(q[0]) : -1, v1 = n > 1 ? value_of(q[1]) : -1, v2, v3;

    if (v0 < 0 || v1 < 0)
        invalid_input();
    putchar((v0 << 2 | v1 >> 4) & 0xff);
    if (n < 3)
        invalid_input();
    if (q[2] == '=') {                      /* one byte: "XY==" */
        if (n < 4 || q[3] != '=')
            invalid_input();
        return;
    }
    if ((v2 = value_of(q[2])) < 0)
        invalid_input();
    putchar((v1 << 4 | v2 >> 2) & 0xff);
    if (n < 4)
        invalid_input();
    if (q[3] == '=')                        /* two bytes: "XYZ=" */
        return;
    if ((v3 = value_of(q[3])) < 0)
        invalid_input();
    putchar((v2 << 6 | v3) & 0xff);
}

static void decode(int fd)
{
    char buf[4096], group[4];
    int n = 0;
    size_t got;

    while ((got = read_some(fd, buf, sizeof buf)) > 0) {
        for (size_t i = 0; i < got; i++) {
            char c = buf[i];

            if (c == '\n' || (ignore_garbage && c != '=' && value_of(c) < 0))
                continue;
            group[n++] = c;
            if (n == 4) {
                decode_group(group, 4);
                n = 0;
            }
        }
    }
    if (n > 0)
        decode_group(group, n);
}

/* -w COLS: a number from 0 up, or GNU's message */
static long wrap_size(const char *s)
{
    char *end;
    long n;

    errno = 0;
    n = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || n < 0 || errno != 0) {
        fprintf(stderr, "base64: invalid wrap size: '%s'\n", s);
        exit(1);
    }
    return n;
}

static void usage_error(void)
{
    fprintf(stderr, "Try 'base64 --help' for more information.\n");
    exit(1);
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "decode", no_argument, NULL, 'd' },
        { "ignore-garbage", no_argument, NULL, 'i' },
        { "wrap", required_argument, NULL, 'w' },
        { NULL, 0, NULL, 0 },
    };
    int decoding = 0, c, fd = 0;
    const char *file = "-";

    while ((c = getopt_long(argc, argv, "diw:", longopts, NULL)) != -1) {
        switch (c) {
        case 'd': decoding = 1; break;
        case 'i': ignore_garbage = 1; break;
        case 'w': wrap = wrap_size(optarg); break;
        default: usage_error();
        }
    }
    if (argc - optind > 1) {
        fprintf(stderr, "base64: extra operand '%s'\n", argv[optind + 1]);
        usage_error();
    }
    if (optind < argc)
        file = argv[optind];
    if (strcmp(file, "-") != 0 && (fd = open(file, O_RDONLY)) < 0) {
        fprintf(stderr, "base64: %s: %s\n", file, strerror(errno));
        return 1;
    }
    if (decoding)
        decode(fd);
    else
        encode(fd);
    return 0;
}
