// Pointers to pointers: modifying a caller's pointer, arrays of strings, triple indirection.
// expected: host
#include <stdio.h>

static void advance(const char **p, int n) { *p += n; }
static void swap_ptrs(int **a, int **b) { int *t = *a; *a = *b; *b = t; }
static int count_chars(char **words, int n) {
    int total = 0;
    for (char **w = words; w < words + n; w++)
        for (char *c = *w; *c; c++)
            total++;
    return total;
}

int main(void) {
    const char *s = "abcdef";
    advance(&s, 2);
    printf("%s\n", s);
    int x = 1, y = 2;
    int *px = &x, *py = &y;
    swap_ptrs(&px, &py);
    printf("%d %d\n", *px, *py);
    int **ppx = &px;
    **ppx = 100;
    printf("%d\n", y);
    int ***pppx = &ppx;
    ***pppx += 5;
    printf("%d\n", y);
    char w1[] = "one", w2[] = "three", w3[] = "fifteen";
    char *words[] = {w1, w2, w3};
    printf("%d\n", count_chars(words, 3));
    char **wp = words;
    wp[1][0] = 'T';
    printf("%s %c %s\n", *(wp + 1), **wp, *wp + 1);
    int a = 0, b = 0;
    int *targets[2] = {&a, &b};
    int **t = targets;
    for (int i = 0; i < 10; i++)
        (*t[i % 2])++;
    printf("%d %d\n", a, b);
    return 0;
}
