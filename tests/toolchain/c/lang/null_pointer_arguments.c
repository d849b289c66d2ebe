// expected: host
// A null pointer constant passed where a pointer travels in memory (a variadic argument, or the
// ninth argument and beyond) arrives as a null pointer in every bit, whatever the slot held from
// an earlier call: printf("%p", NULL) and execl's (char *)0 sentinel are read with va_arg as
// whole pointers.
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

static int all_bits_null(const void *p) {
    const void *null = NULL;
    return memcmp(&p, &null, sizeof p) == 0;
}

static void variadic(const char *what, int n, ...) {
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        const void *p = va_arg(ap, const void *);
        printf("%s %d: %s\n", what, i, p == NULL ? (all_bits_null(p) ? "null" : "null address only") : "object");
    }
    va_end(ap);
}

static void nine(int *a, int *b, int *c, int *d, int *e, int *f, int *g, int *h, const char *ninth) {
    (void)a, (void)b, (void)c, (void)d, (void)e, (void)f, (void)g, (void)h;
    printf("ninth: %s\n", ninth == NULL ? (all_bits_null(ninth) ? "null" : "null address only") : ninth);
}

int main(void) {
    int x = 1;
    variadic("before", 3, (void *)&x, (void *)&x, (void *)&x);
    variadic("after", 3, NULL, (void *)0, (char *)0);
    nine(&x, &x, &x, &x, &x, &x, &x, &x, "a string");
    nine(&x, &x, &x, &x, &x, &x, &x, &x, NULL);
    return 0;
}
