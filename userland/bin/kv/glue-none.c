/*
 * glue-none.c - no compartments: hash.c is linked into main, and kv_hash is a direct call.
 * The library reads whatever main can read (kv.toml).
 */
#include "kvglue.h"
#include "kvhash.h"

void kv_start(void)
{
}

unsigned long kv_hash(const char *key, size_t len)
{
    return hash_key(key, len);
}
