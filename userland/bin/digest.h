/*
 * digest.h - what md5sum.c, sha1sum.c and sha256sum.c share (GNU builds them all from digest.c):
 * the three message digests, written from their specifications (RFC 1321 for MD5, FIPS 180-4
 * for SHA-1 and SHA-256), and the program around them, GNU's:
 *
 *     NAMEsum [-bt] [--tag] [FILE...]
 *     NAMEsum -c [--quiet] [--status] [-w] [--strict] [CHECKFILE...]
 *
 * Writes "HASH  FILE" for each FILE (standard input, named "-", when there is none).
 *   -b, --binary   "HASH *FILE": the mark of a file read in binary mode (every mode is binary here)
 *   -t, --text     "HASH  FILE", the default
 *   --tag          BSD's line instead: "MD5 (FILE) = HASH"
 *   -c, --check    read lines of either form from each CHECKFILE and check the files they name:
 *                  "FILE: OK", "FILE: FAILED", or "FILE: FAILED open or read"; a summary of the
 *                  failures on standard error ("WARNING: 1 computed checksum did NOT match")
 *   --quiet        (with -c) no "OK" lines
 *   --status       (with -c) no output at all: the exit status says it
 *   -w, --warn     (with -c) name each line that is not a checksum line
 *   --strict       (with -c) such a line fails the check
 * Exit status: 0; 1 if a file could not be read, or (-c) a check failed or found no lines.
 * Not supported: GNU's escaping of names with a newline or a backslash, and -z.
 *
 * Each includer defines PROGRAM (its name, which its messages start with) and calls
 * digest_main with its algorithm.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

/* --- the digests -----------------------------------------------------------------------------
 * All three are Merkle-Damgard hashes: the message, padded with a 1 bit, zeros and its length in
 * bits (64 bits) to a multiple of 64 bytes, is fed block by block to a compression function that
 * mixes the block into a state of 32-bit words; the final state is the digest. They differ in the
 * compression, the initial state, the state's size, and the byte order (MD5 is little-endian,
 * the SHAs big-endian). */

struct algorithm {
    const char *tag;                        /* its name in --tag lines: "MD5" */
    int words;                              /* the state's (and the digest's) 32-bit words */
    int little_endian;
    uint32_t initial[8];
    void (*compress)(uint32_t *state, const unsigned char *block);
};

static uint32_t rotl(uint32_t x, int n) { return (x << n) | (x >> (32 - n)); }
static uint32_t rotr(uint32_t x, int n) { return (x >> n) | (x << (32 - n)); }

static uint32_t load(const unsigned char *p, int little_endian)
{
    if (little_endian)
        return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* MD5 (RFC 1321 3.4): four rounds of 16 steps; step i adds a boolean function of three state
 * words, a word of the block, and T[i] = the integer part of 2^32 * |sin(i + 1)|, then rotates. */
static const uint32_t md5_t[64] = {
    0xd76aa478, 0xe8c7b756, 0x242070db, 0xc1bdceee, 0xf57c0faf, 0x4787c62a, 0xa8304613, 0xfd469501,
    0x698098d8, 0x8b44f7af, 0xffff5bb1, 0x895cd7be, 0x6b901122, 0xfd987193, 0xa679438e, 0x49b40821,
    0xf61e2562, 0xc040b340, 0x265e5a51, 0xe9b6c7aa, 0xd62f105d, 0x02441453, 0xd8a1e681, 0xe7d3fbc8,
    0x21e1cde6, 0xc33707d6, 0xf4d50d87, 0x455a14ed, 0xa9e3e905, 0xfcefa3f8, 0x676f02d9, 0x8d2a4c8a,
    0xfffa3942, 0x8771f681, 0x6d9d6122, 0xfde5380c, 0xa4beea44, 0x4bdecfa9, 0xf6bb4b60, 0xbebfbc70,
    0x289b7ec6, 0xeaa127fa, 0xd4ef3085, 0x04881d05, 0xd9d4d039, 0xe6db99e5, 0x1fa27cf8, 0xc4ac5665,
    0xf4292244, 0x432aff97, 0xab9423a7, 0xfc93a039, 0x655b59c3, 0x8f0ccc92, 0xffeff47d, 0x85845dd1,
    0x6fa87e4f, 0xfe2ce6e0, 0xa3014314, 0x4e0811a1, 0xf7537e82, 0xbd3af235, 0x2ad7d2bb, 0xeb86d391,
};

/* the rotations of each round's four steps, which repeat */
static const int md5_shift[4][4] = { { 7, 12, 17, 22 }, { 5, 9, 14, 20 }, { 4, 11, 16, 23 }, { 6, 10, 15, 21 } };

static void md5_compress(uint32_t *state, const unsigned char *block)
{
    uint32_t x[16], a = state[0], b = state[1], c = state[2], d = state[3];

    for (int i = 0; i < 16; i++)
        x[i] = load(block + 4 * i, 1);
    for (int i = 0; i < 64; i++) {
        int round = i / 16, k;
        uint32_t f, t;

        switch (round) {        /* F, G, H, I, and the word each round takes in its order */
        case 0: f = (b & c) | (~b & d); k = i; break;
        case 1: f = (b & d) | (c & ~d); k = (5 * i + 1) % 16; break;
        case 2: f = b ^ c ^ d; k = (3 * i + 5) % 16; break;
        default: f = c ^ (b | ~d); k = (7 * i) % 16; break;
        }
        t = d;                  /* (a, b, c, d) <- (d, b + (a + f + X[k] + T[i] <<< s), b, c) */
        d = c;
        c = b;
        b = b + rotl(a + f + x[k] + md5_t[i], md5_shift[round][i % 4]);
        a = t;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d;
}

/* SHA-1 (FIPS 180-4 6.1.2): the block's 16 words extended to 80 (each the XOR of four earlier
 * ones, rotated by 1), and 80 steps in four stages of 20, each with its function and constant. */
static void sha1_compress(uint32_t *state, const unsigned char *block)
{
    static const uint32_t k[4] = { 0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6 };
    uint32_t w[80], a = state[0], b = state[1], c = state[2], d = state[3], e = state[4];

    for (int t = 0; t < 16; t++)
        w[t] = load(block + 4 * t, 0);
    for (int t = 16; t < 80; t++)
        w[t] = rotl(w[t - 3] ^ w[t - 8] ^ w[t - 14] ^ w[t - 16], 1);
    for (int t = 0; t < 80; t++) {
        uint32_t f, temp;

        if (t < 20)
            f = (b & c) ^ (~b & d);                 /* Ch */
        else if (t >= 40 && t < 60)
            f = (b & c) ^ (b & d) ^ (c & d);        /* Maj */
        else
            f = b ^ c ^ d;                          /* Parity */
        temp = rotl(a, 5) + f + e + k[t / 20] + w[t];
        e = d;
        d = c;
        c = rotl(b, 30);
        b = a;
        a = temp;
    }
    state[0] += a, state[1] += b, state[2] += c, state[3] += d, state[4] += e;
}

/* SHA-256 (FIPS 180-4 4.2.2, 6.2.2): K[t] is the first 32 bits of the fractional part of the cube
 * root of the t-th prime; the schedule extends the block to 64 words with the small sigmas, and 64
 * steps mix them into the eight working variables with Ch, Maj and the big sigmas. */
static const uint32_t sha256_k[64] = {
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
    0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
    0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
    0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
    0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
    0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
    0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
    0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
};

static void sha256_compress(uint32_t *state, const unsigned char *block)
{
    uint32_t w[64], v[8];

    for (int t = 0; t < 16; t++)
        w[t] = load(block + 4 * t, 0);
    for (int t = 16; t < 64; t++) {
        uint32_t s0 = rotr(w[t - 15], 7) ^ rotr(w[t - 15], 18) ^ (w[t - 15] >> 3);
        uint32_t s1 = rotr(w[t - 2], 17) ^ rotr(w[t - 2], 19) ^ (w[t - 2] >> 10);

        w[t] = w[t - 16] + s0 + w[t - 7] + s1;
    }
    memcpy(v, state, sizeof v);                     /* a..h */
    for (int t = 0; t < 64; t++) {
        uint32_t e = v[4], a = v[0];
        uint32_t t1 = v[7] + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & v[5]) ^ (~e & v[6]))
                      + sha256_k[t] + w[t];
        uint32_t t2 = (rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & v[1]) ^ (a & v[2]) ^ (v[1] & v[2]));

        memmove(v + 1, v, 7 * sizeof *v);           /* h = g, g = f, ..., b = a */
        v[4] += t1;                                 /* e = d + T1 */
        v[0] = t1 + t2;
    }
    for (int i = 0; i < 8; i++)
        state[i] += v[i];
}

static const struct algorithm md5 = { "MD5", 4, 1, { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476 },
                                      md5_compress };
static const struct algorithm sha1 = { "SHA1", 5, 0,
                                       { 0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0 },
                                       sha1_compress };
/* its initial state: the first 32 bits of the fractional parts of the square roots of the first
 * eight primes */
static const struct algorithm sha256 = { "SHA256", 8, 0,
                                         { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                                           0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 },
                                         sha256_compress };

/* a digest under way: the state, the bytes of the block not yet full, and the length so far */
struct hashing {
    const struct algorithm *alg;
    uint32_t state[8];
    unsigned char block[64];
    size_t used;
    uint64_t length;
};

static void hash_start(struct hashing *h, const struct algorithm *alg)
{
    h->alg = alg;
    memcpy(h->state, alg->initial, sizeof h->state);
    h->used = 0;
    h->length = 0;
}

static void hash_add(struct hashing *h, const unsigned char *data, size_t n)
{
    h->length += n;
    while (n > 0) {
        size_t take = 64 - h->used < n ? 64 - h->used : n;

        memcpy(h->block + h->used, data, take);
        h->used += take;
        data += take;
        n -= take;
        if (h->used == 64) {
            h->alg->compress(h->state, h->block);
            h->used = 0;
        }
    }
}

/* pads the message (0x80, zeros, the length in bits in the last 8 bytes of a block) and writes
 * the digest into out as lowercase hex */
static void hash_end(struct hashing *h, char *out)
{
    static const unsigned char zeros[64] = { 0x80 };
    unsigned char length[8];
    uint64_t bits = h->length * 8;
    int le = h->alg->little_endian;

    hash_add(h, zeros, 1 + (119 - h->used) % 64);   /* to 56 bytes past a block boundary */
    for (int i = 0; i < 8; i++)
        length[le ? i : 7 - i] = (unsigned char)(bits >> (8 * i));
    hash_add(h, length, 8);
    for (int i = 0; i < h->alg->words; i++)
        for (int j = 0; j < 4; j++)
            sprintf(out + 8 * i + 2 * j, "%02x", (h->state[i] >> (le ? 8 * j : 24 - 8 * j)) & 0xff);
}

/* --- the program ------------------------------------------------------------------------------ */
static const struct algorithm *algorithm;
static int binary, tag, quiet, status_only, warn, strict;

/* the digest of a file ("-": standard input) into out; 0, or -1 with errno */
static int digest_file(const char *name, char *out)
{
    static unsigned char buf[8192];
    struct hashing h;
    int fd = strcmp(name, "-") == 0 ? 0 : open(name, O_RDONLY);
    ssize_t n;

    if (fd < 0)
        return -1;
    hash_start(&h, algorithm);
    while ((n = read(fd, buf, sizeof buf)) > 0)
        hash_add(&h, buf, (size_t)n);
    if (fd != 0) {
        int saved = errno;

        close(fd);
        errno = saved;
    }
    if (n < 0)
        return -1;
    hash_end(&h, out);
    return 0;
}

static int print_digest(const char *name)
{
    char hex[65];

    if (digest_file(name, hex) < 0) {
        fprintf(stderr, "%s: %s: %s\n", PROGRAM, name, strerror(errno));
        return 1;
    }
    if (tag)
        printf("%s (%s) = %s\n", algorithm->tag, name, hex);
    else
        printf("%s %c%s\n", hex, binary ? '*' : ' ', name);
    return 0;
}

static int is_hex(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr("0123456789abcdefABCDEF", s[i]) || s[i] == '\0')
            return 0;
    return 1;
}

/* a checksum line, either "HASH  FILE" / "HASH *FILE" or BSD's "TAG (FILE) = HASH": points *hash
 * and *file into line (which it cuts); 0 if it is neither */
static int parse_check_line(char *line, char **hash, char **file)
{
    size_t hexlen = 8 * algorithm->words, taglen = strlen(algorithm->tag);

    if (strncmp(line, algorithm->tag, taglen) == 0 && strncmp(line + taglen, " (", 2) == 0) {
        char *end = strstr(line, ") = ");
        char *last;

        for (last = end; last != NULL; last = strstr(last + 1, ") = "))
            end = last;                             /* the last ") = ": the name may hold one */
        if (end == NULL || strlen(end + 4) != hexlen || !is_hex(end + 4, hexlen))
            return 0;
        *end = '\0';
        *file = line + taglen + 2;
        *hash = end + 4;
        return 1;
    }
    if (strlen(line) < hexlen + 3 || !is_hex(line, hexlen) || line[hexlen] != ' '
        || (line[hexlen + 1] != ' ' && line[hexlen + 1] != '*'))
        return 0;
    line[hexlen] = '\0';
    *hash = line;
    *file = line + hexlen + 2;
    return 1;
}

/* what -c found in one CHECKFILE */
struct check_counts {
    unsigned long lines, improper, unreadable, mismatched;
};

static void check_line(char *line, const char *checkfile, unsigned long number, struct check_counts *c)
{
    char *hash, *file, hex[65];

    if (!parse_check_line(line, &hash, &file)) {
        c->improper++;
        if (warn)
            fprintf(stderr, "%s: %s: %lu: improperly formatted %s checksum line\n", PROGRAM, checkfile,
                    number, algorithm->tag);
        return;
    }
    c->lines++;
    if (digest_file(file, hex) < 0) {
        fprintf(stderr, "%s: %s: %s\n", PROGRAM, file, strerror(errno));
        c->unreadable++;
        if (!status_only)
            printf("%s: FAILED open or read\n", file);
    } else if (strcasecmp(hex, hash) != 0) {
        c->mismatched++;
        if (!status_only)
            printf("%s: FAILED\n", file);
    } else if (!status_only && !quiet) {
        printf("%s: OK\n", file);
    }
}

/* GNU's summary: "WARNING: 1 line is improperly formatted", "WARNING: 2 lines are ..." */
static void warn_count(unsigned long n, const char *one, const char *many)
{
    if (n > 0 && !status_only)
        fprintf(stderr, "%s: WARNING: %lu %s\n", PROGRAM, n, n == 1 ? one : many);
}

/* -c: checks every line of CHECKFILE; 0 if all it names are there and match */
static int check(const char *checkfile)
{
    FILE *f = strcmp(checkfile, "-") == 0 ? stdin : fopen(checkfile, "r");
    const char *shown = f == stdin ? "'standard input'" : checkfile;    /* GNU quotes it */
    struct check_counts c = { 0, 0, 0, 0 };
    char *line = NULL;
    size_t size = 0;
    ssize_t len;
    unsigned long number = 0;

    if (f == NULL) {
        fprintf(stderr, "%s: %s: %s\n", PROGRAM, checkfile, strerror(errno));
        return 1;
    }
    while ((len = getline(&line, &size, f)) > 0) {
        if (line[len - 1] == '\n')
            line[len - 1] = '\0';
        check_line(line, shown, ++number, &c);
    }
    free(line);
    if (f != stdin)
        fclose(f);
    fflush(stdout);
    if (c.lines == 0) {
        fprintf(stderr, "%s: %s: no properly formatted checksum lines found\n", PROGRAM, shown);
        return 1;
    }
    warn_count(c.improper, "line is improperly formatted", "lines are improperly formatted");
    warn_count(c.unreadable, "listed file could not be read", "listed files could not be read");
    warn_count(c.mismatched, "computed checksum did NOT match", "computed checksums did NOT match");
    return c.unreadable || c.mismatched || (strict && c.improper);
}

static int digest_main(int argc, char **argv, const struct algorithm *alg)
{
    enum { TAG = 256, QUIET, STATUS, STRICT };
    static const struct option longopts[] = {
        { "binary", no_argument, NULL, 'b' }, { "text", no_argument, NULL, 't' },
        { "check", no_argument, NULL, 'c' }, { "warn", no_argument, NULL, 'w' },
        { "tag", no_argument, NULL, TAG }, { "quiet", no_argument, NULL, QUIET },
        { "status", no_argument, NULL, STATUS }, { "strict", no_argument, NULL, STRICT },
        { NULL, 0, NULL, 0 },
    };
    int checking = 0, status = 0, c;

    algorithm = alg;
    while ((c = getopt_long(argc, argv, "bctw", longopts, NULL)) != -1) {
        switch (c) {
        case 'b': binary = 1; break;
        case 't': binary = 0; break;
        case 'c': checking = 1; break;
        case 'w': warn = 1; break;
        case TAG: tag = 1; break;
        case QUIET: quiet = 1; break;
        case STATUS: status_only = 1; break;
        case STRICT: strict = 1; break;
        default:
            fprintf(stderr, "Try '%s --help' for more information.\n", PROGRAM);
            return 1;
        }
    }
    if (checking && tag) {
        fprintf(stderr, "%s: the --tag option is meaningless when verifying checksums\n", PROGRAM);
        return 1;
    }
    if (optind == argc)                             /* no FILE: standard input, named "-" */
        return checking ? check("-") : print_digest("-");
    for (int i = optind; i < argc; i++)
        status |= checking ? check(argv[i]) : print_digest(argv[i]);
    return status;
}
