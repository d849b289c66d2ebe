// Growing arrays of pointers with realloc (which moves the pointers they hold): every pointer
// stays valid across every move.
// expected: host
#include <stdio.h>
#include <stdlib.h>

struct node { int value; struct node *next; };

int main(void) {
    int **cells = NULL;
    int *values = malloc(100 * sizeof *values);
    for (int n = 0; n < 100; n++) {
        values[n] = n * 3;
        cells = realloc(cells, (size_t)(n + 1) * sizeof *cells);
        cells[n] = &values[n];
    }
    long sum = 0;
    for (int n = 0; n < 100; n++)
        sum += *cells[n];
    printf("%ld\n", sum);
    struct node **index = NULL;
    size_t cap = 0;
    for (int i = 0; i < 40; i++) {
        if ((size_t)i == cap) {
            cap = cap ? cap * 2 : 1;
            index = realloc(index, cap * sizeof *index);   /* moves the pointers it holds */
        }
        index[i] = malloc(sizeof **index);
        index[i]->value = i;
        index[i]->next = i > 0 ? index[i - 1] : NULL;
    }
    int count = 0, total = 0;
    for (struct node *p = index[39]; p; p = p->next) {
        count++;
        total += p->value;
    }
    printf("%d %d\n", count, total);
    for (int i = 0; i < 40; i++)
        total -= index[i]->value;
    printf("%d\n", total);
    for (int i = 0; i < 40; i++)
        free(index[i]);
    free(index);
    free(cells);
    free(values);
    return 0;
}
