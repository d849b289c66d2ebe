// Base64 encoding and decoding (RFC 4648 test vectors and a binary round trip).
// expected: host
#include <stdio.h>
#include <string.h>

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static size_t encode(const unsigned char *in, size_t n, char *out) {
    size_t o = 0;
    for (size_t i = 0; i < n; i += 3) {
        unsigned v = (unsigned)in[i] << 16;
        if (i + 1 < n) v |= (unsigned)in[i + 1] << 8;
        if (i + 2 < n) v |= in[i + 2];
        out[o++] = alphabet[v >> 18 & 63];
        out[o++] = alphabet[v >> 12 & 63];
        out[o++] = i + 1 < n ? alphabet[v >> 6 & 63] : '=';
        out[o++] = i + 2 < n ? alphabet[v & 63] : '=';
    }
    out[o] = '\0';
    return o;
}

static int value(char c) {
    const char *p = strchr(alphabet, c);
    return c && p ? (int)(p - alphabet) : -1;
}

static long decode(const char *in, unsigned char *out) {
    size_t n = strlen(in), o = 0;
    if (n % 4)
        return -1;
    for (size_t i = 0; i < n; i += 4) {
        int a = value(in[i]), b = value(in[i + 1]);
        int c = in[i + 2] == '=' ? 0 : value(in[i + 2]);
        int d = in[i + 3] == '=' ? 0 : value(in[i + 3]);
        if (a < 0 || b < 0 || c < 0 || d < 0)
            return -1;
        unsigned v = (unsigned)a << 18 | (unsigned)b << 12 | (unsigned)c << 6 | (unsigned)d;
        out[o++] = (unsigned char)(v >> 16);
        if (in[i + 2] != '=') out[o++] = (unsigned char)(v >> 8);
        if (in[i + 3] != '=') out[o++] = (unsigned char)v;
    }
    return (long)o;
}

int main(void) {
    const char *vectors[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "Many hands make light work."};
    char enc[128];
    unsigned char dec[128];
    for (int i = 0; i < 8; i++) {
        encode((const unsigned char *)vectors[i], strlen(vectors[i]), enc);
        long n = decode(enc, dec);
        printf("\"%s\" -> \"%s\" -> %ld %s\n", vectors[i], enc, n,
               n == (long)strlen(vectors[i]) && memcmp(dec, vectors[i], (size_t)n) == 0 ? "ok" : "BAD");
    }
    unsigned char bin[64];
    for (int i = 0; i < 64; i++)
        bin[i] = (unsigned char)(i * 37 + 11);
    encode(bin, 64, enc);
    printf("%s\n", enc);
    long n = decode(enc, dec);
    printf("%ld %d\n", n, memcmp(bin, dec, 64) == 0);
    printf("%ld\n", decode("abc", dec));
    printf("%ld\n", decode("ab!d", dec));
    return 0;
}
