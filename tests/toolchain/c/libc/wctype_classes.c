// expected: host
// wctype.h in the C locale: every class and both cases of the ASCII characters, of characters
// above 0x7f (Latin-1, Greek, CJK, past Unicode) and of WEOF; wctype/iswctype for every class
// name and unknown ones, wctrans/towctrans. Compared with glibc's C locale.
#include <stdio.h>
#include <wchar.h>
#include <wctype.h>

static const wint_t chars[] = {0xa0, 0xb5, 0xc9, 0xe9, 0xff, 0x100, 0x391, 0x3b1, 0x2028,
                               0x4e2d, 0xff10, 0x10000, 0x10ffff, 0x110000, 0x80000000u, WEOF};
static const char *const names[] = {"alnum", "alpha", "blank", "cntrl", "digit", "graph", "lower",
                                    "print", "punct", "space", "upper", "xdigit"};

static void classify(wint_t c) {
    printf("%x: %d%d%d%d%d%d%d%d%d%d%d%d %x %x\n", (unsigned)c, !!iswalnum(c), !!iswalpha(c),
           !!iswblank(c), !!iswcntrl(c), !!iswdigit(c), !!iswgraph(c), !!iswlower(c),
           !!iswprint(c), !!iswpunct(c), !!iswspace(c), !!iswupper(c), !!iswxdigit(c),
           (unsigned)towlower(c), (unsigned)towupper(c));
}

int main(void) {
    for (wint_t c = 0; c < 0x80; c++)
        classify(c);
    for (size_t i = 0; i < sizeof chars / sizeof chars[0]; i++)
        classify(chars[i]);

    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
        wctype_t t = wctype(names[i]);
        printf("%s: %d", names[i], t != 0);
        int members = 0;
        for (wint_t c = 0; c < 0x200; c++)
            members += iswctype(c, t) != 0;
        printf(" %d members\n", members);
    }
    printf("unknown classes: %d %d %d\n", wctype("") != 0, wctype("Alpha") != 0, wctype("alphax") != 0);
    printf("iswctype with no class: %d\n", iswctype('a', wctype("nope")));

    wctrans_t lower = wctrans("tolower"), upper = wctrans("toupper");
    printf("wctrans: %d %d %d %d\n", lower != 0, upper != 0, lower != upper, wctrans("totitle") != 0);
    printf("towctrans: %c %c %c %c %x\n", (int)towctrans('A', lower), (int)towctrans('a', upper),
           (int)towctrans('5', upper), (int)towctrans('z', lower), (unsigned)towctrans(0xe9, upper));
    printf("WEOF %x\n", (unsigned)WEOF);
    return 0;
}
