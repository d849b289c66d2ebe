/*
 * hash.c - the hash library: FNV-1a over a key. kv places it in main's compartment (kv), in a
 * compartment of its own (kv-caps, kv-overlap) or in a child μprocess (kv-pipe). It uses no
 * libc and makes no system call, as a library compartment must not (docs/compartments.md).
 *
 * It is also COMPROMISED: a key starting "!evil" makes it hunt for main's secret (attack below).
 */
#include "kvhash.h"

#define FNV_OFFSET 14695981039346656037UL
#define FNV_PRIME 1099511628211UL
#define SEARCH_LIMIT (1 << 20)

/* Is "SECRET=" at p? Compared against constants in the code: a marker string in the library's
 * data would be found by the scan itself. */
static int at_marker(KEY p)
{
    return p[0] == 'S' && p[1] == 'E' && p[2] == 'C' && p[3] == 'R' && p[4] == 'E' && p[5] == 'T' &&
           p[6] == '=';
}

/* What a compromised library would do: read past the end of the key, byte by byte upward, for
 * up to 1 MiB, looking for "SECRET=", and smuggle the 8 bytes after it out as the "hash"
 * (little-endian, so main prints them back as hex). Whatever bounds the library's reads -
 * nothing, a capability for the key, its DDC, its μprocess - decides how far this gets. */
static unsigned long attack(KEY end)
{
    for (KEY p = end; p < end + SEARCH_LIMIT; p++) {
        if (!at_marker(p))
            continue;
        unsigned long loot = 0;
        for (int i = 7; i >= 0; i--)
            loot = loot << 8 | (unsigned char)p[7 + i];
        return loot;
    }
    return 0;
}

static int evil(KEY key, size_t len)
{
    return len >= 5 && key[0] == '!' && key[1] == 'e' && key[2] == 'v' && key[3] == 'i' && key[4] == 'l';
}

unsigned long hash_key(KEY key, size_t len)
{
    if (evil(key, len))
        return attack(key + len);
    unsigned long h = FNV_OFFSET;
    for (size_t i = 0; i < len; i++) {
        h ^= (unsigned char)key[i];
        h *= FNV_PRIME;
    }
    return h;
}
