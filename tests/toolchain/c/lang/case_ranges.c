// expected: host
// GNU case ranges, `case 'a' ... 'z':`, as gcc and clang accept them: lexers and classifiers
// match runs of characters with one label. Ranges mix with single cases and a default, reach
// negative values, and serve both a dense switch (a jump table) and a sparse one (compares).
#include <stdio.h>

static const char *classify(int c) {
    switch (c) {
    case 'a' ... 'z':
        return "lower";
    case 'A' ... 'Z':
        return "upper";
    case '0' ... '9':
        return "digit";
    case '_':
        return "underscore";
    case -128 ... -1:
        return "negative";
    case 0x80 ... 0xff:
        return "high";
    default:
        return "other";
    }
}

static int bucket(unsigned long n) {
    switch (n) {
    case 0:
        return 0;
    case 1 ... 9:
        return 1;
    case 10 ... 99:
        return 2;
    case 1000000 ... 1000009:
        return 7;
    }
    return -1;
}

int main(void) {
    const char sample[] = "aZ_9 \x7f";
    for (const char *p = sample; *p; p++)
        printf("%d:%s ", *p, classify(*p));
    printf("\n%s %s %s\n", classify(-5), classify(0xc3), classify(256));
    unsigned long ns[] = {0, 5, 9, 10, 99, 100, 1000003, 1000010};
    for (int i = 0; i < 8; i++)
        printf("%lu->%d ", ns[i], bucket(ns[i]));
    printf("\n");
    int falls = 0;
    for (int i = 0; i < 6; i++)
        switch (i) {
        case 1 ... 3:
            falls += 10;        /* falls through */
        case 4:
            falls += 1;
            break;
        }
    printf("%d\n", falls);
    return 0;
}
