// expected: host
// uchar.h in the C locale: char16_t and char32_t sizes, u"" U"" u8"" literals (surrogate
// pairs), mbrtoc16/mbrtoc32 (ASCII, the null character, an incomplete character, bytes above
// 0x7f, null arguments) and c16rtomb/c32rtomb (ASCII, above 0x7f, surrogate halves alone and
// paired, a null buffer), each result and errno as glibc's.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <uchar.h>
#include <wchar.h>

#define SHOW(call) show(#call, (call))

static void show(const char *what, size_t r) {
    printf("%-44s %ld %s\n", what, (long)r, r == (size_t)-1 && errno == EILSEQ ? "EILSEQ" : "");
    errno = 0;
}

int main(void) {
    mbstate_t st;
    memset(&st, 0, sizeof st);
    char16_t c16 = 0x1234;
    char32_t c32 = 0x1234;
    char buf[8] = "zzzzzzz";

    printf("sizes %d %d\n", (int)sizeof(char16_t), (int)sizeof(char32_t));
    const char16_t *u16 = u"a\u00e9\U0001F600";
    const char32_t *u32 = U"a\u00e9\U0001F600";
    const char *u8 = u8"a\u00e9\U0001F600";
    printf("u\"\": %x %x %x %x %x\n", u16[0], u16[1], u16[2], u16[3], u16[4]);
    printf("U\"\": %x %x %x %x\n", (unsigned)u32[0], (unsigned)u32[1], (unsigned)u32[2], (unsigned)u32[3]);
    printf("u8\"\": %d bytes:", (int)strlen(u8));
    for (const char *p = u8; *p; p++)
        printf(" %02x", (unsigned char)*p);
    printf("\n");
    printf("sizeof u\"ab\" %d, U\"ab\" %d\n", (int)sizeof u"ab", (int)sizeof U"ab");

    SHOW(mbrtoc16(&c16, "A", 1, &st));
    printf("c16 %x\n", c16);
    SHOW(mbrtoc16(&c16, "\xff", 1, &st));
    printf("c16 %x\n", c16);
    memset(&st, 0, sizeof st);
    SHOW(mbrtoc16(&c16, "", 1, &st));
    printf("c16 %x\n", c16);
    SHOW(mbrtoc16(&c16, "A", 0, &st));
    SHOW(mbrtoc16(NULL, "B", 1, &st));
    SHOW(mbrtoc16(&c16, NULL, 5, &st));
    SHOW(mbrtoc32(&c32, "z", 1, &st));
    printf("c32 %x\n", (unsigned)c32);
    SHOW(mbrtoc32(&c32, "\x80", 1, &st));
    memset(&st, 0, sizeof st);
    SHOW(mbrtoc32(&c32, "xyz", 3, NULL));
    printf("c32 %x\n", (unsigned)c32);
    SHOW(mbrtoc32(NULL, NULL, 0, NULL));

    SHOW(c16rtomb(buf, u'a', &st));
    printf("buf %02x\n", (unsigned char)buf[0]);
    SHOW(c16rtomb(buf, 0xe9, &st));
    memset(&st, 0, sizeof st);
    SHOW(c16rtomb(buf, 0xd83d, &st));
    printf("mbsinit after a high surrogate: %d\n", mbsinit(&st));
    SHOW(c16rtomb(buf, 0xde00, &st));
    memset(&st, 0, sizeof st);
    SHOW(c16rtomb(buf, 0xde00, &st));
    memset(&st, 0, sizeof st);
    SHOW(c16rtomb(buf, 0xd83d, &st));
    SHOW(c16rtomb(buf, u'a', &st));
    memset(&st, 0, sizeof st);
    SHOW(c16rtomb(NULL, u'a', &st));
    printf("mbsinit: %d\n", mbsinit(&st));
    SHOW(c16rtomb(buf, u'\0', NULL));
    SHOW(c32rtomb(buf, U'x', &st));
    printf("buf %02x\n", (unsigned char)buf[0]);
    SHOW(c32rtomb(buf, 0, &st));
    printf("buf %02x\n", (unsigned char)buf[0]);
    SHOW(c32rtomb(buf, 0x80, &st));
    SHOW(c32rtomb(buf, 0x110000, &st));
    SHOW(c32rtomb(buf, 0xffffffffu, &st));
    SHOW(c32rtomb(NULL, 0x80, &st));
    return 0;
}
