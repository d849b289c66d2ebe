// expected: host
/* Structs passed through `...` and read back with va_arg, small and large, mixed with other
   arguments; structs passed to and returned from functions called without a prototype. */
#include <stdarg.h>
#include <stdio.h>

struct point { int x, y; };
struct big { long a[5]; char tag[8]; double d; };

static long total(int n, ...)
{
    va_list ap;
    long s = 0;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        struct point p = va_arg(ap, struct point);
        struct big b = va_arg(ap, struct big);
        int k = va_arg(ap, int);
        s += p.x * 10 + p.y + b.a[4];
        printf("%d,%d %s %.2f %d\n", p.x, p.y, b.tag, b.d, k);
    }
    va_end(ap);
    return s;
}

static void forward(const char *label, ...)
{
    va_list ap, copy;
    va_start(ap, label);
    va_copy(copy, ap);
    struct point first = va_arg(ap, struct point);
    struct point again = va_arg(copy, struct point);
    printf("%s %d %d %d\n", label, first.x, again.y, va_arg(ap, struct point).x);
    va_end(copy);
    va_end(ap);
}

struct point mid();
struct big make();

int main(void)
{
    struct point p = {1, 2}, q = {3, 4};
    struct big b = {{0, 0, 0, 0, 100}, "big", 2.5};
    printf("%ld\n", total(2, p, b, 7, q, b, 8));
    forward("fwd", q, p);
    struct point m = mid(p, q);
    struct big c = make(21);
    printf("%d %d %ld %s %.2f\n", m.x, m.y, c.a[4], c.tag, c.d);
    b.a[4] = 5;                 /* the callee got a copy */
    printf("%ld\n", total(1, p, b, 9));
    return 0;
}

struct point mid(struct point a, struct point b)
{
    struct point r = {(a.x + b.x) / 2, (a.y + b.y) / 2};
    return r;
}

struct big make(int n)
{
    struct big b = {{n, n, n, n, n * 2}, "made", n / 4.0};
    return b;
}
