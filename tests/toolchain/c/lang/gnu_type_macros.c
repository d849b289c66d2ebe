// expected: host
// The type and limit macros gcc and clang predefine (__SIZE_TYPE__, __INT_MAX__, ...), with
// which freestanding code and single-header libraries declare size_t and friends themselves,
// without including a header.
typedef __SIZE_TYPE__ my_size_t;
typedef __PTRDIFF_TYPE__ my_ptrdiff_t;
typedef __WCHAR_TYPE__ my_wchar_t;
typedef __INTMAX_TYPE__ my_intmax_t;
typedef __UINTMAX_TYPE__ my_uintmax_t;
typedef __INTPTR_TYPE__ my_intptr_t;
typedef __UINTPTR_TYPE__ my_uintptr_t;

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
    my_size_t n = sizeof(int[10]);
    size_t *same_size = &n;                 /* compatible pointer types: the same type */
    my_ptrdiff_t d = -3;
    ptrdiff_t *same_diff = &d;
    my_wchar_t w = L'x';
    wchar_t *same_wchar = &w;
    my_intmax_t big = __INTMAX_MAX__;
    intmax_t *same_intmax = &big;
    my_uintmax_t ubig = UINTMAX_MAX;
    uintmax_t *same_uintmax = &ubig;
    int x = 5;
    my_intptr_t ip = (my_intptr_t)&x;
    my_uintptr_t up = (my_uintptr_t)&x;
    printf("%zu %td %d %jd %ju %d %d\n", *same_size, *same_diff, *same_wchar, *same_intmax,
           *same_uintmax, *(int *)ip, *(int *)up);
    printf("%d %d %d %d\n", __SCHAR_MAX__ == SCHAR_MAX, __SHRT_MAX__ == SHRT_MAX,
           __INT_MAX__ == INT_MAX, __LONG_MAX__ == LONG_MAX);
    printf("%d %d %d\n", __LONG_LONG_MAX__ == LLONG_MAX, __SIZE_MAX__ == SIZE_MAX,
           __PTRDIFF_MAX__ == PTRDIFF_MAX);
    printf("%d %d\n", __SIZEOF_WCHAR_T__ == sizeof(wchar_t), __SIZEOF_PTRDIFF_T__ == sizeof(ptrdiff_t));
    return 0;
}
