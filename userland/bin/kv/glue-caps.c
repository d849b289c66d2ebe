/*
 * glue-caps.c - method 1, sharing by capabilities (kv-caps.toml): the library gets a read-only
 * capability bounded to exactly the key. It can read the key and nothing else of main's.
 */
#include <cheriintrin.h>

#include "kvglue.h"
#include "kvhash.h"

void kv_start(void)
{
}

unsigned long kv_hash(const char *key, size_t len)
{
    KEY cap = cheri_bounds_set_exact((KEY)key, len);
    cap = cheri_perms_and(cap, CHERI_PERM_LOAD | CHERI_PERM_GLOBAL);
    return hash_key(cap, len);
}
