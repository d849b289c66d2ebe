/*
 * md5sum - the MD5 (RFC 1321) digests of files, or checks them: GNU's md5sum.
 *
 *     md5sum [-bt] [--tag] [FILE...]
 *     md5sum -c [--quiet] [--status] [-w] [--strict] [CHECKFILE...]
 *
 * Writes "HASH  FILE" for each FILE ("-", or none: standard input). The options, and the digest
 * itself, are in digest.h, which md5sum, sha1sum and sha256sum share.
 */
#define PROGRAM "md5sum"
#include "digest.h"

int main(int argc, char **argv)
{
    return digest_main(argc, argv, &md5);
}
