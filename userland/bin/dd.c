/*
 * dd - copy a file in blocks, converting it on the way.
 *
 *     dd [if=FILE] [of=FILE] [bs=N] [ibs=N] [obs=N] [count=N] [skip=N] [seek=N]
 *        [conv=CONV,...] [status=LEVEL]
 *
 * Reads the input (standard input without if=) in blocks of ibs bytes (512) and writes the
 * output (standard output without of=) in blocks of obs bytes (512). bs=N sets both, and then
 * each block is written as it was read (a short read makes a short write).
 *   count=N  copy only N input blocks        skip=N  skip N input blocks first
 *   seek=N   skip N output blocks first (of= is then cut there, not emptied, unless notrunc)
 *   conv=    notrunc  do not truncate the output file     ucase, lcase  letters' case
 *            sync     pad each input block to ibs with NUL bytes
 *            excl     fail if the output exists            nocreat  do not create it
 *            fsync, fdatasync  sync the output at the end
 *   status=  none: no report; noxfer: without the last line; progress: as the default here
 * N may end with c (1), w (2), b (512), kB (1000), K (1024), MB, M, GB, G, and be a product
 * AxB, as in GNU's dd.
 * At the end, on stderr: "F+P records in", "F+P records out" (F full blocks, P partial ones)
 * and GNU's "N bytes (N kB, N KiB) copied, T s, R kB/s" (the time is the machine's, which
 * counts instructions).
 * Not supported: conv=block, unblock, ascii, ebcdic, ibm, swab, noerror, sparse; iflag= and
 * oflag=; cbs=.
 * Exit status: 0, or 1 on an error.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

enum {
    C_NOTRUNC = 1, C_UCASE = 2, C_LCASE = 4, C_SYNC = 8, C_EXCL = 16, C_NOCREAT = 32,
    C_FSYNC = 64, C_FDATASYNC = 128,
};

static const char *in_name, *out_name;
static size_t ibs = 512, obs = 512, bs;
static unsigned long long count = (unsigned long long)-1, skip, seek;
static int conversions, status_level = 2;      /* 0 none, 1 noxfer, 2 default */
static unsigned long long full_in, partial_in, full_out, partial_out, bytes_out;
static int in_fd = 0, out_fd = 1;

/* "dd: MESSAGE: 'ARG'" and, for a mistake in the operands, the usage line */
static _Noreturn void die(const char *message, const char *arg)
{
    fprintf(stderr, "dd: %s", message);
    if (arg != NULL)
        fprintf(stderr, strcmp(message, "unrecognized operand") == 0 ? " '%s'" : ": '%s'", arg);
    fputc('\n', stderr);
    if (arg != NULL)
        fprintf(stderr, "usage: dd [if=FILE] [of=FILE] [bs=N] [ibs=N] [obs=N] [count=N] [skip=N] [seek=N]"
                        " [conv=CONV,...] [status=LEVEL]\n");
    exit(1);
}

/* a number with GNU dd's suffixes, or a product AxBx... */
static unsigned long long number(const char *arg, const char *whole)
{
    static const struct { const char *suffix; unsigned long long factor; } suffixes[] = {
        { "c", 1 }, { "w", 2 }, { "b", 512 }, { "kB", 1000 }, { "K", 1024 }, { "k", 1024 },
        { "KiB", 1024 }, { "MB", 1000000 }, { "M", 1048576 }, { "MiB", 1048576 },
        { "GB", 1000000000 }, { "G", 1073741824 }, { "GiB", 1073741824 },
    };
    unsigned long long n;
    char *end;
    const char *x;

    if (!isdigit((unsigned char)*arg))
        die("invalid number", whole);
    errno = 0;
    n = strtoull(arg, &end, 10);
    if (errno != 0)
        die("invalid number", whole);
    x = strchr(end, 'x');
    size_t suffix_len = x ? (size_t)(x - end) : strlen(end);
    if (suffix_len > 0) {
        size_t i;

        for (i = 0; i < sizeof suffixes / sizeof *suffixes; i++)
            if (strlen(suffixes[i].suffix) == suffix_len && strncmp(end, suffixes[i].suffix, suffix_len) == 0)
                break;
        if (i == sizeof suffixes / sizeof *suffixes)
            die("invalid number", whole);
        n *= suffixes[i].factor;
    }
    if (x != NULL)
        n *= number(x + 1, whole);
    return n;
}

static size_t block_size(const char *arg)
{
    unsigned long long n = number(arg, arg);

    if (n == 0)
        die("invalid number", arg);
    return (size_t)n;
}

static void parse_conv(const char *list)
{
    static const struct { const char *name; int flag; } names[] = {
        { "notrunc", C_NOTRUNC }, { "ucase", C_UCASE }, { "lcase", C_LCASE }, { "sync", C_SYNC },
        { "excl", C_EXCL }, { "nocreat", C_NOCREAT }, { "fsync", C_FSYNC }, { "fdatasync", C_FDATASYNC },
    };
    char *copy = strdup(list), *rest = copy, *name;

    while ((name = strsep(&rest, ",")) != NULL) {
        size_t i;

        for (i = 0; i < sizeof names / sizeof *names; i++)
            if (strcmp(name, names[i].name) == 0)
                break;
        if (i == sizeof names / sizeof *names)
            die("invalid conversion", name);
        conversions |= names[i].flag;
    }
    free(copy);
    if ((conversions & C_UCASE) && (conversions & C_LCASE))
        die("cannot combine lcase and ucase", NULL);
    if ((conversions & C_EXCL) && (conversions & C_NOCREAT))
        die("cannot combine excl and nocreat", NULL);
}

static void operand(char *arg)
{
    char *eq = strchr(arg, '=');
    const char *value;

    if (eq == NULL)
        die("unrecognized operand", arg);
    *eq = '\0';
    value = eq + 1;
    if (strcmp(arg, "if") == 0)
        in_name = value;
    else if (strcmp(arg, "of") == 0)
        out_name = value;
    else if (strcmp(arg, "bs") == 0)
        bs = block_size(value);
    else if (strcmp(arg, "ibs") == 0)
        ibs = block_size(value);
    else if (strcmp(arg, "obs") == 0)
        obs = block_size(value);
    else if (strcmp(arg, "count") == 0)
        count = number(value, value);
    else if (strcmp(arg, "skip") == 0)
        skip = number(value, value);
    else if (strcmp(arg, "seek") == 0)
        seek = number(value, value);
    else if (strcmp(arg, "conv") == 0)
        parse_conv(value);
    else if (strcmp(arg, "status") == 0) {
        if (strcmp(value, "none") == 0)
            status_level = 0;
        else if (strcmp(value, "noxfer") == 0)
            status_level = 1;
        else if (strcmp(value, "progress") == 0)
            status_level = 2;
        else
            die("invalid status level", value);
    } else {
        *eq = '=';
        die("unrecognized operand", arg);
    }
}

/* reads one block: the bytes read (0 at the end) */
static ssize_t read_block(char *buf, size_t size)
{
    ssize_t n;

    do
        n = read(in_fd, buf, size);
    while (n < 0 && errno == EINTR);
    if (n < 0) {
        fprintf(stderr, "dd: error reading '%s': %s\n", in_name ? in_name : "standard input", strerror(errno));
        exit(1);
    }
    return n;
}

static void write_all(const char *buf, size_t n)
{
    while (n > 0) {
        ssize_t w = write(out_fd, buf, n);

        if (w < 0) {
            if (errno == EINTR)
                continue;
            fprintf(stderr, "dd: error writing '%s': %s\n", out_name ? out_name : "standard output",
                    strerror(errno));
            exit(1);
        }
        buf += w;
        n -= (size_t)w;
    }
}

/* one output record */
static void write_record(const char *buf, size_t n)
{
    write_all(buf, n);
    if (n == obs)
        full_out++;
    else
        partial_out++;
    bytes_out += n;
}

/* n as GNU's human_readable writes it for dd: scaled by base (1000: "kB", 1024: "KiB"...) until
   it is less than base, with one decimal under 10 */
static void human(double n, int base, char *buf, size_t size)
{
    static const char prefixes[] = "kMGTPEZY";
    int p = -1;

    while (n >= base && p < 7) {
        n /= base;
        p++;
    }
    if (p < 0)
        snprintf(buf, size, "%.0f B", n);
    else
        snprintf(buf, size, n < 9.95 ? "%.1f %c%sB" : "%.0f %c%sB", n,
                 base == 1024 && p == 0 ? 'K' : prefixes[p], base == 1024 ? "i" : "");
}

static void report(struct timespec *start)
{
    struct timespec now;
    double seconds;
    char si[32], iec[32], rate[32];

    if (status_level == 0)
        return;
    fprintf(stderr, "%llu+%llu records in\n%llu+%llu records out\n", full_in, partial_in, full_out,
            partial_out);
    if (status_level < 2)
        return;
    clock_gettime(CLOCK_MONOTONIC, &now);
    seconds = (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
    if (seconds > 0)
        human((double)bytes_out / seconds, 1000, rate, sizeof rate);
    else
        snprintf(rate, sizeof rate, "Infinity B");
    human((double)bytes_out, 1000, si, sizeof si);
    human((double)bytes_out, 1024, iec, sizeof iec);
    if (bytes_out < 1000)
        fprintf(stderr, "%llu byte%s copied, %g s, %s/s\n", bytes_out, bytes_out == 1 ? "" : "s", seconds, rate);
    else
        fprintf(stderr, "%llu bytes (%s, %s) copied, %g s, %s/s\n", bytes_out, si, iec, seconds, rate);
}

int main(int argc, char **argv)
{
    struct timespec start;
    char *ibuf, *obuf;
    size_t opos = 0;

    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0 && i == 1)
            continue;
        operand(argv[i]);
    }
    if (bs) {
        ibs = obs = bs;
    }
    if (in_name != NULL && (in_fd = open(in_name, O_RDONLY)) < 0) {
        fprintf(stderr, "dd: failed to open '%s': %s\n", in_name, strerror(errno));
        return 1;
    }
    if (out_name != NULL) {
        int flags = O_WRONLY;

        if (!(conversions & C_NOCREAT))
            flags |= O_CREAT;
        if (conversions & C_EXCL)
            flags |= O_EXCL;
        if (!seek && !(conversions & C_NOTRUNC))
            flags |= O_TRUNC;
        if ((out_fd = open(out_name, flags, 0666)) < 0) {
            fprintf(stderr, "dd: failed to open '%s': %s\n", out_name, strerror(errno));
            return 1;
        }
    }
    clock_gettime(CLOCK_MONOTONIC, &start);
    ibuf = malloc(ibs);
    obuf = malloc(obs);
    /* skip=: seek if the input can, else read the blocks and drop them */
    if (skip > 0) {
        off_t at = lseek(in_fd, (off_t)(skip * ibs), SEEK_CUR);
        struct stat st;

        if (at < 0) {
            for (unsigned long long i = 0; i < skip; i++)
                if (read_block(ibuf, ibs) <= 0)
                    break;
        } else if (fstat(in_fd, &st) == 0 && S_ISREG(st.st_mode) && at > st.st_size) {
            /* past the end: GNU warns, and copies nothing */
            fprintf(stderr, "dd: %s: cannot skip to specified offset\n", in_name ? in_name : "standard input");
        }
    }
    if (seek > 0) {
        off_t at = (off_t)(seek * obs);

        if (lseek(out_fd, at, SEEK_CUR) < 0) {
            /* not seekable (a pipe): write NUL blocks instead, as GNU's dd does */
            memset(obuf, 0, obs);
            for (unsigned long long i = 0; i < seek; i++)
                write_all(obuf, obs);
        } else if (!(conversions & C_NOTRUNC) && out_name != NULL) {
            struct stat st;

            if (fstat(out_fd, &st) == 0 && S_ISREG(st.st_mode))
                ftruncate(out_fd, at);
        }
    }
    for (unsigned long long blocks = 0; blocks < count; blocks++) {
        ssize_t n = read_block(ibuf, ibs);

        if (n == 0)
            break;
        if ((size_t)n == ibs)
            full_in++;
        else
            partial_in++;
        if ((conversions & C_SYNC) && (size_t)n < ibs) {
            memset(ibuf + n, 0, ibs - (size_t)n);
            n = (ssize_t)ibs;
        }
        for (ssize_t i = 0; i < n; i++) {
            if (conversions & C_UCASE)
                ibuf[i] = (char)toupper((unsigned char)ibuf[i]);
            else if (conversions & C_LCASE)
                ibuf[i] = (char)tolower((unsigned char)ibuf[i]);
        }
        if (bs) {                       /* bs=: each block as it was read */
            write_record(ibuf, (size_t)n);
            continue;
        }
        /* else gather the bytes into output blocks of obs */
        for (ssize_t i = 0; i < n;) {
            size_t take = obs - opos < (size_t)(n - i) ? obs - opos : (size_t)(n - i);

            memcpy(obuf + opos, ibuf + i, take);
            opos += take;
            i += (ssize_t)take;
            if (opos == obs) {
                write_record(obuf, obs);
                opos = 0;
            }
        }
    }
    if (opos > 0)
        write_record(obuf, opos);
    if (conversions & (C_FSYNC | C_FDATASYNC))
        fsync(out_fd);
    if (out_name != NULL && close(out_fd) < 0) {
        fprintf(stderr, "dd: closing output file '%s': %s\n", out_name, strerror(errno));
        return 1;
    }
    report(&start);
    return 0;
}
