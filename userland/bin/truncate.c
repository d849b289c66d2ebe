/*
 * truncate - shrinks or extends files to a size: GNU's truncate.
 *
 *     truncate [-c] -s SIZE FILE...
 *     truncate [-c] -r RFILE [-s [+-]SIZE] FILE...
 *
 * Each FILE (made if it does not exist) is cut to SIZE bytes, or extended with zeros to it.
 * SIZE is a number with maybe a unit: K M G T P E (powers of 1024: KiB... too), KB MB GB TB PB
 * EB (of 1000); and a prefix makes it relative to the file's size:
 *     +SIZE  extend by     -SIZE  shrink by      <SIZE  at most      >SIZE  at least
 *     /SIZE  round down to a multiple of SIZE    %SIZE  round up to a multiple of SIZE
 *   -c, --no-create          do not make missing files
 *   -r RFILE, --reference=RFILE   RFILE's size (to which a -s with + or - is relative)
 * Exit status: 0, or 1 if a FILE could not be made or resized, or an option was bad.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char mode;               /* SIZE's prefix: '+', '-', '<', '>', '/', '%', or 0 (absolute) */
static long long size;
static int no_create;

static void usage_error(void)
{
    fprintf(stderr, "Try 'truncate --help' for more information.\n");
    exit(1);
}

/* "10", "5K", "1MiB", "2KB": bytes, or GNU's message */
static long long parse_size(const char *s)
{
    static const char units[] = "KMGTPEZY";
    char *end;
    long long n;
    const char *unit;

    errno = 0;
    n = strtoll(s, &end, 10);
    if (end == s || errno != 0 || n < 0)
        goto invalid;
    if (*end != '\0' && (unit = strchr(units, *end == 'k' ? 'K' : *end)) != NULL) {
        int power = (int)(unit - units) + 1;
        long long base = 1024;

        if (strcmp(end + 1, "B") == 0)
            base = 1000;
        else if (end[1] != '\0' && strcmp(end + 1, "iB") != 0)
            goto invalid;
        while (power-- > 0) {
            if (n > __LONG_LONG_MAX__ / base)
                goto invalid;
            n *= base;
        }
        end = "";
    }
    if (*end == '\0')
        return n;
invalid:
    fprintf(stderr, "truncate: Invalid number: '%s'\n", s);
    exit(1);
}

/* the size a file of size old gets */
static long long new_size(long long old)
{
    switch (mode) {
    case '+': return old + size;
    case '-': return old > size ? old - size : 0;
    case '<': return old < size ? old : size;
    case '>': return old > size ? old : size;
    case '/': return old / size * size;
    case '%': return (old + size - 1) / size * size;
    default: return size;
    }
}

static int truncate_file(const char *name)
{
    struct stat st;
    int fd = open(name, O_WRONLY | (no_create ? 0 : O_CREAT), 0666);

    if (fd < 0) {
        if (no_create && errno == ENOENT)
            return 0;
        fprintf(stderr, "truncate: cannot open '%s' for writing: %s\n", name, strerror(errno));
        return 1;
    }
    if (fstat(fd, &st) < 0 || ftruncate(fd, new_size(st.st_size)) < 0) {
        fprintf(stderr, "truncate: failed to truncate '%s': %s\n", name, strerror(errno));
        close(fd);
        return 1;
    }
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    static const struct option longopts[] = {
        { "size", required_argument, NULL, 's' }, { "reference", required_argument, NULL, 'r' },
        { "no-create", no_argument, NULL, 'c' }, { NULL, 0, NULL, 0 },
    };
    const char *reference = NULL, *size_arg = NULL;
    int status = 0, c;

    while ((c = getopt_long(argc, argv, "cs:r:", longopts, NULL)) != -1) {
        switch (c) {
        case 'c': no_create = 1; break;
        case 's': size_arg = optarg; break;
        case 'r': reference = optarg; break;
        default: usage_error();
        }
    }
    if (size_arg != NULL) {
        if (strchr("+-<>/%", *size_arg) != NULL)
            mode = *size_arg++;
        size = parse_size(size_arg);
        if ((mode == '/' || mode == '%') && size == 0) {
            fprintf(stderr, "truncate: division by zero\n");
            return 1;
        }
    }
    if (size_arg == NULL && reference == NULL) {
        fprintf(stderr, "truncate: you must specify either '--size' or '--reference'\n");
        usage_error();
    }
    if (reference != NULL && size_arg != NULL && mode != '+' && mode != '-') {
        fprintf(stderr, "truncate: you must specify a relative '--size' with '--reference'\n");
        usage_error();
    }
    if (optind == argc) {
        fprintf(stderr, "truncate: missing file operand\n");
        usage_error();
    }
    if (reference != NULL) {                    /* RFILE's size, then -s +/- relative to it */
        struct stat st;

        if (stat(reference, &st) < 0) {
            fprintf(stderr, "truncate: cannot stat '%s': %s\n", reference, strerror(errno));
            return 1;
        }
        size = size_arg != NULL ? new_size(st.st_size) : st.st_size;
        mode = 0;
    }
    for (int i = optind; i < argc; i++)
        status |= truncate_file(argv[i]);
    return status;
}
