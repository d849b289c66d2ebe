// Structs passed and returned by value: the callee gets a copy; results can be used directly.
// expected: host
#include <stdio.h>

struct vec { double x, y; };
struct pair { int a, b; };
struct big { int v[20]; char tag; };
struct tiny { char c; };

static struct vec vadd(struct vec p, struct vec q) { struct vec r = {p.x + q.x, p.y + q.y}; return r; }
static struct vec vscale(struct vec p, double k) { p.x *= k; p.y *= k; return p; }
static struct pair swap(struct pair p) { int t = p.a; p.a = p.b; p.b = t; return p; }
static void clobber(struct big b) { for (int i = 0; i < 20; i++) b.v[i] = -1; b.tag = 'X'; }
static struct big make_big(int base) {
    struct big b;
    for (int i = 0; i < 20; i++)
        b.v[i] = base + i;
    b.tag = 'b';
    return b;
}
static int sum_big(struct big b) { int s = 0; for (int i = 0; i < 20; i++) s += b.v[i]; return s; }
static struct tiny next(struct tiny t) { t.c++; return t; }
static struct pair mixed(int k, struct pair p, double d, struct pair q) {
    struct pair r = {p.a + q.a + k, p.b + q.b + (int)d};
    return r;
}

int main(void) {
    struct vec a = {1, 2}, b = {0.5, -1};
    struct vec c = vadd(a, b);
    printf("%.2f %.2f\n", c.x, c.y);
    printf("%.2f\n", vscale(c, 4).y);
    printf("%.2f %.2f\n", a.x, a.y);                 /* unchanged */
    struct pair p = {1, 2};
    struct pair s = swap(swap(swap(p)));
    printf("%d %d / %d %d\n", p.a, p.b, s.a, s.b);
    struct big big = make_big(100);
    clobber(big);
    printf("%d %d %c\n", big.v[0], big.v[19], big.tag);
    printf("%d\n", sum_big(big));
    printf("%d\n", sum_big(make_big(0)));
    printf("%d\n", make_big(5).v[3]);
    struct tiny t = {'a'};
    printf("%c\n", next(next(t)).c);
    struct pair m = mixed(100, p, 7.9, s);
    printf("%d %d\n", m.a, m.b);
    struct vec arr[2];
    arr[1] = vadd(arr[0] = a, b);
    printf("%.1f %.1f %.1f %.1f\n", arr[0].x, arr[0].y, arr[1].x, arr[1].y);
    return 0;
}
