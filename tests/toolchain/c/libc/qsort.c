// qsort with several comparators: ints ascending and descending, strings, structs by key,
// doubles; empty and single-element arrays.
// expected: host
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) {
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}
static int cmp_int_desc(const void *a, const void *b) { return cmp_int(b, a); }
static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int cmp_dbl(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}
struct person { char name[12]; int age; };
static int by_age(const void *a, const void *b) {
    return ((const struct person *)a)->age - ((const struct person *)b)->age;
}

int main(void) {
    int v[20];
    unsigned seed = 12345;
    for (int i = 0; i < 20; i++) {
        seed = seed * 1103515245 + 12345;
        v[i] = (int)(seed >> 16) % 1000 - 500;
    }
    qsort(v, 20, sizeof v[0], cmp_int);
    for (int i = 0; i < 20; i++)
        printf("%d ", v[i]);
    printf("\n");
    qsort(v, 20, sizeof v[0], cmp_int_desc);
    for (int i = 0; i < 20; i++)
        printf("%d ", v[i]);
    printf("\n");
    const char *words[] = {"pear", "apple", "fig", "banana", "cherry", "apricot", "date"};
    qsort(words, 7, sizeof words[0], cmp_str);
    for (int i = 0; i < 7; i++)
        printf("%s ", words[i]);
    printf("\n");
    struct person people[] = {{"ann", 31}, {"bob", 25}, {"cy", 40}, {"di", 19}};
    qsort(people, 4, sizeof people[0], by_age);
    for (int i = 0; i < 4; i++)
        printf("%s:%d ", people[i].name, people[i].age);
    printf("\n");
    double d[6] = {3.5, -1.25, 2.0, 1e10, -1e-3, 0.0};
    qsort(d, 6, sizeof d[0], cmp_dbl);
    for (int i = 0; i < 6; i++)
        printf("%g ", d[i]);
    printf("\n");
    int one = 7;
    qsort(&one, 1, sizeof one, cmp_int);
    qsort(v, 0, sizeof v[0], cmp_int);
    printf("%d\n", one);
    int many[1000];
    for (int i = 0; i < 1000; i++)
        many[i] = (i * 7919) % 1000;
    qsort(many, 1000, sizeof many[0], cmp_int);
    int ok = 1;
    for (int i = 0; i < 1000; i++)
        ok &= many[i] == i;
    printf("%d\n", ok);
    return 0;
}
