// Unsigned arithmetic wraps modulo 2^N at every width.
// expected: host
#include <stdio.h>
#include <limits.h>

int main(void) {
    unsigned int u = UINT_MAX;
    u = u + 1;
    printf("%u\n", u);                          /* 0 */
    u = 0;
    u = u - 1;
    printf("%u\n", u);                          /* 4294967295 */
    unsigned char c = 255;
    c++;
    printf("%d\n", c);                          /* 0 */
    c = 0;
    c--;
    printf("%d\n", c);                          /* 255 */
    c = 200;
    c += 100;
    printf("%d\n", c);                          /* 44 */
    unsigned short s = 65535;
    s += 2;
    printf("%d\n", s);                          /* 1 */
    s = 300;
    s *= 300;
    printf("%d\n", s);                          /* 90000 mod 65536 = 24464 */
    unsigned long l = ULONG_MAX;
    l += 1;
    printf("%lu\n", l);                         /* 0 */
    l = 0;
    l -= 1;
    printf("%lu\n", l);                         /* 18446744073709551615 */
    l = 0x8000000000000000UL;
    l *= 2;
    printf("%lu\n", l);                         /* 0 */
    unsigned int m = 0x10000;
    m *= 0x10000;
    printf("%u\n", m);                          /* 0 */
    m = 123456789;
    m *= 1000;
    printf("%u\n", m);                          /* 123456789000 mod 2^32 = 3197704712 */
    unsigned long long ll = 0xFFFFFFFFFFFFFFFFULL;
    ll = ll * ll;
    printf("%llu\n", ll);                       /* 1 */
    unsigned int hash = 2166136261u;
    const char *p = "wrap";
    while (*p) {
        hash ^= (unsigned char)*p++;
        hash *= 16777619u;
    }
    printf("%u\n", hash);
    unsigned int x = 5, y = 7;
    printf("%u\n", x - y);                      /* 4294967294 */
    printf("%d\n", x - y > 0);                  /* 1 */
    return 0;
}
