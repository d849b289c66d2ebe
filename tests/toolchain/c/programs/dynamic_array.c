// A growable vector of doubles and a string builder, both doubling with realloc.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct vec { double *data; size_t len, cap; };
struct sb { char *s; size_t len, cap; };

static void vpush(struct vec *v, double x) {
    if (v->len == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 4;
        v->data = realloc(v->data, v->cap * sizeof *v->data);
    }
    v->data[v->len++] = x;
}

static void sbappend(struct sb *b, const char *s) {
    size_t n = strlen(s);
    if (b->len + n + 1 > b->cap) {
        while (b->len + n + 1 > b->cap)
            b->cap = b->cap ? b->cap * 2 : 8;
        b->s = realloc(b->s, b->cap);
    }
    memcpy(b->s + b->len, s, n + 1);
    b->len += n;
}

int main(void) {
    struct vec v = {NULL, 0, 0};
    for (int i = 1; i <= 1000; i++)
        vpush(&v, 1.0 / i);
    double sum = 0;
    for (size_t i = 0; i < v.len; i++)
        sum += v.data[i];
    printf("%zu %zu %.6f\n", v.len, v.cap, sum);
    struct sb b = {NULL, 0, 0};
    char num[16];
    for (int i = 0; i < 30; i++) {
        snprintf(num, sizeof num, "%d,", i * i);
        sbappend(&b, num);
    }
    printf("%zu %zu\n%s\n", b.len, b.cap, b.s);
    free(v.data);
    free(b.s);
    return 0;
}
