// expected: host
// GNU case ranges of any size, `case 1 ... 1000000:`: each is one compare pair in the switch's
// dispatch, not a case per value. Wide ranges mix with single cases, reach negative values and
// the top of unsigned and 64-bit types, and small ranges still fill a dense switch's table.
#include <stdio.h>

static const char *magnitude(long n) {
    switch (n) {
    case -9223372036854775807L - 1 ... -1000001:
        return "very negative";
    case -1000000 ... -1:
        return "negative";
    case 0:
        return "zero";
    case 1 ... 1000000:
        return "small";
    case 1000001 ... 9223372036854775807L:
        return "large";
    }
    return "?";
}

static int top(unsigned u) {
    switch (u) {
    case 0 ... 0x7fffffff:
        return 0;
    case 0x80000000 ... 0xfffffffe:
        return 1;
    default:
        return 2;
    }
}

static int code(int c) {          /* small ranges and singles: dense enough for a table */
    switch (c) {
    case 0 ... 3: return 1;
    case 4: return 2;
    case 5 ... 6: return 3;
    case 7: return 4;
    case 8 ... 10: return 5;
    case 11: return 6;
    case 12 ... 14: return 7;
    }
    return 0;
}

static int in_byte(unsigned char b) {
    switch (b) {
    case 0x00 ... 0x7f: return 1;
    case 0xc0 ... 0xff: return 3;
    }
    return 2;
}

int main(void) {
    long ns[] = {-9223372036854775807L - 1, -1000001, -1000000, -1, 0, 1, 1000000, 1000001,
                 9223372036854775807L};
    for (int i = 0; i < 9; i++)
        printf("%ld:%s\n", ns[i], magnitude(ns[i]));
    printf("%d %d %d %d %d\n", top(0), top(0x7fffffff), top(0x80000000u), top(0xfffffffeu),
           top(0xffffffffu));
    for (int c = -1; c <= 16; c++)
        printf("%d", code(c));
    printf("\n");
    printf("%d %d %d %d\n", in_byte(0), in_byte(0x80), in_byte(0xbf), in_byte(0xff));
    return 0;
}
