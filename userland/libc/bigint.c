/*
 * bigint.c - just enough big-integer arithmetic for printf and strtod (see bigint.h).
 * Products of two 32-bit limbs fit in an unsigned long, which carries the arithmetic.
 */
#include "bigint.h"

void __big_set(struct bigint *b, unsigned long value)
{
    b->n = 0;
    while (value != 0) {
        b->limb[b->n++] = (unsigned int)value;
        value >>= 32;
    }
}

void __big_mul_small(struct bigint *b, unsigned int factor)
{
    unsigned long carry = 0;
    int i;

    for (i = 0; i < b->n; i++) {
        carry += (unsigned long)b->limb[i] * factor;
        b->limb[i] = (unsigned int)carry;
        carry >>= 32;
    }
    if (carry != 0 && b->n < BIG_LIMBS)
        b->limb[b->n++] = (unsigned int)carry;
}

void __big_add_small(struct bigint *b, unsigned int addend)
{
    unsigned long carry = addend;
    int i;

    for (i = 0; i < b->n && carry != 0; i++) {
        carry += b->limb[i];
        b->limb[i] = (unsigned int)carry;
        carry >>= 32;
    }
    if (carry != 0 && b->n < BIG_LIMBS)
        b->limb[b->n++] = (unsigned int)carry;
}

/* b *= 5**e: 5**13 is the largest power of 5 below 2**32. */
void __big_mul_pow5(struct bigint *b, int e)
{
    while (e >= 13) {
        __big_mul_small(b, 1220703125U);
        e -= 13;
    }
    if (e > 0) {
        unsigned int f = 1;
        while (e-- > 0)
            f *= 5;
        __big_mul_small(b, f);
    }
}

void __big_shift_left(struct bigint *b, int bits)
{
    int words = bits / 32, shift = bits % 32, i;

    if (b->n == 0 || bits == 0)
        return;
    if (shift != 0) {
        unsigned int carry = 0, next;
        for (i = 0; i < b->n; i++) {
            next = b->limb[i] >> (32 - shift);
            b->limb[i] = (b->limb[i] << shift) | carry;
            carry = next;
        }
        if (carry != 0 && b->n < BIG_LIMBS)
            b->limb[b->n++] = carry;
    }
    if (words > 0) {
        if (b->n + words > BIG_LIMBS)
            words = BIG_LIMBS - b->n;
        for (i = b->n - 1; i >= 0; i--)
            b->limb[i + words] = b->limb[i];
        for (i = 0; i < words; i++)
            b->limb[i] = 0;
        b->n += words;
    }
}

/* b /= divisor; returns the remainder. */
unsigned int __big_divmod_small(struct bigint *b, unsigned int divisor)
{
    unsigned long rem = 0;
    int i;

    for (i = b->n - 1; i >= 0; i--) {
        rem = (rem << 32) | b->limb[i];
        b->limb[i] = (unsigned int)(rem / divisor);
        rem %= divisor;
    }
    while (b->n > 0 && b->limb[b->n - 1] == 0)
        b->n--;
    return (unsigned int)rem;
}

/* -1, 0 or 1 as a < b, a == b, a > b. */
int __big_compare(const struct bigint *a, const struct bigint *b)
{
    int i;

    if (a->n != b->n)
        return a->n < b->n ? -1 : 1;
    for (i = a->n - 1; i >= 0; i--)
        if (a->limb[i] != b->limb[i])
            return a->limb[i] < b->limb[i] ? -1 : 1;
    return 0;
}
