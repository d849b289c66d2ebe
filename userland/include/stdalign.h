/*
 * stdalign.h - the spellings `alignas` and `alignof` for C11's _Alignas and _Alignof (C11 7.15).
 *
 * ufos C honours _Alignas on struct members and on variables: up to 16 bytes (max_align_t, the
 * stack's alignment) for members and automatic variables, up to a page (4096) for static ones.
 * A larger request is a compile error, as C11 lets an implementation choose (6.2.8).
 */
#ifndef _STDALIGN_H
#define _STDALIGN_H

#define alignas _Alignas
#define alignof _Alignof
#define __alignas_is_defined 1
#define __alignof_is_defined 1

#endif
