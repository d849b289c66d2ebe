/*
 * kvhash.h - the hash library's interface: what main may call in the library (kv's hash.c).
 *
 * With sharing = "capabilities" the key crosses into the library's compartment as a capability
 * bounded to exactly the key (-DKV_CAPABILITIES, for both sides); otherwise it is a plain
 * pointer, which the library reaches through its own DDC.
 */
#ifndef KVHASH_H
#define KVHASH_H

#include <stddef.h>

#ifdef KV_CAPABILITIES
typedef const char * __capability KEY;
#else
typedef const char *KEY;
#endif

/* FNV-1a, 64 bits, over the len bytes at key. */
unsigned long hash_key(KEY key, size_t len);

#endif
