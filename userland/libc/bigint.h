/*
 * bigint.h - unsigned big integers for exact decimal <-> binary conversion (internal).
 *
 * printf formats a double from its exact decimal value, and strtod rounds a decimal string to
 * the nearest double by comparing exact values; both need integers of up to ~3800 bits.
 * A bigint is an array of 32-bit limbs, least significant first.
 */
#ifndef _LIBC_BIGINT_H
#define _LIBC_BIGINT_H

#define BIG_LIMBS 160       /* 5120 bits */

struct bigint {
    int n;                          /* limbs in use; 0 means the value 0 */
    unsigned int limb[BIG_LIMBS];
};

void __big_set(struct bigint *b, unsigned long value);
void __big_mul_small(struct bigint *b, unsigned int factor);
void __big_add_small(struct bigint *b, unsigned int addend);
void __big_mul_pow5(struct bigint *b, int e);
void __big_shift_left(struct bigint *b, int bits);
unsigned int __big_divmod_small(struct bigint *b, unsigned int divisor);
int __big_compare(const struct bigint *a, const struct bigint *b);

#endif
