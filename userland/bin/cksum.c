/*
 * cksum - the POSIX checksum (a CRC) and size of files.
 *
 *     cksum [FILE...]
 *
 * Writes "CRC SIZE FILE" for each FILE ("CRC SIZE" for standard input, read when there is no
 * FILE; "-" is standard input, named "-"). The CRC is POSIX's: the 32-bit CRC with the
 * polynomial 0x04C11DB7 of the bytes and then of the length (its low byte first, as few bytes
 * as it needs), complemented; the same numbers as GNU's and every other cksum.
 * Not supported: GNU's -a ALGORITHM (md5, sha*...), --tag, --raw, -c and their kin.
 * Exit status: 0, or 1 if a file could not be read.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

/* prints the line for one open file; 0, or -1 on a read error */
static int cksum(int fd, const char *name)
{
    static unsigned char buf[8192];
    uint32_t crc = 0;
    uint64_t size = 0;
    ssize_t n;

    while ((n = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t i = 0; i < n; i++)
            crc = crc_byte(crc, buf[i]);
        size += (uint64_t)n;
    }
    if (n < 0)
        return -1;
    for (uint64_t len = size; len != 0; len >>= 8)
        crc = crc_byte(crc, len & 0xff);
    printf("%lu %llu", (unsigned long)(~crc & 0xffffffffu), (unsigned long long)size);
    if (name != NULL)
        printf(" %s", name);
    putchar('\n');
    return 0;
}

int main(int argc, char **argv)
{
    int status = 0, c;

    while ((c = getopt(argc, argv, "")) != -1) {
        fprintf(stderr, "usage: cksum [FILE...]\n");
        return 1;
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
