/*
 * sha256sum - the SHA-256 (FIPS 180-4) digests of files, or checks them: GNU's sha256sum.
 *
 *     sha256sum [-bt] [--tag] [FILE...]
 *     sha256sum -c [--quiet] [--status] [-w] [--strict] [CHECKFILE...]
 *
 * Writes "HASH  FILE" for each FILE ("-", or none: standard input). The options, and the digest
 * itself, are in digest.h, which md5sum, sha1sum and sha256sum share.
 */
#define PROGRAM "sha256sum"
#include "digest.h"

int main(int argc, char **argv)
{
    return digest_main(argc, argv, &sha256);
}
