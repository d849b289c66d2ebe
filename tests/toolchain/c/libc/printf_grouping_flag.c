// expected: host
// The ' flag (XSI, glibc) asks for the digits grouped in thousands as the locale says; the C
// locale groups nothing, so the number prints as without the flag, and the rest of the
// conversion (width, zero padding, precision) still applies.
#include <stdio.h>

int main(void) {
    printf("[%'d]\n", 1200000);
    printf("[%'d]\n", -100006789);
    printf("[%'lld]\n", 9888777666LL);
    printf("[%'15d]\n", 1200000);
    printf("[%'015d]\n", 1200000);
    printf("[%-'12u]\n", 4000000000u);
    printf("[%'.0f]\n", 100056789.0);
    printf("[%'18f]\n", 2e8);
    printf("[%'.1f]\n", 100056789.0);
    printf("[%'x]\n", 0x1234abc);
    char buf[64];
    int n = snprintf(buf, sizeof buf, "%'d items, %'.2f total", 12345, 67890.125);
    printf("%d [%s]\n", n, buf);
    return 0;
}
