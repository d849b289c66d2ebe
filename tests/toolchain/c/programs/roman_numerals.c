// Roman numerals: integer to numeral and back, for a range of values.
// expected: host
#include <stdio.h>
#include <string.h>

static const int values[] = {1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1};
static const char *const symbols[] = {"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"};

static void to_roman(int n, char *out) {
    out[0] = '\0';
    for (int i = 0; i < 13; i++)
        while (n >= values[i]) {
            strcat(out, symbols[i]);
            n -= values[i];
        }
}

static int digit(char c) {
    switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
    }
}

static int from_roman(const char *s) {
    int total = 0;
    for (int i = 0; s[i]; i++) {
        int v = digit(s[i]);
        total += digit(s[i + 1]) > v ? -v : v;
    }
    return total;
}

int main(void) {
    int tests[] = {1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999};
    char buf[32];
    for (int i = 0; i < 10; i++) {
        to_roman(tests[i], buf);
        printf("%d = %s = %d\n", tests[i], buf, from_roman(buf));
    }
    int ok = 1;
    for (int n = 1; n < 4000; n++) {
        to_roman(n, buf);
        ok &= from_roman(buf) == n;
    }
    printf("round trip 1..3999: %d\n", ok);
    return 0;
}
