// expected: host
/* <wchar.h>'s wide formatted output in the C locale: wprintf, fwprintf, swprintf, vswprintf,
   fputws, putwchar and fwide. stdout is only ever written wide (a stream has one orientation). */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <wchar.h>

static int format_into(wchar_t *buf, size_t n, const wchar_t *format, ...)
{
    va_list ap;
    int r;

    va_start(ap, format);
    r = vswprintf(buf, n, format, ap);
    va_end(ap);
    return r;
}

int main(void)
{
    wchar_t buf[64];
    int n, count = 0;

    wprintf(L"fwide before: %d\n", fwide(stdout, 0) == 0);      /* not yet oriented: 1 */
    wprintf(L"fwide after: %d\n", fwide(stdout, 0));            /* wprintf made it wide */
    wprintf(L"fwide(-1) keeps it: %d\n", fwide(stdout, -1));

    n = wprintf(L"[%d|%5d|%-5d|%05d|%+d|%x|%#o|%lu]\n", 42, -7, 3, 12, 9, 255, 8, 123456789UL);
    wprintf(L"returned %d\n", n);
    wprintf(L"[%s|%10s|%-6s|%.3s]\n", "narrow", "right", "left", "truncated");
    wprintf(L"[%ls|%8ls|%-6ls|%.2ls]\n", L"wide", L"wide", L"ab", L"wxyz");
    wprintf(L"[%c%lc%lc|%3lc|%-3lc]\n", 'n', L'w', (wint_t)L'!', L'r', L'l');
    wprintf(L"[%.3f|%e|%g|%10.2f|%a]\n", 3.14159265, 12345.678, 0.0001, -2.5, 1.0);
    wprintf(L"100%% %ls%n done\n", L"sure", &count);
    wprintf(L"count %d\n", count);

    n = swprintf(buf, 64, L"%d-%ls-%s-%c", 7, L"wide", "narrow", 'x');
    wprintf(L"swprintf %d: %ls (len %d)\n", n, buf, (int)wcslen(buf));
    n = swprintf(buf, 5, L"%s", "too long");
    wprintf(L"swprintf overflow: %d\n", n);
    n = swprintf(buf, 9, L"%s", "12345678");
    wprintf(L"swprintf exact fit: %d %ls\n", n, buf);
    n = format_into(buf, 64, L"<%*d|%-*ls>", 6, 42, 4, L"ab");
    wprintf(L"vswprintf %d: %ls\n", n, buf);

    /* beyond ASCII: kept in a wide buffer, '?' on a stream, EILSEQ for a narrow %s */
    n = swprintf(buf, 64, L"%lc|%-3ls|", (wint_t)0xe9, L"\x263a");
    wprintf(L"non-ASCII into swprintf: %d %x %x %ls\n", n, (unsigned)buf[0], (unsigned)buf[2],
            buf + 3);
    n = wprintf(L"non-ASCII to stdout: %lc %ls\n", (wint_t)0xe9, L"x\x263ay");
    wprintf(L"returned %d\n", n);
    errno = 0;
    n = swprintf(buf, 64, L"%s", "caf\xe9");
    wprintf(L"narrow non-ASCII %%s: %d %d\n", n, errno == EILSEQ);
    fputws(L"fputws line\n", stdout);
    putwchar(L'p');
    putwc(L'q', stdout);
    fputwc(L'\n', stdout);
    wprintf(L" <- fputwc non-ASCII: %d\n", fputwc(0x263a, stdout) == 0x263a);

    fwprintf(stderr, L"to stderr %d\n", 1);
    wprintf(L"stderr wide: %d\n", fwide(stderr, 0));
    return 0;
}
