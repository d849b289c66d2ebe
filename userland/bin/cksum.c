/*
 * cksum - the checksum (POSIX's CRC, or an older sum) and size of files.
 *
 *     cksum [-a ALGORITHM] [FILE...]
 *
 * Writes "CRC SIZE FILE" for each FILE ("CRC SIZE" for standard input, read when there is no
 * FILE; "-" is standard input, named "-"). The CRC is POSIX's: the 32-bit CRC with the
 * polynomial 0x04C11DB7 of the bytes and then of the length (its low byte first, as few bytes
 * as it needs), complemented; the same numbers as GNU's and every other cksum.
 *   -a ALGORITHM, --algorithm=ALGORITHM   as GNU's cksum:
 *        crc    the POSIX CRC above (the default)
 *        sysv   System V's sum (GNU's sum -s): the bytes' sum folded to 16 bits, and the size
 *               in 512-byte blocks: "SUM BLOCKS FILE"
 *        bsd    BSD's sum (GNU's sum -r): a 16-bit sum rotated right before each byte is added,
 *               and the size in 1024-byte blocks: "%05u %5u FILE"
 *        md5, sha1, sha256   the digests of md5sum, sha1sum and sha256sum (digest.h), written as
 *               BSD's "MD5 (FILE) = HASH" lines, as GNU's cksum writes them
 *   --untagged  a digest as "HASH  FILE" instead
 *   GNU's sha224, sha384, sha512, blake2b and sm3 are digests ufos does not have: asking for one
 *   is an error (exit 1), as is a name GNU does not know.
 * Not supported: GNU's --raw, -l, -c and their kin.
 * Exit status: 0, or 1 if a file could not be read.
 */
#define PROGRAM "cksum"
#include "digest.h"

enum sum_kind { CRC, SYSV, BSD, DIGEST };
static enum sum_kind kind = CRC;                 /* DIGEST: digest.h's algorithm, print_digest */

static uint32_t table[256];

/* table[b]: the CRC of byte b at the top of the register, shifted out one bit at a time */
static void make_table(void)
{
    for (uint32_t b = 0; b < 256; b++) {
        uint32_t r = b << 24;

        for (int i = 0; i < 8; i++)
            r = (r & 0x80000000u) ? (r << 1) ^ 0x04C11DB7u : r << 1;
        table[b] = r;
    }
}

static uint32_t crc_byte(uint32_t crc, unsigned char b)
{
    return (crc << 8) ^ table[(crc >> 24) ^ b];
}

/* what a file adds up to so far: the CRC, the SysV sum or the BSD sum, and its size */
struct sum {
    uint32_t value;
    uint64_t size;
};

static void add(struct sum *s, const unsigned char *buf, size_t n)
{
    uint32_t v = s->value;

    switch (kind) {
    case CRC:
        for (size_t i = 0; i < n; i++)
            v = crc_byte(v, buf[i]);
        break;
    case SYSV:
        for (size_t i = 0; i < n; i++)
            v += buf[i];                /* modulo 2^32, as GNU's */
        break;
    case BSD:
        for (size_t i = 0; i < n; i++)
            v = (((v >> 1) | ((v & 1) << 15)) + buf[i]) & 0xffff;
        break;
    }
    s->value = v;
    s->size += n;
}

/* the line for one file (name NULL: standard input, read without naming it) */
static void put(struct sum *s, const char *name)
{
    uint32_t r;

    switch (kind) {
    case CRC:
        for (uint64_t len = s->size; len != 0; len >>= 8)
            s->value = crc_byte(s->value, len & 0xff);
        printf("%lu %llu", (unsigned long)(~s->value & 0xffffffffu), (unsigned long long)s->size);
        break;
    case SYSV:
        r = (s->value & 0xffff) + (s->value >> 16);
        printf("%u %llu", (unsigned)((r & 0xffff) + (r >> 16)), (unsigned long long)((s->size + 511) / 512));
        break;
    case BSD:
        printf("%05u %5llu", (unsigned)s->value, (unsigned long long)((s->size + 1023) / 1024));
        break;
    }
    if (name != NULL)
        printf(" %s", name);
    putchar('\n');
}

/* prints the line for one open file; 0, or -1 on a read error */
static int cksum(int fd, const char *name)
{
    static unsigned char buf[8192];
    struct sum s = { 0, 0 };
    ssize_t n;

    while ((n = read(fd, buf, sizeof buf)) > 0)
        add(&s, buf, (size_t)n);
    if (n < 0)
        return -1;
    put(&s, name);
    return 0;
}

/* -a NAME: the kind of sum (and digest.h's algorithm for a digest), or exit with GNU's message
   (or ours, for a digest we do not have) */
static enum sum_kind kind_named(const char *name)
{
    static const struct { const char *name; const struct algorithm *digest; } digests[] = {
        { "md5", &md5 }, { "sha1", &sha1 }, { "sha256", &sha256 }, { "sha224", NULL },
        { "sha384", NULL }, { "sha512", NULL }, { "blake2b", NULL }, { "sm3", NULL } };

    if (strcmp(name, "crc") == 0)
        return CRC;
    if (strcmp(name, "sysv") == 0)
        return SYSV;
    if (strcmp(name, "bsd") == 0)
        return BSD;
    for (size_t i = 0; i < sizeof digests / sizeof *digests; i++) {
        if (strcmp(name, digests[i].name) == 0 && digests[i].digest != NULL) {
            algorithm = digests[i].digest;
            return DIGEST;
        }
        if (strcmp(name, digests[i].name) == 0) {
            fprintf(stderr, "cksum: the %s digest is not supported (crc, sysv, bsd, md5, sha1 and sha256 are)\n",
                    name);
            exit(1);
        }
    }
    fprintf(stderr, "cksum: invalid argument '%s' for '--algorithm'\n"
                    "Valid arguments are: 'bsd', 'sysv', 'crc', 'md5', 'sha1', 'sha256' (and GNU's other "
                    "digests, not here)\n", name);
    exit(1);
}

int main(int argc, char **argv)
{
    enum { UNTAGGED = 1000 };
    static const struct option longopts[] = {
        { "algorithm", required_argument, NULL, 'a' },
        { "untagged", no_argument, NULL, UNTAGGED },
        { NULL, 0, NULL, 0 },
    };
    int status = 0, c, untagged = 0;

    while ((c = getopt_long(argc, argv, "a:", longopts, NULL)) != -1) {
        if (c == UNTAGGED) {
            untagged = 1;
        } else if (c == 'a') {
            kind = kind_named(optarg);
        } else {
            fprintf(stderr, "usage: cksum [-a ALGORITHM] [--untagged] [FILE...]\n");
            return 1;
        }
    }
    if (kind == DIGEST) {                   /* as md5sum and its kin, BSD's lines by default */
        tag = !untagged;
        if (optind == argc)
            return print_digest("-");
        for (int i = optind; i < argc; i++)
            status |= print_digest(argv[i]);
        return status;
    }
    make_table();
    if (optind == argc && cksum(0, NULL) < 0) {
        fprintf(stderr, "cksum: -: %s\n", strerror(errno));
        return 1;
    }
    for (int i = optind; i < argc; i++) {
        int fd = strcmp(argv[i], "-") == 0 ? 0 : open(argv[i], O_RDONLY);

        if (fd < 0 || cksum(fd, argv[i]) < 0) {
            fprintf(stderr, "cksum: %s: %s\n", argv[i], strerror(errno));
            status = 1;
        }
        if (fd > 0)
            close(fd);
    }
    return status;
}
