// expected: host
/* <wchar.h> wide strings, the multibyte conversions of the C locale (one ASCII byte per
   character; anything above 0x7f is EILSEQ) and <locale.h>'s setlocale and localeconv. */
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <wchar.h>

static void put_wide(const wchar_t *s)
{
    while (*s)
        putchar((char)*s++);
    putchar('\n');
}

int main(void)
{
    wchar_t buf[32], back[16];
    char mb[16];
    wchar_t w = 0;
    char high = (char)0xe9;
    int got;

    wcscpy(buf, L"global");
    wcscat(buf, L"-");
    wcsncat(buf, L"local!!", 5);
    put_wide(buf);
    printf("%d %d\n", (int)wcslen(buf), (int)wcslen(L""));
    printf("%d %d %d\n", wcscmp(buf, L"global-local"), wcscmp(L"a", L"b") < 0, wcsncmp(L"abc", L"abd", 2));
    printf("%d %d\n", (int)(wcschr(buf, L'-') - buf), (int)(wcsrchr(buf, L'l') - buf));
    printf("%d %d\n", (int)(wcsstr(buf, L"loc") - buf), wcsstr(buf, L"xyz") == NULL);
    printf("%d %d\n", (int)wcsspn(L"aabbc", L"ab"), (int)wcscspn(L"hello", L"lo"));
    wmemset(back, L'q', 3);
    back[3] = 0;
    put_wide(back);
    wcsncpy(back, L"xy", 5);
    printf("%d %d %d\n", back[1], back[2], back[4]);
    wmemmove(buf + 1, buf, 5);
    put_wide(buf);
    printf("%d\n", wmemcmp(L"abc", L"abd", 3) < 0);

    printf("%d\n", (int)wcstombs(mb, L"hello", sizeof mb));
    puts(mb);
    got = (int)mbstowcs(back, "wide", 16);
    printf("%d %d\n", got, back[2] == L'd');
    got = mbtowc(&w, "A", 1);
    printf("%d %d %d %d\n", got, w, mbtowc(NULL, NULL, 0), mblen("", 1));
    errno = 0;
    got = mbtowc(&w, &high, 1);
    printf("%d %d\n", got, errno == EILSEQ);
    got = wctomb(mb, L'z');
    printf("%d %d %d\n", got, mb[0], wctomb(mb, 0x100));
    printf("%d %d %d %d\n", (int)btowc('a'), (int)btowc(0xe9) == (int)WEOF, wctob(L'b'), wctob(0x263a));
    printf("%d %d\n", (int)wcstombs(NULL, L"count", 0), (int)mbstowcs(NULL, "counted", 0));

    printf("%s\n", setlocale(LC_ALL, "C"));
    printf("%s\n", setlocale(LC_NUMERIC, NULL));
    printf("%s\n", setlocale(LC_CTYPE, "POSIX"));
    printf("%d\n", setlocale(LC_ALL, "xx_NOWHERE") == NULL);
    struct lconv *lc = localeconv();
    printf("[%s] [%s] [%s] %d %d\n", lc->decimal_point, lc->thousands_sep, lc->currency_symbol,
           lc->frac_digits == CHAR_MAX, lc->p_sign_posn == CHAR_MAX);
    return 0;
}
