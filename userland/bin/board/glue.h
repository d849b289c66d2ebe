/*
 * glue.h - how board's main calls the run-length codec (glue.c). Both return the length of what
 * they wrote to out, or -1 if it does not fit in room bytes (or in is not a valid coding).
 */
#ifndef GLUE_H
#define GLUE_H

#include <stddef.h>

long board_pack(const char *in, size_t n, char *out, size_t room);
long board_unpack(const char *in, size_t n, char *out, size_t room);

#endif
