// atoi, atol, atoll, abs, labs, llabs, div, ldiv.
// expected: host
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    printf("%d %d %d %d\n", atoi("42"), atoi("  -17abc"), atoi("+5"), atoi("x1"));
    printf("%ld %lld\n", atol("-1234567890123"), atoll("9000000000000000000"));
    printf("%d %d %d\n", abs(-5), abs(5), abs(0));
    printf("%ld %lld\n", labs(-10000000000L), llabs(-7LL));
    div_t d = div(17, 5);
    printf("%d %d\n", d.quot, d.rem);
    d = div(-17, 5);
    printf("%d %d\n", d.quot, d.rem);
    ldiv_t ld = ldiv(-100000000001L, 10L);
    printf("%ld %ld\n", ld.quot, ld.rem);
    return 0;
}
