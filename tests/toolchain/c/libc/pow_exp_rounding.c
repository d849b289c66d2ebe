// expected: host
// exp and pow give the correctly rounded double (compared bit for bit, with %a), as glibc does:
// pow(x, 0.5) is sqrt(x), and 2 to the 0.5 prints as sqrt(2) to 17 digits.
#include <math.h>
#include <stdio.h>

int main(void) {
    const double xs[] = {2, 3, 10, 0.5, 1.5, 7, 1e-3, 123.456};
    for (int i = 0; i < 8; i++)
        printf("pow(%g, 0.5) %a, is sqrt: %d\n", xs[i], pow(xs[i], 0.5), pow(xs[i], 0.5) == sqrt(xs[i]));
    printf("%.17g %.17g\n", pow(2, 0.5), sqrt(2));
    printf("%a %a %a\n", pow(3, 1.0 / 3), pow(10, 2.5), pow(1.5, -0.5));
    printf("%a %a %a\n", pow(7, 0.1), pow(0.5, 10.5), pow(123.456, 0.75));
    printf("%a %a %a %a\n", exp(1.0), exp(-1.0), exp(0.5), exp(100.25));
    printf("%a %a %a\n", exp(-700.5), exp(709.75), exp(1e-10));
    printf("%a %a\n", pow(2, 1023.5), pow(2, -1074));
    return 0;
}
