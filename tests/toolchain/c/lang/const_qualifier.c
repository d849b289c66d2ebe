// const: const objects, pointers to const, const pointers, const struct members, const globals.
// expected: host
#include <stdio.h>

static const int limit = 10;
static const double rates[] = {0.5, 1.5, 2.5};
static const char *const labels[] = {"lo", "mid", "hi"};
struct config { const char *name; const int version; };

static int sum(const int *v, int n) {
    int s = 0;
    for (int i = 0; i < n; i++)
        s += v[i];
    return s;
}
static size_t length(const char *s) {
    const char *p = s;
    while (*p)
        p++;
    return (size_t)(p - s);
}

int main(void) {
    int data[4] = {1, 2, 3, 4};
    printf("%d\n", sum(data, 4));
    const int *ro = data;
    ro++;                               /* the pointer itself may change */
    printf("%d\n", *ro);
    int *const fixed = data;
    *fixed = 100;                       /* the pointee may change */
    printf("%d\n", data[0]);
    const int *const both = &data[3];
    printf("%d\n", *both);
    printf("%d %.1f %s\n", limit, rates[2], labels[1]);
    struct config cfg = {"ufos", 3};
    printf("%s %d\n", cfg.name, cfg.version);
    printf("%d\n", (int)length("constant"));
    const char msg[] = "fixed";
    printf("%s %d\n", msg, (int)sizeof msg);
    int total = 0;
    for (int i = 0; i < limit; i++)
        total += i;
    printf("%d\n", total);
    return 0;
}
