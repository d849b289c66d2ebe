/*
 * glue-overlap.c - method 2, sharing by overlapping windows (kv-overlap.toml): main copies the key
 * into the window every compartment's DDC covers and passes a plain pointer to the copy. The
 * window is used as a ring, so earlier keys stay in it: the library can read all of them.
 */
#include <compartment.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kvglue.h"
#include "kvhash.h"

static char *shared;
static size_t shared_size, next;

void kv_start(void)
{
    shared = compartment_shared(&shared_size);
    if (shared == NULL) {
        fputs("kv: no shared window: build kv-overlap with sharing = \"overlap\"\n", stderr);
        exit(1);
    }
}

unsigned long kv_hash(const char *key, size_t len)
{
    if (len > shared_size) {
        fputs("kv: key larger than the shared window\n", stderr);
        exit(1);
    }
    if (next + len > shared_size)
        next = 0;
    char *copy = shared + next;
    memcpy(copy, key, len);
    next += len;
    return hash_key(copy, len);
}
