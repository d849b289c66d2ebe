// strtol, strtoul, strtoll, strtoull: bases 2 to 36, base 0 prefixes, signs, whitespace, where
// parsing stops, overflow (ERANGE and the clamped value).
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <errno.h>
#include <limits.h>

static void t(const char *s, int base) {
    char *end;
    errno = 0;
    long v = strtol(s, &end, base);
    printf("strtol(\"%s\", %d) = %ld, rest \"%s\", erange %d\n", s, base, v, end, errno == ERANGE);
}

static void tu(const char *s, int base) {
    char *end;
    errno = 0;
    unsigned long v = strtoul(s, &end, base);
    printf("strtoul(\"%s\", %d) = %lu, rest \"%s\", erange %d\n", s, base, v, end, errno == ERANGE);
}

int main(void) {
    t("123", 10);
    t("  -42xyz", 10);
    t("+17", 10);
    t("0x1F", 16);
    t("1f", 16);
    t("0x1F", 0);
    t("0755", 0);
    t("089", 0);
    t("1010", 2);
    t("zz", 36);
    t("Zz", 36);
    t("", 10);
    t("abc", 10);
    t("   ", 10);
    t("-", 10);
    t("9223372036854775807", 10);
    t("9223372036854775808", 10);
    t("-9223372036854775808", 10);
    t("-9223372036854775809", 10);
    t("99999999999999999999999", 10);
    t("12 34", 10);
    t("0x", 16);
    tu("4294967295", 10);
    tu("18446744073709551615", 10);
    tu("18446744073709551616", 10);
    tu("-1", 10);
    tu("0xffffffffffffffff", 0);
    tu("777", 8);
    char *end;
    long long ll = strtoll("-123456789012345", &end, 10);
    unsigned long long ull = strtoull("123456789012345678", &end, 10);
    printf("%lld %llu\n", ll, ull);
    long nend = strtol("55", NULL, 10);
    printf("%ld\n", nend);
    return 0;
}
