// Structs of function pointers used like a vtable: objects dispatch through them.
// expected: host
#include <stdio.h>

struct shape;
struct shape_ops {
    const char *name;
    double (*area)(const struct shape *);
    void (*grow)(struct shape *, double);
};
struct shape { const struct shape_ops *ops; double a, b; };

static double rect_area(const struct shape *s) { return s->a * s->b; }
static void rect_grow(struct shape *s, double k) { s->a *= k; s->b *= k; }
static double tri_area(const struct shape *s) { return s->a * s->b / 2; }
static void tri_grow(struct shape *s, double k) { s->a += k; }

static const struct shape_ops rect_ops = {"rect", rect_area, rect_grow};
static const struct shape_ops tri_ops = {"tri", tri_area, tri_grow};

int main(void) {
    struct shape shapes[3] = {{&rect_ops, 2, 3}, {&tri_ops, 4, 5}, {&rect_ops, 1, 1}};
    for (int round = 0; round < 2; round++) {
        for (int i = 0; i < 3; i++) {
            struct shape *s = &shapes[i];
            printf("%s %.2f\n", s->ops->name, s->ops->area(s));
            s->ops->grow(s, 2);
        }
    }
    return 0;
}
