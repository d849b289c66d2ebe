// Nested structs and unions: initialisation, member access, arrays of structs.
// expected: host
#include <stdio.h>

struct point { int x, y; };
struct rect { struct point tl, br; char name[8]; };
struct shape {
    int kind;
    union { struct rect r; struct { struct point c; int radius; } circle; } u;
};

static int area(const struct rect *r) { return (r->br.x - r->tl.x) * (r->br.y - r->tl.y); }

int main(void) {
    struct rect r = {{1, 2}, {11, 7}, "box"};
    printf("%d %d %d %d %s\n", r.tl.x, r.tl.y, r.br.x, r.br.y, r.name);
    printf("%d\n", area(&r));
    struct shape shapes[3];
    shapes[0].kind = 0;
    shapes[0].u.r = r;
    shapes[1].kind = 1;
    shapes[1].u.circle.c.x = 5;
    shapes[1].u.circle.c.y = 6;
    shapes[1].u.circle.radius = 3;
    shapes[2].kind = 0;
    shapes[2].u.r.tl = (struct point){0, 0};
    shapes[2].u.r.br = (struct point){4, 4};
    shapes[2].u.r.name[0] = 'q';
    shapes[2].u.r.name[1] = '\0';
    for (int i = 0; i < 3; i++) {
        struct shape *s = &shapes[i];
        if (s->kind == 0)
            printf("rect %s area %d\n", s->u.r.name, area(&s->u.r));
        else
            printf("circle at %d,%d r=%d\n", s->u.circle.c.x, s->u.circle.c.y, s->u.circle.radius);
    }
    struct { int a; struct { int b; struct { int c; } inner; } mid; } deep = {1, {2, {3}}};
    printf("%d %d %d\n", deep.a, deep.mid.b, deep.mid.inner.c);
    deep.mid.inner.c += 10;
    printf("%d\n", deep.mid.inner.c);
    struct point pts[4] = {{1, 1}, {2, 4}, {3, 9}};
    int sum = 0;
    for (int i = 0; i < 4; i++)
        sum += pts[i].x * 100 + pts[i].y;
    printf("%d\n", sum);
    struct rect *rp = &r;
    rp->tl.x = 5;
    (*rp).br.y = 9;
    printf("%d %d\n", r.tl.x, r.br.y);
    return 0;
}
