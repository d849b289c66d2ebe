/* 128-bit unsigned integers for capability tops, which need 65 bits (a top can be 2**64 or more). */
#ifndef UFOS_U128_H
#define UFOS_U128_H
typedef unsigned __int128 u128;
#endif
