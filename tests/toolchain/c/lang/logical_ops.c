// && and || short-circuit; ! and comparisons yield 0 or 1.
// expected: host
#include <stdio.h>

static int trace_len;
static char trace[64];
static int t(char c, int v) { trace[trace_len++] = c; return v; }

int main(void) {
    int r = t('a', 0) && t('b', 1);
    printf("%d ", r);
    r = t('c', 1) || t('d', 1);
    printf("%d ", r);
    r = t('e', 1) && t('f', 2) && t('g', 0) && t('h', 1);
    printf("%d ", r);
    r = t('i', 0) || t('j', 0) || t('k', 5);
    printf("%d\n", r);
    trace[trace_len] = '\0';
    printf("%s\n", trace);                       /* acdefgijk */
    printf("%d %d %d %d\n", !0, !1, !42, !!42);
    printf("%d %d %d\n", 3 < 5, 5 <= 4, (2 == 2) + (3 != 3));
    int *p = 0;
    if (p && *p)                                 /* never dereferences */
        printf("unreachable\n");
    printf("%d\n", p == 0 || *p == 1);
    double d = 0.0;
    printf("%d %d\n", !d, d || 0.5);
    int n = 10;
    int safe = n != 0 && 100 / n > 5;
    printf("%d\n", safe);
    return 0;
}
