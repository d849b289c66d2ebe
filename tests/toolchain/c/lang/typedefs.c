// typedef: scalar, struct, pointer, array and function types; a typedef name hidden by a local.
// expected: host
#include <stdio.h>

typedef unsigned long ulong;
typedef struct point { int x, y; } point;
typedef point *point_ptr;
typedef int triple[3];
typedef int unary(int);
typedef unary *unary_ptr;
typedef const char *string;

static int twice(int x) { return 2 * x; }
static int apply(unary_ptr f, int v) { return f(v); }

int main(void) {
    ulong big = 4000000000UL * 2;
    printf("%lu\n", big);
    point p = {3, 4};
    point_ptr pp = &p;
    pp->y = 40;
    printf("%d %d\n", p.x, p.y);
    triple t = {1, 2, 3};
    printf("%d %d\n", t[0] + t[1] + t[2], (int)(sizeof t / sizeof t[0]));
    unary *f = twice;
    printf("%d %d\n", f(21), apply(twice, 8));
    string names[2] = {"first", "second"};
    printf("%s %s\n", names[0], names[1]);
    typedef int local_t;
    local_t v = 5;
    {
        double local_t = 2.5;       /* an ordinary identifier hides the typedef here */
        printf("%.1f\n", local_t);
    }
    printf("%d\n", v);
    struct point q = p;             /* the tag still works */
    printf("%d\n", q.x);
    return 0;
}
