// expected: host
/* Wide character constants and string literals: L'x' and L"..." are wchar_t (a 32-bit int),
   u"..." char16_t (UTF-16), U"..." char32_t; escapes beyond a byte; arrays sized and
   initialised from them; concatenation. */
#include <stdio.h>
#include <stddef.h>

static wchar_t global[] = L"global";
static const wchar_t *pointer = L"ptr\x263a";
static unsigned short sixteen[] = u"a\u00e9\U0001F600";
static unsigned int thirtytwo[] = U"z\U0001F600";

int main(void)
{
    wchar_t local[] = L"local" L"+more";
    wchar_t sized[10] = L"ab";
    printf("%d %d %d %d\n", (int)sizeof(wchar_t), (int)sizeof global, (int)sizeof local, (int)sizeof sized);
    printf("%x %x %x %d\n", (unsigned)L'\x263a', (unsigned)L'A', (unsigned)pointer[3], (int)L'\0');
    for (int i = 0; local[i]; i++)
        putchar((char)local[i]);
    putchar('\n');
    printf("%d %d %d\n", sized[1], sized[2], sized[9]);
    printf("%d:", (int)(sizeof sixteen / sizeof sixteen[0]));
    for (int i = 0; sixteen[i]; i++)
        printf(" %x", sixteen[i]);
    printf("\n%d:", (int)(sizeof thirtytwo / sizeof thirtytwo[0]));
    for (int i = 0; thirtytwo[i]; i++)
        printf(" %x", thirtytwo[i]);
    printf("\n%x %x\n", (unsigned)u'\u00e9', (unsigned)U'\U0001F600');
    return 0;
}
