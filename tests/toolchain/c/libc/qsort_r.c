// expected: host
// qsort_r (POSIX 2024, with glibc's order of arguments) hands its last argument to every call of
// the comparison: here the keys that indices sort by, and which way.
#define _GNU_SOURCE                 /* glibc declares qsort_r only then */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct order {
    const char *const *keys;
    int descending;
};

static int by_key(const void *a, const void *b, void *arg) {
    const struct order *o = arg;
    int r = strcmp(o->keys[*(const int *)a], o->keys[*(const int *)b]);
    return o->descending ? -r : r;
}

static void show(const char *what, const int *index, int n, const char *const *keys) {
    printf("%s:", what);
    for (int i = 0; i < n; i++)
        printf(" %s", keys[index[i]]);
    printf("\n");
}

int main(void) {
    static const char *const keys[] = {"pear", "apple", "fig", "kiwi", "banana", "cherry", "date",
                                       "grape", "lemon", "mango", "olive", "quince", "elder"};
    enum { N = sizeof keys / sizeof keys[0] };
    int index[N];
    for (int i = 0; i < N; i++)
        index[i] = i;
    struct order up = {keys, 0}, down = {keys, 1};
    qsort_r(index, N, sizeof index[0], by_key, &up);
    show("up", index, N, keys);
    qsort_r(index, N, sizeof index[0], by_key, &down);
    show("down", index, N, keys);
    qsort_r(index, 1, sizeof index[0], by_key, &up);      /* one element, nothing to do */
    qsort_r(NULL, 0, sizeof index[0], by_key, &up);       /* none */
    show("same", index, 3, keys);
    return 0;
}
