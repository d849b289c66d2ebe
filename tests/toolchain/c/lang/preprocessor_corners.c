// expected: host
/* Preprocessor corners: __VA_ARGS__ and #__VA_ARGS__ (also empty), argument counting, token
   pasting with an empty side, `defined` coming out of a macro and its unparenthesised form,
   #line renumbering __LINE__ and renaming __FILE__, the GNU , ## __VA_ARGS__ comma swallowing.
   (The last two are what gcc does, not ISO C: this file is not -pedantic-errors clean.) */
#include <stdio.h>
#define STR(x) #x
#define XSTR(x) STR(x)
#define SHOW(...) printf("%s\n", #__VA_ARGS__)
#define CALL(f, ...) f(__VA_ARGS__)
#define COUNT(...) COUNT_(__VA_ARGS__, 5, 4, 3, 2, 1, 0)
#define COUNT_(a, b, c, d, e, n, ...) n
#define CAT(a, b) a ## b
#define XCAT(a, b) CAT(a, b)
#define EMPTY
#define HAS_FOO defined(FOO)
#define FOO 1
#define LOG(fmt, ...) printf(fmt "\n", ##__VA_ARGS__)
int main(void) {
    SHOW(a, b,  c);
    SHOW();
    SHOW("q\"uote", 'x');
    CALL(printf, "%d %d\n", 1, 2);
    printf("%d %d %d\n", COUNT(a), COUNT(a, b, c), COUNT(x, y, z, w, v));
    int CAT(var, 1) = 10, CAT(, var2) = 20, CAT(var3, ) = 30;
    printf("%d %d %d %d\n", var1, var2, var3, XCAT(1, 0) + CAT(0x, 1f));
#if HAS_FOO
    puts("defined via macro");
#endif
#if defined FOO && !defined(BAR) && (defined(FOO) + 1 == 2)
    puts("defined forms");
#endif
    printf("%d\n", __LINE__);
#line 100
    printf("%d %s\n", __LINE__, XSTR(__LINE__));
#line 200 "renamed.c"
    printf("%d %s\n", __LINE__, __FILE__);
    LOG("plain");
    LOG("with %d", 3);
    printf("%s\n", XSTR(CAT(a, b) EMPTY  c));
    return 0;
}
