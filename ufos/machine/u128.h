/* 128-bit integers: capability tops need 65 bits (a top can be 2**64 or more), and UMULH/SMULH
 * need the high half of a 64 x 64-bit product. */
#ifndef UFOS_U128_H
#define UFOS_U128_H
typedef unsigned __int128 u128;
typedef __int128 i128;
#endif
