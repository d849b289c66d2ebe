/*
 * uchar.c - the char16_t and char32_t conversions (uchar.h), through wchar.c's mbrtowc and
 * wcrtomb: a char32_t is a wide character; a char16_t too, except for the two halves of a
 * surrogate pair, which c16rtomb puts together first.
 */
#include <errno.h>
#include <uchar.h>

#define HIGH_SURROGATE(c) ((c) >= 0xD800 && (c) < 0xDC00)
#define LOW_SURROGATE(c) ((c) >= 0xDC00 && (c) < 0xE000)

/* Did mbrtowc's result r convert a character the caller asked for (s not NULL)? */
static int converted(size_t r, const char *s)
{
    return s != NULL && r < (size_t)-2;
}

size_t mbrtoc32(char32_t *pc32, const char *s, size_t n, mbstate_t *ps)
{
    wchar_t wc;
    size_t r = mbrtowc(&wc, s, n, ps);
    if (converted(r, s) && pc32 != NULL)
        *pc32 = (char32_t)wc;
    return r;
}

size_t mbrtoc16(char16_t *pc16, const char *s, size_t n, mbstate_t *ps)
{
    char32_t c32;
    size_t r = mbrtoc32(&c32, s, n, ps);
    if (converted(r, s) && pc16 != NULL)
        *pc16 = (char16_t)c32;                  /* below 0x80: one char16_t */
    return r;
}

size_t c32rtomb(char *s, char32_t c32, mbstate_t *ps)
{
    return wcrtomb(s, (wchar_t)c32, ps);        /* one above INT_MAX is negative: EILSEQ */
}

size_t c16rtomb(char *s, char16_t c16, mbstate_t *ps)
{
    static mbstate_t own;
    mbstate_t *state = ps != NULL ? ps : &own;
    int high = state->__count;                  /* a pending first half, or 0 */
    state->__count = 0;
    if (s == NULL)                              /* back to the initial state */
        return 1;
    if (high != 0 && LOW_SURROGATE(c16))
        return c32rtomb(s, 0x10000 + ((char32_t)(high - 0xD800) << 10) + (c16 - 0xDC00u), state);
    if (high != 0 || LOW_SURROGATE(c16)) {      /* a half without its other half */
        errno = EILSEQ;
        return (size_t)-1;
    }
    if (HIGH_SURROGATE(c16)) {
        state->__count = c16;
        return 0;
    }
    return c32rtomb(s, c16, state);
}
