/*
 * rle.h - the run-length codec's interface (rle.c). What its pointers are is yours to choose
 * (lab compartments): plain pointers, which the codec reaches through its DDC, or capabilities,
 * which carry their own bounds and permissions into its compartment.
 */
#ifndef RLE_H
#define RLE_H

#include <stddef.h>

// BEGIN SOLUTION compartments
typedef const char * __capability rle_in;       /* what the codec reads */
typedef char * __capability rle_out;            /* where it writes */
// STUB
// typedef const char *rle_in;                   /* what the codec reads */
// typedef char *rle_out;                        /* where it writes */
// END SOLUTION

/* Each returns the length of what it wrote to out, or -1 if it does not fit in room bytes. */
long rle_pack(rle_in in, size_t n, rle_out out, size_t room);
long rle_unpack(rle_in in, size_t n, rle_out out, size_t room);

#endif
