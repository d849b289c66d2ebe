// Self-referential and mutually referential structs, incomplete types completed later.
// expected: host
#include <stdio.h>

struct b;
struct a { int v; struct b *other; };
struct b { int w; struct a *other; };
struct list { int value; struct list *next; };

int main(void) {
    struct a x;
    struct b y;
    x.v = 1;
    y.w = 2;
    x.other = &y;
    y.other = &x;
    printf("%d %d %d\n", x.other->w, y.other->v, x.other->other->other->w);
    struct list n3 = {3, NULL}, n2 = {2, &n3}, n1 = {1, &n2};
    int sum = 0;
    for (struct list *p = &n1; p != NULL; p = p->next)
        sum = sum * 10 + p->value;
    printf("%d\n", sum);
    n3.next = &n1;                                /* a cycle */
    struct list *p = &n1;
    for (int i = 0; i < 7; i++)
        p = p->next;
    printf("%d\n", p->value);
    return 0;
}
