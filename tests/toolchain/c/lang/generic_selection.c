// expected: host
/* _Generic: the association chosen by the controlling expression's type after lvalue
   conversion (arrays decay, qualifiers go), the default, and only the chosen branch evaluated. */
#include <stdio.h>

#define TYPE_NAME(x) _Generic((x), \
    char: "char", signed char: "signed char", unsigned char: "unsigned char", \
    short: "short", int: "int", unsigned: "unsigned", long: "long", unsigned long: "unsigned long", \
    long long: "long long", float: "float", double: "double", \
    char *: "char *", const char *: "const char *", int *: "int *", default: "other")

#define ABS(x) _Generic((x), long: labs_, double: fabs_, default: abs_)(x)

static int abs_(int x) { return x < 0 ? -x : x; }
static long labs_(long x) { return x < 0 ? -x : x; }
static double fabs_(double x) { return x < 0 ? -x : x; }

struct point { int x, y; };

int main(void)
{
    char c = 'a';
    const int ci = 3;
    char buf[4];
    const char *cs = "x";
    int n = 0;
    struct point p = {1, 2};
    puts(TYPE_NAME(c));
    puts(TYPE_NAME((signed char)1));
    puts(TYPE_NAME((unsigned char)1));
    puts(TYPE_NAME((short)1));
    puts(TYPE_NAME('a'));              /* a character constant is an int */
    puts(TYPE_NAME(1u));
    puts(TYPE_NAME(1L));
    puts(TYPE_NAME(1UL));
    puts(TYPE_NAME(1LL));
    puts(TYPE_NAME(1.0f));
    puts(TYPE_NAME(1.0));
    puts(TYPE_NAME(ci));                /* qualifiers dropped */
    puts(TYPE_NAME(buf));               /* arrays decay */
    puts(TYPE_NAME("literal"));
    puts(TYPE_NAME(cs));
    puts(TYPE_NAME(&n));
    puts(TYPE_NAME(p));
    puts(TYPE_NAME(c + c));             /* promoted */
    printf("%d %ld %.1f\n", ABS(-4), ABS(-5L), ABS(-2.5));
    printf("%d\n", _Generic(n++, int: 10, default: 20));
    printf("n=%d\n", n);                /* the controlling expression is not evaluated */
    printf("%d\n", (int)sizeof(_Generic(1.0f, float: (char)0, default: 0L)));
    return 0;
}
