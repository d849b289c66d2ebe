// Arrays: initialisation, sizes, iteration by index and by pointer, pointer differences,
// arrays of arrays of char, passing arrays to functions.
// expected: host
#include <stdio.h>
#include <stddef.h>

static void reverse(int *v, int n) {
    for (int i = 0, j = n - 1; i < j; i++, j--) {
        int t = v[i];
        v[i] = v[j];
        v[j] = t;
    }
}

int main(void) {
    int v[8] = {5, 3, 8, 1};
    int n = (int)(sizeof v / sizeof v[0]);
    printf("%d\n", n);
    for (int i = 0; i < n; i++)
        printf("%d ", v[i]);
    printf("\n");
    reverse(v, 4);
    for (int *p = v; p < v + 4; p++)
        printf("%d ", *p);
    printf("\n");
    ptrdiff_t d = &v[6] - &v[1];
    printf("%td\n", d);
    printf("%d\n", 2[v]);                     /* a[i] == i[a] */
    double dv[3] = {0.5};
    printf("%.1f %.1f\n", dv[0], dv[2]);
    char words[3][6] = {"cat", "horse", "ox"};
    for (int i = 0; i < 3; i++)
        printf("[%s]", words[i]);
    printf("\n");
    int counts[26] = {0};
    for (const char *s = "hello world"; *s; s++)
        if (*s >= 'a' && *s <= 'z')
            counts[*s - 'a']++;
    for (int i = 0; i < 26; i++)
        if (counts[i])
            printf("%c%d", 'a' + i, counts[i]);
    printf("\n");
    long big[100];
    for (int i = 0; i < 100; i++)
        big[i] = (long)i * i;
    long s = 0;
    for (int i = 0; i < 100; i += 10)
        s += big[i];
    printf("%ld\n", s);
    int *last = &v[7];
    printf("%d\n", last == v + 7);
    return 0;
}
