/*
 * compartment.h - what a compartmentalised program (docs/compartments.md) can ask about itself.
 *
 *   void *compartment_shared(size_t *size)
 *       With `sharing = "overlap"` in the program's description, the window every compartment's
 *       DDC covers: a plain pointer that means the same memory in all of them (method 2 of
 *       FlexCap). Sets *size (if size is not NULL) to its size in bytes. NULL, and *size 0, in a
 *       program without one.
 *
 * The linker gives every compartment its own copy of this function.
 */
#ifndef _COMPARTMENT_H
#define _COMPARTMENT_H

#include <stddef.h>

void *compartment_shared(size_t *size);

#endif
