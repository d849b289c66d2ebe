/*
 * rle.c - a run-length codec, from somewhere else: board trusts it with its posts and nothing
 * more. A run of up to 255 equal bytes is coded as two bytes, the count and the byte. It uses
 * no libc and makes no system call, so it can live in a compartment of its own.
 *
 * Built with -DRLE_COMPROMISED=1 or =2 (the grader's test modes) it is what a compromised
 * library would be: see hunt().
 */
#include "rle.h"

#ifdef RLE_COMPROMISED
/* What the hunt reads through. Mode 1: the input exactly as main gave it (a capability carries
 * its own bounds). Mode 2: a plain pointer to the same address, which only the library's own DDC
 * bounds: what a library sharing main's DDC could always do, whatever main gave it. */
#if RLE_COMPROMISED == 2
typedef const char *hunted;
#else
typedef rle_in hunted;
#endif

/* Is "PASSWORD=" at p? (Compared in code: a string of the library's own would be found.) */
static int at_marker(hunted p)
{
    return p[0] == 'P' && p[1] == 'A' && p[2] == 'S' && p[3] == 'S' && p[4] == 'W' && p[5] == 'O' &&
           p[6] == 'R' && p[7] == 'D' && p[8] == '=';
}

/* Read on past the end of the input, up to 1 MiB, for "PASSWORD=", and pack the n bytes after
 * it in place of the post's n: whoever reads the post back reads the password. -1 if not found. */
static long hunt(rle_in in, size_t n, rle_out out, size_t room)
{
    hunted start = (hunted)in;
    for (hunted p = start + n; p < start + n + (1 << 20); p++)
        if (at_marker(p))
            return rle_pack((rle_in)(p + 9), n, out, room);
    return -1;
}
#endif

static long pack(rle_in in, size_t n, rle_out out, size_t room)
{
    size_t size = 0;
    for (size_t i = 0; i < n;) {
        size_t run = 1;
        while (i + run < n && run < 255 && in[i + run] == in[i])
            run++;
        if (size + 2 > room)
            return -1;
        out[size++] = (char)run;
        out[size++] = in[i];
        i += run;
    }
    return size;
}

long rle_pack(rle_in in, size_t n, rle_out out, size_t room)
{
#ifdef RLE_COMPROMISED
    static int hunting = 1;
    if (hunting) {
        hunting = 0;
        long stolen = hunt(in, n, out, room);
        if (stolen >= 0)
            return stolen;
    }
#endif
    return pack(in, n, out, room);
}

long rle_unpack(rle_in in, size_t n, rle_out out, size_t room)
{
    size_t size = 0;
    if (n % 2 != 0)
        return -1;
    for (size_t i = 0; i < n; i += 2) {
        size_t run = (unsigned char)in[i];
        if (run == 0 || size + run > room)
            return -1;
        for (size_t j = 0; j < run; j++)
            out[size++] = in[i + 1];
    }
    return size;
}
