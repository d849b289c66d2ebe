// rand and srand: the same seed gives the same sequence, values lie in [0, RAND_MAX].
// (The sequence itself is the implementation's, so only its properties are printed.)
// expected: host
#include <stdio.h>
#include <stdlib.h>

int main(void) {
    int a[20], b[20];
    srand(42);
    for (int i = 0; i < 20; i++)
        a[i] = rand();
    srand(42);
    for (int i = 0; i < 20; i++)
        b[i] = rand();
    int same = 1, in_range = 1, distinct = 0;
    for (int i = 0; i < 20; i++) {
        same &= a[i] == b[i];
        in_range &= a[i] >= 0 && a[i] <= RAND_MAX;
        distinct += i > 0 && a[i] != a[i - 1];
    }
    printf("%d %d %d\n", same, in_range, distinct > 10);
    printf("%d\n", RAND_MAX >= 32767);
    srand(7);
    int c = rand();
    srand(42);
    printf("%d\n", rand() == a[0]);
    (void)c;
    return 0;
}
