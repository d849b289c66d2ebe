// Compound literals: arrays and structs as unnamed objects, passed to functions and modified.
// expected: host
#include <stdio.h>

struct point { int x, y; };

static int sum(const int *v, int n) { int s = 0; for (int i = 0; i < n; i++) s += v[i]; return s; }
static int manhattan(struct point p) { return (p.x < 0 ? -p.x : p.x) + (p.y < 0 ? -p.y : p.y); }
static struct point *mirror(struct point *p) { int t = p->x; p->x = p->y; p->y = t; return p; }

int main(void) {
    printf("%d\n", sum((int[]){1, 2, 3, 4}, 4));
    printf("%d\n", manhattan((struct point){-3, 4}));
    struct point *p = mirror(&(struct point){.x = 1, .y = 2});
    printf("%d %d\n", p->x, p->y);
    int *arr = (int[5]){[2] = 7};
    arr[4] = 9;
    printf("%d %d %d %d %d\n", arr[0], arr[1], arr[2], arr[3], arr[4]);
    struct point pts[2];
    pts[0] = (struct point){5, 6};
    pts[1] = (struct point){pts[0].y, pts[0].x};
    printf("%d %d %d %d\n", pts[0].x, pts[0].y, pts[1].x, pts[1].y);
    const char **names = (const char *[]){"x", "yy", "zzz"};
    printf("%s %s\n", names[0], names[2]);
    int total = 0;
    for (int i = 0; i < 3; i++) {
        int *row = (int[3]){i, i * 2, i * 3};
        total += sum(row, 3);
    }
    printf("%d\n", total);
    return 0;
}
