// expected: host
// stdin: ab\ncd\nline two\n
/* <wchar.h>'s wide input (fgetwc, ungetwc, fgetws, getwchar), the wide number conversions
   (wcstol & co., wcstod, <inttypes.h>'s wcstoimax and wcstoumax), swscanf, and the narrow
   printf's %lc and %ls. Everything is printed with wprintf: stdout is only ever written wide. */
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <wchar.h>

static void show_long(const wchar_t *s, int base)
{
    wchar_t *end;

    errno = 0;
    long v = wcstol(s, &end, base);
    wprintf(L"wcstol(\"%ls\", %d) = %ld, stopped at %d, erange %d\n", s, base, v, (int)(end - s),
            errno == ERANGE);
}

int main(void)
{
    wchar_t line[16], *end;
    char narrow[32];
    wint_t c;
    int i, n;

    /* input */
    c = fgetwc(stdin);
    wprintf(L"fgetwc: %lc, fwide(stdin) %d\n", c, fwide(stdin, 0));
    wprintf(L"ungetwc: %lc\n", ungetwc(L'Z', stdin));
    wprintf(L"getwc: %lc\n", getwc(stdin));
    wprintf(L"getwchar: %lc\n", getwchar());
    wprintf(L"fgetws: [%ls]", fgetws(line, 16, stdin));
    wprintf(L"fgetws short buffer: [%ls]\n", fgetws(line, 5, stdin));
    wprintf(L"fgetws rest: [%ls]", fgetws(line, 16, stdin));
    wprintf(L"at end: %d %d\n", fgetws(line, 16, stdin) == NULL, fgetwc(stdin) == WEOF);

    /* numbers */
    show_long(L"  -1234xyz", 10);
    show_long(L"0x1fG", 0);
    show_long(L"0777", 0);
    show_long(L"zz", 36);
    show_long(L"99999999999999999999", 10);
    show_long(L"  +", 10);
    show_long(L"12\xe9", 10);
    wprintf(L"wcstoul: %lu\n", wcstoul(L"4294967296", NULL, 10));
    wprintf(L"wcstoul -1: %lu\n", wcstoul(L"-1", NULL, 10));
    wprintf(L"wcstoll: %lld\n", wcstoll(L"-9223372036854775808", NULL, 10));
    wprintf(L"wcstoull: %llu\n", wcstoull(L"ffffffffffffffff", &end, 16));
    wprintf(L"wcstoimax: %jd\n", wcstoimax(L" -42 rest", &end, 10));
    wprintf(L"  rest: [%ls]\n", end);
    wprintf(L"wcstoumax: %ju\n", wcstoumax(L"0b101", &end, 0));
    wprintf(L"  rest: [%ls]\n", end);
    double d = wcstod(L"  3.25e2xyz", &end);
    wprintf(L"wcstod: %g rest [%ls]\n", d, end);
    d = wcstod(L"-0x1.8p1", &end);
    wprintf(L"wcstod hex: %g rest [%ls]\n", d, end);
    d = wcstod(L"inf", &end);
    wprintf(L"wcstod inf: %g rest [%ls]\n", d, end);
    d = wcstod(L"nothing", &end);
    wprintf(L"wcstod none: %g rest [%ls]\n", d, end);

    /* swscanf */
    char word[16];
    double x;
    n = swscanf(L"17 apples 2.5 x", L"%d %15s %lf", &i, word, &x);
    wprintf(L"swscanf: %d -> %d %s %g\n", n, i, word, x);
    n = swscanf(L"key=0x2a;", L"key=%i;", &i);
    wprintf(L"swscanf %%i: %d -> %d\n", n, i);
    n = swscanf(L"", L"%d", &i);
    wprintf(L"swscanf empty: %d\n", n);
    n = swscanf(L"abc", L"%d", &i);
    wprintf(L"swscanf mismatch: %d\n", n);

    /* narrow printf with wide arguments */
    n = snprintf(narrow, sizeof narrow, "[%ls|%5lc|%-4ls|%.2ls]", L"wide", L'c', L"ab", L"xyz");
    wprintf(L"snprintf: %d %s\n", n, narrow);
    errno = 0;
    n = snprintf(narrow, sizeof narrow, "%lc", (wint_t)0x3b1);
    wprintf(L"snprintf non-ASCII %%lc: %d %d\n", n, errno == EILSEQ);
    errno = 0;
    n = snprintf(narrow, sizeof narrow, "%ls", L"\x3b1\x3b2");
    wprintf(L"snprintf non-ASCII %%ls: %d %d\n", n, errno == EILSEQ);
    return 0;
}
