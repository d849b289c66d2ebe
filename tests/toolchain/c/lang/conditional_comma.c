// The ?: operator (nesting, result types, side effects) and the comma operator.
// expected: host
#include <stdio.h>

static int calls;
static int touch(int v) { calls++; return v; }

int main(void) {
    for (int i = -1; i <= 1; i++)
        printf("%s ", i < 0 ? "neg" : i == 0 ? "zero" : "pos");
    printf("\n");
    int a = 5, b = 9;
    int m = a > b ? a : b;
    printf("%d\n", m);
    double d = 1 ? 1 : 2.5;              /* the result has type double */
    printf("%f\n", d);
    printf("%d\n", (int)sizeof(1 ? 'a' : 1L));   /* 8: long */
    calls = 0;
    int r = 1 ? touch(1) : touch(2);
    printf("%d %d\n", r, calls);         /* only one side runs */
    int x = (a++, b++, a + b);
    printf("%d %d %d\n", a, b, x);       /* 6 10 16 */
    int y = 0;
    for (int i = 0, j = 10; i < j; i += 3, j -= 3)
        y += j - i;
    printf("%d\n", y);
    const char *names[] = {"even", "odd"};
    for (int i = 0; i < 4; i++)
        printf("%s ", names[i % 2 ? 1 : 0]);
    printf("\n");
    int *p = a > 0 ? &a : &b;
    *p = 100;
    printf("%d\n", a);
    int z = (touch(3), touch(4));
    printf("%d %d\n", z, calls);
    unsigned u = 0;
    long L = u ? -1 : 1;
    printf("%ld\n", L);
    int neg = -1;
    unsigned int un = 1;
    printf("%d\n", (neg < 0 ? neg : un) > 0);   /* result is unsigned: -1 -> UINT_MAX */
    return 0;
}
