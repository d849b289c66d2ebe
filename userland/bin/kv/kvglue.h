/*
 * kvglue.h - how main calls the hash library, whichever way it is reached: each glue-*.c file
 * (a direct call, a capability, the shared window, a pipe to a child μprocess) gives these two.
 */
#ifndef KVGLUE_H
#define KVGLUE_H

#include <stddef.h>

/* Called once, first thing, before main holds anything secret (glue-pipe forks the library's
 * μprocess here, so the child starts with no copy of the secret). */
void kv_start(void);

/* The library's hash of the len bytes at key. */
unsigned long kv_hash(const char *key, size_t len);

#endif
