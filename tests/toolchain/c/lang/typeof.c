// typeof (C23) and gcc's __typeof__: the type of an expression, not evaluated, or of a type
// name, as generic macros use it (a swap of any type, a max that evaluates its arguments once,
// container_of). Arrays stay arrays and qualifiers stay; typeof_unqual drops them.
// (Output written by hand: gcc -std=c11, which makes the other expectations, has no typeof.)
#include <stddef.h>
#include <stdio.h>

#define SWAP(a, b) do { typeof(a) tmp_ = (a); (a) = (b); (b) = tmp_; } while (0)
#define MAX(a, b) ({ __typeof__(a) a_ = (a); __typeof__(b) b_ = (b); a_ > b_ ? a_ : b_; })
#define container_of(ptr, type, member) ((type *)((char *)(ptr) - offsetof(type, member)))

struct item { int key; double weight; struct item *next; };

static int calls;
static int next_value(void) { return ++calls; }

int main(void) {
    int i = 1, j = 2;
    SWAP(i, j);
    double x = 1.5, y = -2.5;
    SWAP(x, y);
    printf("%d %d %g %g\n", i, j, x, y);

    printf("%d %g\n", MAX(next_value(), 0), MAX(2.5, 1));
    printf("calls %d\n", calls);
    typeof(next_value()) unevaluated = 7;           /* next_value is not called */
    printf("calls %d, %d\n", calls, unevaluated);

    int numbers[5];
    typeof(numbers) copy;                           /* int[5] */
    printf("%d\n", (int)(sizeof copy / sizeof copy[0]));
    typeof(int *) pointers[2] = { &i, &j };
    printf("%d\n", *pointers[1]);

    const int fixed = 3;
    typeof_unqual(fixed) changeable = fixed;
    changeable++;
    printf("%d\n", changeable);

    struct item it = { 42, 0.5, NULL };
    double *w = &it.weight;
    struct item *back = container_of(w, struct item, weight);
    printf("%d\n", back->key);
    __typeof(it.next) link = &it;
    printf("%d\n", link->key);
    return 0;
}
