/*
 * string.c - the mem* and str* functions of string.h.
 *
 * The copies, memset, memcmp and memchr move or compare whole words when the addresses allow it,
 * reading only inside the [s, s + n) they were given (memcmp only inside the bounds, too: see
 * there); the rest works a byte at a time. strlen alone reads whole words past the end of a string, as many libcs do "because an aligned word
 * never crosses a page" -- but on CHERI that read may be outside the string's bounds and fault,
 * so strlen asks the capability where its bounds end and reads words only below that.
 *
 * memcpy and memmove must keep pointers working: when the source and the destination have the
 * same alignment within a 16-byte granule, the whole granules in between are copied as
 * capabilities (a `void *` load and store), which carries each granule's tag along. A byte copy
 * would copy the bits and lose the tag.
 */
#include <cheriintrin.h>
#include <stdlib.h>
#include <string.h>
#include "libc.h"

#define CAP_SIZE sizeof(void *)         /* 16 on ufos */
#define WORD_SIZE sizeof(unsigned long) /* 8 */

/* Does the word w hold a zero byte? The classic bit trick: subtracting 1 from every byte borrows
 * into a byte's top bit only where that byte was 0, or already had its top bit set. ones and
 * highs are ONES and HIGHS, passed in from locals so that the compiler keeps them in registers
 * (it does not hoist constants out of loops, nor inline a function, and this runs per word). */
#define ONES 0x0101010101010101UL
#define HIGHS 0x8080808080808080UL
#define HAS_ZERO_BYTE(w, ones, highs) ((((w) - (ones)) & ~(w) & (highs)) != 0)

/* The bytes from p to the end of its capability's bounds: how far p's object lets a loop read
 * whole words (all of memory for a hybrid pointer). */
static size_t bytes_to_top(const void *p)
{
    return cheri_base_get(__CAP(p)) + cheri_length_get(__CAP(p)) - __ADDR(p);
}

/* ---- copying --------------------------------------------------------------------------- */

void *memcpy(void *dest, const void *src, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;

    if (n >= WORD_SIZE) {                       /* shorter: no whole word, straight to the bytes */
        if (((__ADDR(d) ^ __ADDR(s)) & (CAP_SIZE - 1)) == 0) {
            /* Same alignment in the granule: bytes up to a granule boundary, then capabilities. */
            while (n > 0 && (__ADDR(d) & (CAP_SIZE - 1)) != 0) {
                *d++ = *s++;
                n--;
            }
            while (n >= 4 * CAP_SIZE) {
                void **dc = (void **)d;
                void *const *sc = (void *const *)s;
                dc[0] = sc[0];
                dc[1] = sc[1];
                dc[2] = sc[2];
                dc[3] = sc[3];
                d += 4 * CAP_SIZE;
                s += 4 * CAP_SIZE;
                n -= 4 * CAP_SIZE;
            }
            while (n >= CAP_SIZE) {
                *(void **)d = *(void *const *)s;
                d += CAP_SIZE;
                s += CAP_SIZE;
                n -= CAP_SIZE;
            }
        } else if (((__ADDR(d) ^ __ADDR(s)) & (WORD_SIZE - 1)) == 0) {
            /* Same alignment in a word (there can be no whole capabilities to keep): words. */
            while (n > 0 && (__ADDR(d) & (WORD_SIZE - 1)) != 0) {
                *d++ = *s++;
                n--;
            }
            while (n >= WORD_SIZE) {
                *(unsigned long *)d = *(const unsigned long *)s;
                d += WORD_SIZE;
                s += WORD_SIZE;
                n -= WORD_SIZE;
            }
        }
    }
    for (; n >= 4; n -= 4, d += 4, s += 4) {    /* 4 bytes a step: fewer loop tests */
        d[0] = s[0];
        d[1] = s[1];
        d[2] = s[2];
        d[3] = s[3];
    }
    while (n > 0) {
        *d++ = *s++;
        n--;
    }
    return dest;
}

/* Copy from the end to the start, for a destination that overlaps the source from above. */
static void copy_backward(unsigned char *d, const unsigned char *s, size_t n)
{
    d += n;
    s += n;
    if (((__ADDR(d) ^ __ADDR(s)) & (CAP_SIZE - 1)) == 0) {
        while (n > 0 && (__ADDR(d) & (CAP_SIZE - 1)) != 0) {
            *--d = *--s;
            n--;
        }
        while (n >= CAP_SIZE) {
            d -= CAP_SIZE;
            s -= CAP_SIZE;
            *(void **)d = *(void *const *)s;
            n -= CAP_SIZE;
        }
    } else if (((__ADDR(d) ^ __ADDR(s)) & (WORD_SIZE - 1)) == 0) {
        while (n > 0 && (__ADDR(d) & (WORD_SIZE - 1)) != 0) {
            *--d = *--s;
            n--;
        }
        while (n >= WORD_SIZE) {
            d -= WORD_SIZE;
            s -= WORD_SIZE;
            *(unsigned long *)d = *(const unsigned long *)s;
            n -= WORD_SIZE;
        }
    }
    while (n > 0) {
        *--d = *--s;
        n--;
    }
}

void *memmove(void *dest, const void *src, size_t n)
{
    ptraddr_t d = __ADDR(dest), s = __ADDR(src);

    if (d <= s || d >= s + n)
        return memcpy(dest, src, n);    /* memcpy copies upwards: safe when dest is below */
    copy_backward(dest, src, n);
    return dest;
}

void *memccpy(void *dest, const void *src, int c, size_t n)
{
    unsigned char *d = dest;
    const unsigned char *s = src;

    while (n-- > 0) {
        *d = *s++;
        if (*d++ == (unsigned char)c)
            return d;
    }
    return NULL;
}

void *memset(void *s, int c, size_t n)
{
    unsigned char *p = s;
    unsigned char b = (unsigned char)c;
    unsigned long word;

    while (n > 0 && (__ADDR(p) & (WORD_SIZE - 1)) != 0) {
        *p++ = b;
        n--;
    }
    if (n >= WORD_SIZE) {
        word = b * 0x0101010101010101UL;
        while (n >= WORD_SIZE) {
            *(unsigned long *)p = word;     /* a data store: it also clears the granule's tag */
            p += WORD_SIZE;
            n -= WORD_SIZE;
        }
    }
    while (n > 0) {
        *p++ = b;
        n--;
    }
    return s;
}

/* ---- comparing and searching memory ----------------------------------------------------- */

/*
 * memcmp steps over equal words and groups of 4 bytes only below both bounds, so that it never
 * reads past the first byte that differs where that would leave an object. Code often passes an
 * n longer than one of the objects, knowing the bytes differ before its end: kilo's highlighter
 * compares memcmp(p, keyword, strlen(keyword)) near the end of a line. A byte-by-byte memcmp
 * stops in time; a word read past the end would fault on CHERI.
 */
int memcmp(const void *s1, const void *s2, size_t n)
{
    const unsigned char *a = s1, *b = s2;
    size_t in_bounds = n, beyond;                /* for the fast steps; then the bytes beyond */

    if (in_bounds > bytes_to_top(a))
        in_bounds = bytes_to_top(a);
    if (in_bounds > bytes_to_top(b))
        in_bounds = bytes_to_top(b);
    beyond = n - in_bounds;
    if (((__ADDR(a) ^ __ADDR(b)) & (WORD_SIZE - 1)) == 0) {
        /* Same alignment in a word: bytes up to a word boundary, then equal words are skipped. */
        for (; in_bounds > 0 && (__ADDR(a) & (WORD_SIZE - 1)) != 0; in_bounds--, a++, b++)
            if (*a != *b)
                return *a - *b;
        for (; in_bounds >= WORD_SIZE && *(const unsigned long *)a == *(const unsigned long *)b;
             in_bounds -= WORD_SIZE) {
            a += WORD_SIZE;
            b += WORD_SIZE;
        }
    }
    for (; in_bounds >= 4; in_bounds -= 4, a += 4, b += 4)  /* 4 bytes a step while they are equal */
        if ((a[0] ^ b[0]) | (a[1] ^ b[1]) | (a[2] ^ b[2]) | (a[3] ^ b[3]))
            break;
    for (n = in_bounds + beyond; n > 0; n--, a++, b++)      /* the rest, and the bytes that differ */
        if (*a != *b)
            return *a - *b;
    return 0;
}

void *memchr(const void *s, int c, size_t n)
{
    const unsigned char *p = s;
    unsigned char b = (unsigned char)c;
    unsigned long ones = ONES, highs = HIGHS, w;
    unsigned long pattern = b * ones;           /* a word of c's: a word ^ pattern has a 0 where c is */

    for (; n > 0 && (__ADDR(p) & (WORD_SIZE - 1)) != 0; n--, p++)
        if (*p == b)
            return (void *)p;
    for (; n >= WORD_SIZE; n -= WORD_SIZE, p += WORD_SIZE) {
        w = *(const unsigned long *)p ^ pattern;
        if (HAS_ZERO_BYTE(w, ones, highs))
            break;
    }
    for (; n > 0; n--, p++)                     /* the rest, and the word that holds c */
        if (*p == b)
            return (void *)p;
    return NULL;
}

void *memrchr(const void *s, int c, size_t n)
{
    const unsigned char *p = (const unsigned char *)s + n;

    while (n-- > 0)
        if (*--p == (unsigned char)c)
            return (void *)p;
    return NULL;
}

/* ---- lengths and comparisons ------------------------------------------------------------ */

size_t strlen(const char *s)
{
    const char *p = s;
    ptraddr_t top = __ADDR(s) + bytes_to_top(s);    /* s's bounds end there */
    unsigned long ones = ONES, highs = HIGHS, w;

    for (; (__ADDR(p) & (WORD_SIZE - 1)) != 0; p++)
        if (*p == '\0')
            return (size_t)(p - s);
    for (; __ADDR(p) + WORD_SIZE <= top; p += WORD_SIZE) {
        w = *(const unsigned long *)p;
        if (HAS_ZERO_BYTE(w, ones, highs))
            break;
    }
    while (*p != '\0')                          /* the word that holds the NUL, or the last bytes */
        p++;
    return (size_t)(p - s);
}

size_t strnlen(const char *s, size_t maxlen)
{
    size_t n = 0;

    while (n < maxlen && s[n] != '\0')
        n++;
    return n;
}

int strcmp(const char *s1, const char *s2)
{
    const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;

    while (*a != '\0' && *a == *b) {
        a++;
        b++;
    }
    return *a - *b;
}

int strncmp(const char *s1, const char *s2, size_t n)
{
    const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;

    for (; n > 0; n--, a++, b++) {
        if (*a != *b)
            return *a - *b;
        if (*a == '\0')
            return 0;
    }
    return 0;
}

/* Only the "C" locale: collation is byte order. */
int strcoll(const char *s1, const char *s2)
{
    return strcmp(s1, s2);
}

size_t strxfrm(char *dest, const char *src, size_t n)
{
    size_t len = strlen(src);

    if (len < n)
        memcpy(dest, src, len + 1);
    return len;
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

int strcasecmp(const char *s1, const char *s2)
{
    const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;

    while (*a != '\0' && lower(*a) == lower(*b)) {
        a++;
        b++;
    }
    return lower(*a) - lower(*b);
}

int strncasecmp(const char *s1, const char *s2, size_t n)
{
    const unsigned char *a = (const unsigned char *)s1, *b = (const unsigned char *)s2;

    for (; n > 0; n--, a++, b++) {
        if (lower(*a) != lower(*b))
            return lower(*a) - lower(*b);
        if (*a == '\0')
            return 0;
    }
    return 0;
}

/* ---- copying strings -------------------------------------------------------------------- */

char *strcpy(char *dest, const char *src)
{
    char *d = dest;

    while ((*d++ = *src++) != '\0')
        ;
    return dest;
}

char *stpcpy(char *dest, const char *src)
{
    while ((*dest = *src++) != '\0')
        dest++;
    return dest;
}

/* Copy at most n bytes of src and pad with NULs to n bytes (so the result may be unterminated). */
char *strncpy(char *dest, const char *src, size_t n)
{
    size_t i = 0;

    for (; i < n && src[i] != '\0'; i++)
        dest[i] = src[i];
    for (; i < n; i++)
        dest[i] = '\0';
    return dest;
}

char *stpncpy(char *dest, const char *src, size_t n)
{
    size_t len = strnlen(src, n);

    strncpy(dest, src, n);
    return dest + len;
}

/* Copy as much of src as fits in size bytes, always terminated; the length of src. */
size_t strlcpy(char *dest, const char *src, size_t size)
{
    size_t len = strlen(src);

    if (size > 0) {
        size_t n = len < size - 1 ? len : size - 1;
        memcpy(dest, src, n);
        dest[n] = '\0';
    }
    return len;
}

size_t strlcat(char *dest, const char *src, size_t size)
{
    size_t used = strnlen(dest, size);

    if (used == size)
        return size + strlen(src);
    return used + strlcpy(dest + used, src, size - used);
}

char *strcat(char *dest, const char *src)
{
    strcpy(dest + strlen(dest), src);
    return dest;
}

/* Append at most n bytes of src, then a NUL. */
char *strncat(char *dest, const char *src, size_t n)
{
    char *d = dest + strlen(dest);

    while (n > 0 && *src != '\0') {
        *d++ = *src++;
        n--;
    }
    *d = '\0';
    return dest;
}

char *strdup(const char *s)
{
    size_t n = strlen(s) + 1;
    char *copy = malloc(n);

    if (copy != NULL)
        memcpy(copy, s, n);
    return copy;
}

char *strndup(const char *s, size_t n)
{
    size_t len = strnlen(s, n);
    char *copy = malloc(len + 1);

    if (copy != NULL) {
        memcpy(copy, s, len);
        copy[len] = '\0';
    }
    return copy;
}

/* ---- searching strings ------------------------------------------------------------------ */

char *strchr(const char *s, int c)
{
    for (;; s++) {
        if (*s == (char)c)
            return (char *)s;
        if (*s == '\0')
            return NULL;
    }
}

char *strrchr(const char *s, int c)
{
    const char *found = NULL;

    for (;; s++) {
        if (*s == (char)c)
            found = s;
        if (*s == '\0')
            return (char *)found;
    }
}

char *strstr(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);

    if (n == 0)
        return (char *)haystack;
    for (; *haystack != '\0'; haystack++)
        if (*haystack == *needle && strncmp(haystack, needle, n) == 0)
            return (char *)haystack;
    return NULL;
}

void *memmem(const void *haystack, size_t haystacklen, const void *needle, size_t needlelen)
{
    const unsigned char *h = haystack, *first = needle;

    if (needlelen == 0)
        return (void *)haystack;
    while (haystacklen >= needlelen) {
        const unsigned char *p = memchr(h, *first, haystacklen - needlelen + 1);
        if (p == NULL)
            return NULL;
        if (memcmp(p, needle, needlelen) == 0)
            return (void *)p;
        haystacklen -= (size_t)(p - h) + 1;
        h = p + 1;
    }
    return NULL;
}

char *strcasestr(const char *haystack, const char *needle)
{
    size_t n = strlen(needle);

    for (; *haystack != '\0' || n == 0; haystack++)
        if (strncasecmp(haystack, needle, n) == 0)
            return (char *)haystack;
    return NULL;
}

/* As strchr, but a pointer to the terminating '\0' (not NULL) when c is not in s. */
char *strchrnul(const char *s, int c)
{
    while (*s != '\0' && *s != (char)c)
        s++;
    return (char *)s;
}

/* A set of bytes, a bit each: strspn and strcspn make one of their second string, then look each
 * byte of the first up in it, where a strchr per byte would cost the whole set's length. */
struct byteset {
    unsigned long bits[4];
};

static void byteset_of(struct byteset *set, const char *chars)
{
    set->bits[0] = set->bits[1] = set->bits[2] = set->bits[3] = 0;
    for (const unsigned char *c = (const unsigned char *)chars; *c; c++)
        set->bits[*c >> 6] |= 1UL << (*c & 63);
}

static int in_byteset(const struct byteset *set, unsigned char c)
{
    return set->bits[c >> 6] >> (c & 63) & 1;
}

size_t strspn(const char *s, const char *accept)
{
    struct byteset set;
    size_t n = 0;

    byteset_of(&set, accept);                   /* no NUL in it: the end of s stops the scan */
    while (in_byteset(&set, (unsigned char)s[n]))
        n++;
    return n;
}

size_t strcspn(const char *s, const char *reject)
{
    struct byteset set;
    size_t n = 0;

    byteset_of(&set, reject);
    set.bits[0] |= 1;                           /* the end of s stops the scan as a rejected byte does */
    while (!in_byteset(&set, (unsigned char)s[n]))
        n++;
    return n;
}

char *strpbrk(const char *s, const char *accept)
{
    s += strcspn(s, accept);
    return *s != '\0' ? (char *)s : NULL;
}

/* Split s into tokens separated by runs of delim characters; *saveptr remembers where. */
char *strtok_r(char *s, const char *delim, char **saveptr)
{
    char *end;

    if (s == NULL)
        s = *saveptr;
    if (s == NULL)
        return NULL;
    s += strspn(s, delim);
    if (*s == '\0') {
        *saveptr = NULL;
        return NULL;
    }
    end = s + strcspn(s, delim);
    if (*end != '\0') {
        *end = '\0';
        *saveptr = end + 1;
    } else {
        *saveptr = NULL;
    }
    return s;
}

char *strtok(char *s, const char *delim)
{
    static char *next;

    return strtok_r(s, delim, &next);
}

/* Take the token before the first delim character off *stringp (empty tokens included). */
char *strsep(char **stringp, const char *delim)
{
    char *s = *stringp, *end;

    if (s == NULL)
        return NULL;
    end = s + strcspn(s, delim);
    if (*end != '\0') {
        *end = '\0';
        *stringp = end + 1;
    } else {
        *stringp = NULL;
    }
    return s;
}
