/*
 * printf.c - the printf family.
 *
 * One engine, __vformat, reads the format and produces text into a `struct __printf_out`,
 * which sends it to a stream (printf, fprintf), a file descriptor (dprintf) or a buffer
 * (sprintf, snprintf). Output for a stream or descriptor is gathered in a small staging buffer
 * first, so that printing to an unbuffered stream (stderr) takes one write, not one per piece.
 *
 * A conversion is %[flags][width][.precision][length]conversion:
 *     flags      - (left-justify) + (always a sign) space (a space for +) 0 (pad with zeros)
 *                # (alternate form: 0x for %x, a leading 0 for %o, always a point for %f)
 *                ' (thousands grouping: none in the C locale, the only one ufos has)
 *     width      digits or * (an int argument; negative means -)
 *     precision  digits or * (negative means none)
 *     length     hh h l ll z t j L (and q, the same as ll)
 *     conversion d i u o x X c s p n % f F e E g G a A m (m: strerror(errno), no argument)
 *                %lc and %ls take a wide character / wide string (wchar.h) and print it as
 *                multibyte text: in the C locale, ASCII only; anything above 0x7f makes the
 *                call fail with EILSEQ, as glibc does.
 *
 * The wide family (wstdio.c) uses the same engine with a narrowed format and a "wide" output:
 * there %ls and %lc keep every wide character (into a wide buffer, swprintf) or print the ones
 * above 0x7f as '?' (into a stream, as glibc's C locale does), and it is %s with a byte above 0x7f
 * that fails with EILSEQ.
 *
 * Doubles are converted exactly (bigint.c) and rounded half to even, so the output is the
 * correctly rounded decimal (the same as glibc's). %p prints a capability as the machine does;
 * see stdio.h.
 */
#include <cheriintrin.h>
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wchar.h>
#include "bigint.h"
#include "libc.h"

/* ---- where the text goes -------------------------------------------------------------------- */

struct __printf_out {
    FILE *stream;           /* a stream, or */
    int fd;                 /* a file descriptor (>= 0), or */
    char *buf;              /* a buffer of size bytes: text up to size - 1, then a NUL, or */
    wchar_t *wbuf;          /* a buffer of size wide characters, the same way */
    size_t size;
    int wide;               /* for the wide family: see the top of the file */
    size_t len;             /* characters produced so far, whether they fitted or not */
    int error;
    int staged;             /* bytes waiting in stage (streams and descriptors) */
    char stage[256];
};

static void flush_stage(struct __printf_out *o)
{
    if (o->staged == 0)
        return;
    if (o->stream != NULL) {
        if (fwrite(o->stage, 1, (size_t)o->staged, o->stream) != (size_t)o->staged)
            o->error = 1;
    } else {
        const char *p = o->stage;
        size_t left = (size_t)o->staged;
        while (left > 0) {
            ssize_t w = write(o->fd, p, left);
            if (w <= 0) {
                o->error = 1;
                break;
            }
            p += w;
            left -= (size_t)w;
        }
    }
    o->staged = 0;
}

static void emit(struct __printf_out *o, const char *s, size_t n)
{
    size_t room, k;

    if (o->stream != NULL || o->fd >= 0) {
        while (n > 0) {
            if (o->staged == (int)sizeof o->stage)
                flush_stage(o);
            k = sizeof o->stage - (size_t)o->staged;
            if (k > n)
                k = n;
            memcpy(o->stage + o->staged, s, k);
            o->staged += (int)k;
            o->len += k;
            s += k;
            n -= k;
        }
        return;
    }
    if (o->len + 1 < o->size) {
        room = o->size - 1 - o->len;
        k = n < room ? n : room;
        if (o->wbuf != NULL)
            for (size_t i = 0; i < k; i++)
                o->wbuf[o->len + i] = (unsigned char)s[i];
        else
            memcpy(o->buf + o->len, s, k);
    }
    o->len += n;
}

static void emit_char(struct __printf_out *o, char c)
{
    emit(o, &c, 1);
}

static void emit_repeat(struct __printf_out *o, char c, long n)
{
    char block[32];
    long k;

    if (n <= 0)
        return;
    memset(block, c, sizeof block);
    while (n > 0) {
        k = n < (long)sizeof block ? n : (long)sizeof block;
        emit(o, block, (size_t)k);
        n -= k;
    }
}

/* ---- one conversion ------------------------------------------------------------------------- */

enum { LEN_NONE, LEN_HH, LEN_H, LEN_L, LEN_LL, LEN_Z, LEN_T, LEN_J, LEN_BIG_L };

struct spec {
    int minus, plus, space, zero, alt;  /* flags */
    int width;                          /* 0: none */
    int precision;                      /* -1: none */
    int length;                         /* LEN_* */
    char conv;
};

/* The start of a field: spaces to right-justify, the prefix (sign, 0x), then zeros if the 0
 * flag applies. body is the length of what follows. */
static void field_start(struct __printf_out *o, const struct spec *sp, const char *prefix,
                        int prefix_len, long body, int zeros_allowed)
{
    long fill = sp->width - prefix_len - body;
    int zero = sp->zero && !sp->minus && zeros_allowed;

    if (fill > 0 && !sp->minus && !zero)
        emit_repeat(o, ' ', fill);
    if (prefix_len > 0)
        emit(o, prefix, (size_t)prefix_len);
    if (fill > 0 && zero)
        emit_repeat(o, '0', fill);
}

/* The end of a field: spaces to left-justify. total is the whole field without padding. */
static void field_end(struct __printf_out *o, const struct spec *sp, long total)
{
    if (sp->minus && sp->width > total)
        emit_repeat(o, ' ', sp->width - total);
}

static void format_text(struct __printf_out *o, const struct spec *sp, const char *s, size_t n)
{
    if (sp->width == 0) {                       /* the common case: no padding to work out */
        emit(o, s, n);
        return;
    }
    field_start(o, sp, "", 0, (long)n, 0);
    emit(o, s, n);
    field_end(o, sp, (long)n);
}

/* n wide characters of s, beyond ASCII too: a wide buffer takes them as they are, any other
 * output gets '?' for those (the wide family's streams). */
static void emit_wide(struct __printf_out *o, const wchar_t *s, size_t n)
{
    char chunk[64];
    size_t done, k, room;

    if (o->wbuf != NULL) {                      /* as much as fits; the count goes on anyway */
        if (o->len + 1 < o->size) {
            room = o->size - 1 - o->len;
            wmemcpy(o->wbuf + o->len, s, n < room ? n : room);
        }
        o->len += n;
        return;
    }
    for (done = 0; done < n; done += k) {
        k = n - done < sizeof chunk ? n - done : sizeof chunk;
        for (size_t i = 0; i < k; i++)
            chunk[i] = wctob((wint_t)s[done + i]) == EOF ? '?' : (char)s[done + i];
        emit(o, chunk, k);
    }
}

/* Whether n bytes of s all have a wide form in the C locale. */
static int is_ascii(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] & 0x80)
            return 0;
    return 1;
}

/* %lc and %ls: n wide characters of s. Returns -1 (errno EILSEQ) before printing anything if one
 * has no multibyte form and the output is narrow. */
static int format_wide_text(struct __printf_out *o, const struct spec *sp, const wchar_t *s,
                            size_t n)
{
    if (!o->wide)
        for (size_t i = 0; i < n; i++)
            if (wctob((wint_t)s[i]) == EOF) {
                errno = EILSEQ;
                return -1;
            }
    field_start(o, sp, "", 0, (long)n, 0);
    emit_wide(o, s, n);
    field_end(o, sp, (long)n);
    return 0;
}

/* d i u o x X: value is the magnitude; negative says whether there is a minus sign. */
static void format_integer(struct __printf_out *o, const struct spec *sp, unsigned long value,
                           int negative)
{
    char digits[24], prefix[2];                 /* digits fill from the end: most significant first */
    const char *set = sp->conv == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    unsigned int base = 10;
    int start = sizeof digits, n, prefix_len = 0, zeros;
    long body;

    prefix[0] = '\0';
    if (sp->conv == 'x' || sp->conv == 'X')
        base = 16;
    else if (sp->conv == 'o')
        base = 8;
    while (value != 0) {
        digits[--start] = set[value % base];
        value /= base;
    }
    n = (int)sizeof digits - start;
    zeros = (sp->precision < 0 ? 1 : sp->precision) - n;
    if (zeros < 0)
        zeros = 0;
    if (sp->conv == 'd' || sp->conv == 'i') {
        if (negative)
            prefix[prefix_len++] = '-';
        else if (sp->plus)
            prefix[prefix_len++] = '+';
        else if (sp->space)
            prefix[prefix_len++] = ' ';
    } else if (sp->alt && base == 16 && n > 0) {
        prefix[prefix_len++] = '0';
        prefix[prefix_len++] = sp->conv;
    } else if (sp->alt && base == 8 && zeros == 0 && (n == 0 || digits[start] != '0')) {
        zeros = 1;                              /* %#o: the first digit is a 0 */
    }
    body = zeros + n;
    field_start(o, sp, prefix, prefix_len, body, sp->precision < 0);
    if (zeros > 0)
        emit_repeat(o, '0', zeros);
    emit(o, digits + start, (size_t)n);
    field_end(o, sp, prefix_len + body);
}

/* Write v in hexadecimal, 0x first; returns the length. */
static int hex(char *out, unsigned long v)
{
    char tmp[16];
    int n = 0, len = 2;

    out[0] = '0';
    out[1] = 'x';
    do {
        tmp[n++] = "0123456789abcdef"[v & 15];
        v >>= 4;
    } while (v != 0);
    while (n > 0)
        out[len++] = tmp[--n];
    return len;
}

/*
 * %p: a capability, exactly as the machine prints one (ufos/machine/cap.pyx, __repr__):
 *     ADDRESS [PERMS,BASE-TOP] (ATTRIBUTES)
 * PERMS are the letters r w x R W E for Load Store Execute LoadCap StoreCap Executive; TOP may be
 * 2**64. The attributes are `invalid` (untagged) and `sentry` (object type 1) or `sealed` (any
 * other type), comma-separated. A capability with no metadata at all (an integer cast to a
 * pointer, NULL included) prints as just its address.
 */
static int describe_capability(char *out, void * __capability p)
{
    static const struct { unsigned long perm; char letter; } letters[] = {
        {CHERI_PERM_LOAD, 'r'}, {CHERI_PERM_STORE, 'w'}, {CHERI_PERM_EXECUTE, 'x'},
        {CHERI_PERM_LOAD_CAP, 'R'}, {CHERI_PERM_STORE_CAP, 'W'}, {CHERI_PERM_EXECUTIVE, 'E'},
    };
    unsigned long address = cheri_address_get(p), base = cheri_base_get(p);
    unsigned long length = cheri_length_get(p), perms = cheri_perms_get(p), top;
    long otype = cheri_type_get(p);
    int tag = cheri_tag_get(p), sealed = cheri_is_sealed(p), n, i, carry;

    n = hex(out, address);
    if (!tag && perms == 0 && !sealed && base == 0 && length == ULONG_MAX)
        return n;                               /* null-derived: no metadata */
    out[n++] = ' ';
    out[n++] = '[';
    for (i = 0; i < 6; i++)
        if (perms & letters[i].perm)
            out[n++] = letters[i].letter;
    out[n++] = ',';
    n += hex(out + n, base);
    out[n++] = '-';
    /* top = base + length, which may be 2**64 (the length saturates at 2**64 - 1) */
    top = base + length;
    carry = top < base || (base == 0 && length == ULONG_MAX);
    if (base == 0 && length == ULONG_MAX)
        top = 0;
    if (carry) {
        out[n++] = '0';
        out[n++] = 'x';
        out[n++] = '1';
        for (i = 60; i >= 0; i -= 4)
            out[n++] = "0123456789abcdef"[(top >> i) & 15];
    } else {
        n += hex(out + n, top);
    }
    out[n++] = ']';
    if (!tag || sealed) {
        out[n++] = ' ';
        out[n++] = '(';
        if (!tag) {
            memcpy(out + n, "invalid", 7);
            n += 7;
        }
        if (sealed) {
            if (!tag)
                out[n++] = ',';
            if (otype == CHERI_OTYPE_SENTRY) {
                memcpy(out + n, "sentry", 6);
                n += 6;
            } else {
                memcpy(out + n, "sealed", 6);
                n += 6;
            }
        }
        out[n++] = ')';
    }
    return n;
}

/* ---- floating point ------------------------------------------------------------------------- */

#define MAX_DIGITS 800      /* a double's exact decimal value has at most 767 significant digits */

union double_bits {
    double d;
    unsigned long u;
};

/* The exact decimal digits of v (finite, >= 0): v = 0.DIGITS x 10**exp10. Returns how many
 * digits (no trailing zeros; 0 for zero, with exp10 = 1). */
static int decimal_digits(double v, char *digits, int *exp10)
{
    union double_bits bits;
    unsigned long m;
    int k, i, len;
    unsigned int group;
    struct bigint b;
    char *end = digits + MAX_DIGITS, *p;

    bits.d = v;
    m = bits.u & ((1UL << 52) - 1);
    k = (int)((bits.u >> 52) & 0x7ff);
    if (k == 0) {
        k = -1074;                          /* subnormal */
    } else {
        m |= 1UL << 52;
        k -= 1075;
    }
    *exp10 = 1;
    if (m == 0)
        return 0;
    while ((m & 1) == 0) {
        m >>= 1;
        k++;
    }
    /* v = m * 2**k: an integer if k >= 0; else m * 5**-k digits shifted -k places right */
    __big_set(&b, m);
    if (k >= 0)
        __big_shift_left(&b, k);
    else
        __big_mul_pow5(&b, -k);
    p = end;
    while (b.n > 0) {                       /* nine digits at a time, from the right */
        group = __big_divmod_small(&b, 1000000000U);
        for (i = 0; i < 9; i++) {
            *--p = (char)('0' + group % 10);
            group /= 10;
        }
    }
    while (*p == '0')
        p++;
    len = (int)(end - p);
    memmove(digits, p, (size_t)len);
    *exp10 = len + (k < 0 ? k : 0);
    while (len > 0 && digits[len - 1] == '0')
        len--;
    return len;
}

/* Keep `keep` significant digits of 0.DIGITS x 10**exp10, rounding half to even; returns the new
 * count (no trailing zeros). A carry out of the first digit makes it "1" and raises exp10. */
static int round_digits(char *d, int n, int keep, int *exp10)
{
    int up, i;

    if (keep >= n)
        return n;
    if (keep < 0)
        return 0;
    if (d[keep] != '5')
        up = d[keep] > '5';
    else if (n > keep + 1)
        up = 1;                             /* more than half (the digits after are not all 0) */
    else
        up = keep > 0 && (d[keep - 1] - '0') % 2 == 1;  /* exactly half: to even */
    n = keep;
    if (up) {
        i = keep - 1;
        while (i >= 0 && d[i] == '9')
            i--;
        if (i < 0) {
            d[0] = '1';
            n = 1;
            (*exp10)++;
        } else {
            d[i]++;
            n = i + 1;
        }
    }
    while (n > 0 && d[n - 1] == '0')
        n--;
    return n;
}

/* Emit count digits starting at position `from` of 0.DIGITS; positions outside are zeros. */
static void emit_digits(struct __printf_out *o, const char *d, int n, int from, long count)
{
    char chunk[64];
    int k;

    while (count > 0) {
        for (k = 0; k < (int)sizeof chunk && count > 0; k++, from++, count--)
            chunk[k] = from >= 0 && from < n ? d[from] : '0';
        emit(o, chunk, (size_t)k);
    }
}

/* %a: hexadecimal floating point, 0x1.8p+1. */
static void format_hex_float(struct __printf_out *o, const struct spec *sp, double v,
                             char *prefix, int prefix_len, int upper)
{
    union double_bits bits;
    unsigned long frac, rem, half;
    int lead, exp, digits, shift, i, point;
    char body[40], expbuf[8];
    int n = 0, elen = 0;
    long total;
    const char *set = upper ? "0123456789ABCDEF" : "0123456789abcdef";

    bits.d = v;
    frac = bits.u & ((1UL << 52) - 1);
    exp = (int)((bits.u >> 52) & 0x7ff);
    lead = exp != 0;
    exp = exp == 0 ? (frac == 0 ? 0 : -1022) : exp - 1023;
    digits = 13;
    if (sp->precision >= 0 && sp->precision < 13) {
        shift = 4 * (13 - sp->precision);
        rem = frac & ((1UL << shift) - 1);
        half = 1UL << (shift - 1);
        frac >>= shift;
        /* ties to even: the last digit kept is the leading one when no fraction digits remain */
        if (rem > half || (rem == half && ((sp->precision == 0 ? (unsigned long)lead : frac) & 1)))
            frac++;
        if (sp->precision < 13 && (frac >> (4 * sp->precision)) != 0) {
            lead++;                         /* the rounding carried into the leading digit */
            frac &= (1UL << (4 * sp->precision)) - 1;
        }
        digits = sp->precision;
    } else if (sp->precision < 0) {
        while (digits > 0 && (frac & 15) == 0) {
            frac >>= 4;
            digits--;
        }
    }
    prefix[prefix_len++] = '0';
    prefix[prefix_len++] = upper ? 'X' : 'x';
    body[n++] = (char)('0' + lead);
    point = digits > 0 || (sp->precision > 0) || sp->alt;
    if (point)
        body[n++] = '.';
    for (i = digits - 1; i >= 0; i--)
        body[n++] = set[(frac >> (4 * i)) & 15];
    expbuf[elen++] = upper ? 'P' : 'p';
    expbuf[elen++] = exp < 0 ? '-' : '+';
    if (exp < 0)
        exp = -exp;
    if (exp >= 1000)
        expbuf[elen++] = (char)('0' + exp / 1000);
    if (exp >= 100)
        expbuf[elen++] = (char)('0' + exp / 100 % 10);
    if (exp >= 10)
        expbuf[elen++] = (char)('0' + exp / 10 % 10);
    expbuf[elen++] = (char)('0' + exp % 10);
    total = n + (sp->precision > 13 ? sp->precision - 13 : 0) + elen;
    field_start(o, sp, prefix, prefix_len, total, 1);
    emit(o, body, (size_t)n);
    if (sp->precision > 13)
        emit_repeat(o, '0', sp->precision - 13);
    emit(o, expbuf, (size_t)elen);
    field_end(o, sp, prefix_len + total);
}

/* f F e E g G a A */
static void format_float(struct __printf_out *o, const struct spec *sp, double v)
{
    char d[MAX_DIGITS], prefix[4], expbuf[8];
    union double_bits bits;
    int prefix_len = 0, upper = sp->conv >= 'A' && sp->conv <= 'Z';
    char conv = (char)(upper ? sp->conv - 'A' + 'a' : sp->conv), style;
    int n, e10, prec, x, point, elen = 0, big;
    long body;

    bits.d = v;
    if ((bits.u >> 63) && v == v) {
        prefix[prefix_len++] = '-';
        v = -v;
    } else if (sp->plus) {
        prefix[prefix_len++] = '+';
    } else if (sp->space) {
        prefix[prefix_len++] = ' ';
    }
    if (v != v || v > 1.79769313486231570815e+308) {    /* NaN or infinity */
        const char *word = v != v ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
        field_start(o, sp, prefix, prefix_len, 3, 0);
        emit(o, word, 3);
        field_end(o, sp, prefix_len + 3);
        return;
    }
    if (conv == 'a') {
        format_hex_float(o, sp, v, prefix, prefix_len, upper);
        return;
    }

    prec = sp->precision < 0 ? 6 : sp->precision;
    n = decimal_digits(v, d, &e10);
    if (conv == 'g') {
        big = prec == 0 ? 1 : prec;         /* significant digits */
        n = round_digits(d, n, big, &e10);
        x = n == 0 ? 0 : e10 - 1;           /* the exponent %e would show */
        if (big > x && x >= -4) {
            style = 'f';
            prec = big - 1 - x;
            if (!sp->alt && prec > (n - e10 > 0 ? n - e10 : 0))
                prec = n - e10 > 0 ? n - e10 : 0;
        } else {
            style = 'e';
            prec = big - 1;
            if (!sp->alt && prec > (n > 1 ? n - 1 : 0))
                prec = n > 1 ? n - 1 : 0;
        }
    } else if (conv == 'e') {
        style = 'e';
        n = round_digits(d, n, prec + 1, &e10);
    } else {
        style = 'f';
        n = round_digits(d, n, e10 + prec, &e10);
    }
    if (n == 0)
        e10 = 1;                            /* zero */
    point = prec > 0 || sp->alt;

    if (style == 'e') {
        x = n == 0 ? 0 : e10 - 1;
        expbuf[elen++] = upper ? 'E' : 'e';
        expbuf[elen++] = x < 0 ? '-' : '+';
        if (x < 0)
            x = -x;
        if (x >= 100)
            expbuf[elen++] = (char)('0' + x / 100);
        expbuf[elen++] = (char)('0' + x / 10 % 10);
        expbuf[elen++] = (char)('0' + x % 10);
        body = 1 + point + prec + elen;
        field_start(o, sp, prefix, prefix_len, body, 1);
        emit_digits(o, d, n, 0, 1);
        if (point)
            emit_char(o, '.');
        emit_digits(o, d, n, 1, prec);
        emit(o, expbuf, (size_t)elen);
    } else {
        body = (e10 > 0 ? e10 : 1) + point + prec;
        field_start(o, sp, prefix, prefix_len, body, 1);
        if (e10 > 0)
            emit_digits(o, d, n, 0, e10);
        else
            emit_char(o, '0');
        if (point)
            emit_char(o, '.');
        emit_digits(o, d, n, e10, prec);
    }
    field_end(o, sp, prefix_len + body);
}

/* ---- the engine ------------------------------------------------------------------------------- */

/* Read a decimal number from the format at s into *n; returns where the format goes on. (The
 * cursor is returned, not passed by address, so that __vformat can keep it in a register.) */
static const char *format_number(const char *s, int *n)
{
    *n = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        if (*n < INT_MAX / 10)
            *n = *n * 10 + (*s - '0');
    return s;
}

int __vformat(struct __printf_out *o, const char *format, va_list ap)
{
    const char *s = format, *start;
    struct spec sp;
    char text[160];
    int saved_errno = errno;

    while (*s != '\0') {
        if (*s != '%') {
            start = s;
            while (*s != '\0' && *s != '%')
                s++;
            emit(o, start, (size_t)(s - start));
            continue;
        }
        start = s++;

        /* flags (sp set field by field: a memset call costs more than the conversion) */
        sp.minus = sp.plus = sp.space = sp.zero = sp.alt = 0;
        sp.width = 0;
        sp.precision = -1;
        sp.length = LEN_NONE;
        for (;; s++) {
            if (*s == '-')
                sp.minus = 1;
            else if (*s == '+')
                sp.plus = 1;
            else if (*s == ' ')
                sp.space = 1;
            else if (*s == '0')
                sp.zero = 1;
            else if (*s == '#')
                sp.alt = 1;
            else if (*s != '\'')        /* ' (XSI): group the digits as the locale says, */
                break;                  /* which in ufos's only one, C, is not at all */
        }
        /* width and precision */
        if (*s == '*') {
            s++;
            sp.width = va_arg(ap, int);
            if (sp.width < 0) {
                sp.minus = 1;
                sp.width = sp.width == INT_MIN ? INT_MAX : -sp.width;
            }
        } else {
            s = format_number(s, &sp.width);
        }
        if (*s == '.') {
            s++;
            if (*s == '*') {
                s++;
                sp.precision = va_arg(ap, int);
                if (sp.precision < 0)
                    sp.precision = -1;
            } else {
                s = format_number(s, &sp.precision);
            }
        }
        /* length */
        if (*s == 'h') {
            s++;
            sp.length = LEN_H;
            if (*s == 'h') {
                s++;
                sp.length = LEN_HH;
            }
        } else if (*s == 'l') {
            s++;
            sp.length = LEN_L;
            if (*s == 'l') {
                s++;
                sp.length = LEN_LL;
            }
        } else if (*s == 'q') {
            s++;
            sp.length = LEN_LL;
        } else if (*s == 'z') {
            s++;
            sp.length = LEN_Z;
        } else if (*s == 't') {
            s++;
            sp.length = LEN_T;
        } else if (*s == 'j') {
            s++;
            sp.length = LEN_J;
        } else if (*s == 'L') {
            s++;
            sp.length = LEN_BIG_L;
        }

        sp.conv = *s;
        if (*s != '\0')
            s++;
        switch (sp.conv) {
        case 'd':
        case 'i': {
            long v;
            if (sp.length == LEN_HH)
                v = (signed char)va_arg(ap, int);
            else if (sp.length == LEN_H)
                v = (short)va_arg(ap, int);
            else if (sp.length == LEN_NONE)
                v = va_arg(ap, int);
            else
                v = va_arg(ap, long);
            format_integer(o, &sp, v < 0 ? 0UL - (unsigned long)v : (unsigned long)v, v < 0);
            break;
        }
        case 'u':
        case 'o':
        case 'x':
        case 'X': {
            unsigned long v;
            if (sp.length == LEN_HH)
                v = (unsigned char)va_arg(ap, unsigned int);
            else if (sp.length == LEN_H)
                v = (unsigned short)va_arg(ap, unsigned int);
            else if (sp.length == LEN_NONE)
                v = va_arg(ap, unsigned int);
            else
                v = va_arg(ap, unsigned long);
            format_integer(o, &sp, v, 0);
            break;
        }
        case 'c':
            if (sp.length == LEN_L) {
                wchar_t wide = (wchar_t)va_arg(ap, wint_t);
                if (format_wide_text(o, &sp, &wide, 1) < 0)
                    return -1;
                break;
            }
            text[0] = (char)va_arg(ap, int);
            format_text(o, &sp, text, 1);
            break;
        case 's': {
            if (sp.length == LEN_L) {
                const wchar_t *wide = va_arg(ap, const wchar_t *);
                if (wide == NULL)
                    wide = L"(null)";
                if (format_wide_text(o, &sp, wide, wcsnlen(wide, sp.precision >= 0
                                                                     ? (size_t)sp.precision
                                                                     : (size_t)-1)) < 0)
                    return -1;
                break;
            }
            const char *str = va_arg(ap, const char *);
            if (str == NULL)
                str = "(null)";
            /* with a precision, never look further: the array need not be terminated */
            size_t n = sp.precision >= 0 ? strnlen(str, (size_t)sp.precision) : strlen(str);
            if (o->wide && !is_ascii(str, n)) {  /* no wide form in the C locale */
                errno = EILSEQ;
                return -1;
            }
            format_text(o, &sp, str, n);
            break;
        }
        case 'm': {
            const char *str = strerror(saved_errno);
            format_text(o, &sp, str, strlen(str));
            break;
        }
        case 'p': {
            void *p = va_arg(ap, void *);
            /* a hybrid pointer is an address, with no capability of its own to describe */
            int n = __BOUNDED_POINTERS ? describe_capability(text, __CAP(p)) : hex(text, __ADDR(p));
            format_text(o, &sp, text, (size_t)n);
            break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G':
        case 'a':
        case 'A':
            format_float(o, &sp, va_arg(ap, double));
            break;
        case 'n':
            if (sp.length == LEN_HH)
                *va_arg(ap, signed char *) = (signed char)o->len;
            else if (sp.length == LEN_H)
                *va_arg(ap, short *) = (short)o->len;
            else if (sp.length == LEN_NONE)
                *va_arg(ap, int *) = (int)o->len;
            else
                *va_arg(ap, long *) = (long)o->len;
            break;
        case '%':
            emit_char(o, '%');
            break;
        default:                            /* not a conversion: print it as it was */
            emit(o, start, (size_t)(s - start));
            break;
        }
    }
    if (o->len > INT_MAX) {
        errno = EOVERFLOW;
        return -1;
    }
    return (int)o->len;
}

/* ---- the family ----------------------------------------------------------------------------- */

static void init_out(struct __printf_out *o, FILE *stream, int fd, char *buf, size_t size)
{
    o->stream = stream;
    o->fd = fd;
    o->buf = buf;
    o->wbuf = NULL;
    o->size = size;
    o->wide = 0;
    o->len = 0;
    o->error = 0;
    o->staged = 0;
}

static int format_to_stream(FILE *stream, int wide, const char *format, va_list ap)
{
    struct __printf_out o;
    int n;

    init_out(&o, stream, -1, NULL, 0);
    o.wide = wide;
    n = __vformat(&o, format, ap);
    flush_stage(&o);
    return o.error ? -1 : n;
}

int vfprintf(FILE *stream, const char *format, va_list ap)
{
    return format_to_stream(stream, 0, format, ap);
}

/* vfwprintf's core: format is already narrowed (wstdio.c). */
int __vfwprintf_narrowed(FILE *stream, const char *format, va_list ap)
{
    return format_to_stream(stream, 1, format, ap);
}

/* vswprintf's core: into size wide characters of ws; output that does not fit is an error (-1),
 * unlike snprintf's, with as much of it as fits stored. */
int __vswprintf_narrowed(wchar_t *ws, size_t size, const char *format, va_list ap)
{
    struct __printf_out o;
    int n;

    init_out(&o, NULL, -1, NULL, size);
    o.wbuf = ws;
    o.wide = 1;
    n = __vformat(&o, format, ap);
    if (size > 0)
        ws[o.len < size - 1 ? o.len : size - 1] = 0;
    return n >= 0 && (size_t)n < size ? n : -1;
}

int vprintf(const char *format, va_list ap)
{
    return vfprintf(stdout, format, ap);
}

int vdprintf(int fd, const char *format, va_list ap)
{
    struct __printf_out o;
    int n;

    init_out(&o, NULL, fd, NULL, 0);
    n = __vformat(&o, format, ap);
    flush_stage(&o);
    return o.error ? -1 : n;
}

int vsnprintf(char *str, size_t size, const char *format, va_list ap)
{
    struct __printf_out o;
    int n;

    init_out(&o, NULL, -1, str, size);
    n = __vformat(&o, format, ap);
    if (size > 0)
        str[o.len < size - 1 ? o.len : size - 1] = '\0';
    return n;
}

/* No size: the buffer's own bounds stop an overflow (with a capability fault). */
int vsprintf(char *str, const char *format, va_list ap)
{
    return vsnprintf(str, (size_t)-1, format, ap);
}

int vasprintf(char **strp, const char *format, va_list ap)
{
    va_list again;
    int n;

    va_copy(again, ap);
    n = vsnprintf(NULL, 0, format, ap);
    *strp = NULL;
    if (n >= 0) {
        *strp = malloc((size_t)n + 1);
        if (*strp == NULL)
            n = -1;
        else
            vsnprintf(*strp, (size_t)n + 1, format, again);
    }
    va_end(again);
    return n;
}

int printf(const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vfprintf(stdout, format, ap);
    va_end(ap);
    return n;
}

int fprintf(FILE *stream, const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vfprintf(stream, format, ap);
    va_end(ap);
    return n;
}

int dprintf(int fd, const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vdprintf(fd, format, ap);
    va_end(ap);
    return n;
}

int sprintf(char *str, const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vsprintf(str, format, ap);
    va_end(ap);
    return n;
}

int snprintf(char *str, size_t size, const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vsnprintf(str, size, format, ap);
    va_end(ap);
    return n;
}

int asprintf(char **strp, const char *format, ...)
{
    va_list ap;
    int n;

    va_start(ap, format);
    n = vasprintf(strp, format, ap);
    va_end(ap);
    return n;
}
