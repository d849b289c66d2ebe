// expected: host
// A GNU range designator's value is evaluated once, however many elements it fills (gcc's
// manual: "the side effects happen only once"): in a local array, a local array of structs
// (also through a nested designator and into a bit-field), and a compound literal.
#include <stdio.h>

static int calls;

static int next(void) {
    return ++calls * 10;
}

struct cell { int value; unsigned flag : 3; };

int main(void) {
    int a[5] = { [0 ... 4] = next() };
    printf("calls %d:", calls);
    for (int i = 0; i < 5; i++)
        printf(" %d", a[i]);
    printf("\n");

    calls = 0;
    int b[9] = { [1 ... 3] = next(), [2] = 0, [5 ... 7] = next(), 99 };
    printf("calls %d:", calls);
    for (int i = 0; i < 9; i++)
        printf(" %d", b[i]);
    printf("\n");

    calls = 0;
    struct cell cells[4] = { [0 ... 3].value = next(), [1 ... 2].flag = next() / 10 };
    printf("calls %d:", calls);
    for (int i = 0; i < 4; i++)
        printf(" %d/%u", cells[i].value, cells[i].flag);
    printf("\n");

    calls = 0;
    struct cell pairs[3] = { [0 ... 2] = { next(), 5 } };
    printf("calls %d:", calls);
    for (int i = 0; i < 3; i++)
        printf(" %d/%u", pairs[i].value, pairs[i].flag);
    printf("\n");

    calls = 0;
    int *p = (int[6]){ [0 ... 5] = next() };
    printf("calls %d: %d %d\n", calls, p[0], p[5]);
    return 0;
}
