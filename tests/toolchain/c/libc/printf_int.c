// printf integer conversions with flags, widths, precisions and length modifiers.
// expected: host
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>

int main(void) {
    printf("[%d] [%i] [%u] [%x] [%X] [%o]\n", 42, -42, 42u, 255u, 255u, 8u);
    printf("[%5d] [%-5d] [%05d] [%+d] [% d] [%+d]\n", 42, 42, 42, 42, 42, -42);
    printf("[%5d] [%-5d] [%05d] [% d]\n", -42, -42, -42, -42);
    printf("[%.3d] [%.0d] [%.0d] [%5.3d] [%-6.2d]\n", 7, 0, 1, -7, 3);
    printf("[%#x] [%#X] [%#o] [%#x] [%#o]\n", 255u, 255u, 8u, 0u, 0u);
    printf("[%08x] [%-8x] [%#010x]\n", 0xbeefu, 0xbeefu, 0xbeefu);
    printf("[%*d] [%-*d] [%.*d] [%*.*d]\n", 6, 1, 6, 2, 4, 3, 7, 3, 4);
    printf("[%*d]\n", -6, 5);                      /* a negative width means left-justify */
    printf("[%ld] [%lu] [%lx]\n", LONG_MIN, ULONG_MAX, 0x123456789abcdefUL);
    printf("[%lld] [%llu]\n", LLONG_MAX, 0ULL);
    printf("[%hd] [%hu] [%hhd] [%hhu]\n", (short)-1234, (unsigned short)65535, (signed char)-5, (unsigned char)250);
    printf("[%hd] [%hhd]\n", 70000, 300);          /* converted to short / signed char */
    printf("[%zu] [%td] [%jd]\n", (size_t)123456789012UL, (ptrdiff_t)-5, (intmax_t)INT64_MIN);
    printf("[%d] [%d]\n", INT_MIN, INT_MAX);
    printf("[%u]\n", UINT_MAX);
    printf("[%x] [%o]\n", UINT_MAX, UINT_MAX);
    printf("[%c%c%c] [%5c] [%-3c]\n", 'a', 'b', 'c', 'x', 'y');
    printf("[%%] [%%%%]\n");
    int n = printf("12345\n");
    printf("%d\n", n);
    n = printf("%s=%d\n", "abc", -100);
    printf("%d\n", n);
    printf("[%+.3d] [% 05d] [%+05d]\n", 5, 5, 5);
    printf("[%-+5d] [%- 5d]\n", 5, 5);
    return 0;
}
