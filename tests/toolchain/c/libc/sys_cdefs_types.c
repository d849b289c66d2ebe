// expected: host
// What code written for glibc or the BSDs takes from their system headers: __BEGIN_DECLS and
// __END_DECLS around its own declarations, __P for old prototypes, __CONCAT and __STRING
// (sys/cdefs.h, which every header brings in), and sys/types.h's u_char, u_short, u_int, u_long.
#define _DEFAULT_SOURCE             /* glibc: the u_ types */
#include <stdio.h>
#include <sys/types.h>

__BEGIN_DECLS
static int forbidden(u_char octet);
static u_long widen __P((u_int));
__END_DECLS

static int forbidden(u_char octet) {
    return octet == 0xc0 || octet == 0xc1 || octet >= 0xf5;
}

static u_long widen(u_int x) {
    return (u_long)x << 8;
}

int main(void) {
    u_short s = 65535;
    int __CONCAT(joined, _name) = 7;
    printf("%d %d %d\n", forbidden(0xc0), forbidden('a'), forbidden(0xff));
    printf("%lu %u %s %d\n", widen(0x1234), s, __STRING(a + b), joined_name);
    printf("%zu %zu %zu %zu\n", sizeof(u_char), sizeof(u_short), sizeof(u_int), sizeof(u_long));
    return 0;
}
