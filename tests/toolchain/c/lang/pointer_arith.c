// Pointer arithmetic and comparison within arrays, on several element types.
// expected: host
#include <stdio.h>

struct item { int id; double w; char name[5]; };

int main(void) {
    int a[10];
    for (int i = 0; i < 10; i++)
        a[i] = i * i;
    int *p = a + 3, *q = &a[8];
    printf("%d %d %d\n", *p, *q, (int)(q - p));
    printf("%d %d %d\n", p < q, p == q - 5, q >= a + 9);
    printf("%d\n", *(p + 2));
    printf("%d\n", p[-1]);
    p += 4;
    printf("%d\n", *p);
    struct item items[4] = {{1, 0.5, "a"}, {2, 1.5, "b"}, {3, 2.5, "c"}, {4, 3.5, "d"}};
    struct item *it = items;
    it++;
    printf("%d %.1f %s\n", it->id, it->w, it->name);
    printf("%d\n", (int)(&items[3] - it));
    printf("%s\n", (it + 2)->name);
    double dd[5] = {1, 2, 3, 4, 5};
    double *dp = dd + 4;
    double s = 0;
    while (dp >= dd + 1)
        s += *dp--;
    printf("%.1f\n", s + *dp);
    char buf[] = "pointer";
    char *c = buf + 7;
    printf("%d\n", (int)(c - buf));
    while (c > buf)
        putchar(*--c);
    putchar('\n');
    long *lp = (long[]){10, 20, 30};
    printf("%ld\n", *(lp + 1) + lp[2]);
    void *vp = &a[5];
    int *back = vp;
    printf("%d\n", *back);
    return 0;
}
