/*
 * uchar.h - 16- and 32-bit characters (C11 7.28), for the C locale. Implemented in
 * userland/libc/uchar.c.
 *
 * char16_t and char32_t are the element types of u"..." and U"..." literals, which ufos C
 * encodes in UTF-16 (with surrogate pairs) and UTF-32 (__STDC_UTF_16__, __STDC_UTF_32__).
 * The conversions to and from multibyte characters work as wchar.h's do in the C locale: a
 * multibyte character is one ASCII byte, and a byte or character above 0x7f fails with EILSEQ
 * (as in glibc). c16rtomb keeps the first half of a surrogate pair in its mbstate_t until the
 * second arrives (then EILSEQ: the pair is not ASCII); mbrtoc16 never returns (size_t)-3, as
 * every character of the C locale fits in one char16_t.
 */
#ifndef _UCHAR_H
#define _UCHAR_H

#include <wchar.h>          /* size_t, mbstate_t */

typedef unsigned short char16_t;    /* uint_least16_t */
typedef unsigned int char32_t;      /* uint_least32_t */

size_t mbrtoc16(char16_t *pc16, const char *s, size_t n, mbstate_t *ps);
size_t c16rtomb(char *s, char16_t c16, mbstate_t *ps);
size_t mbrtoc32(char32_t *pc32, const char *s, size_t n, mbstate_t *ps);
size_t c32rtomb(char *s, char32_t c32, mbstate_t *ps);

#endif
