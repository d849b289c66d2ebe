// strtod and atof: decimal and exponent forms, signs, whitespace, where parsing stops, overflow.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <math.h>

static void t(const char *s) {
    char *end;
    errno = 0;
    double v = strtod(s, &end);
    printf("strtod(\"%s\") = %.10g, rest \"%s\"\n", s, v, end);
}

int main(void) {
    t("3.14159");
    t("  -0.5abc");
    t("+2.");
    t(".25");
    t("1e10");
    t("1.5E-3x");
    t("-12.75e+2");
    t("1e");
    t("abc");
    t("");
    t("0");
    t("123456789");
    t("0.000001");
    t("1e5e5");
    char *end;
    errno = 0;
    double big = strtod("1e999", &end);
    printf("%d %d\n", isinf(big) != 0, errno == ERANGE);
    printf("%.3f\n", atof("2.5e1"));
    printf("%.3f\n", atof("-0.125"));
    printf("%d\n", strtod("0.1", NULL) == 0.1);
    printf("%d\n", strtod("2.2250738585072014e-308", NULL) == 2.2250738585072014e-308);
    printf("%d\n", strtod("1.7976931348623157e308", NULL) == 1.7976931348623157e308);
    return 0;
}
