/*
 * glue.c - main's side of every call into the run-length codec (rle.c): what the codec is given
 * to read and to write. With the codec in a compartment of its own (board.toml), this is where
 * main decides what the codec can reach.
 */
#include "glue.h"
#include "rle.h"

// BEGIN SOLUTION compartments
#include <cheriintrin.h>

/* Method 1 (sharing = "capabilities"): the codec gets a capability to exactly the bytes it
 * reads, read-only, and one to exactly the bytes it may write, write-only. */
static rle_in readable(const char *p, size_t n)
{
    return cheri_perms_and(cheri_bounds_set_exact((rle_in)p, n), CHERI_PERM_LOAD | CHERI_PERM_GLOBAL);
}

static rle_out writable(char *p, size_t n)
{
    return cheri_perms_and(cheri_bounds_set_exact((rle_out)p, n), CHERI_PERM_STORE | CHERI_PERM_GLOBAL);
}

long board_pack(const char *in, size_t n, char *out, size_t room)
{
    return rle_pack(readable(in, n), n, writable(out, room), room);
}

long board_unpack(const char *in, size_t n, char *out, size_t room)
{
    return rle_unpack(readable(in, n), n, writable(out, room), room);
}
// STUB
// long board_pack(const char *in, size_t n, char *out, size_t room)
// {
//     return rle_pack(in, n, out, room);
// }
//
// long board_unpack(const char *in, size_t n, char *out, size_t room)
// {
//     return rle_unpack(in, n, out, room);
// }
// END SOLUTION
