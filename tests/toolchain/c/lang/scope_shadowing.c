// Block scope: inner declarations hide outer ones (globals, parameters, loop variables).
// expected: host
#include <stdio.h>

int x = 1;

static int f(int x) {
    {
        int x = 100;
        x++;
    }
    return x * 2;
}

int main(void) {
    printf("%d\n", x);
    int x = 2;
    printf("%d\n", x);
    {
        int x = 3;
        printf("%d\n", x);
        {
            extern int x;           /* the global again */
            printf("%d\n", x);
        }
        x++;
        printf("%d\n", x);
    }
    printf("%d\n", x);
    printf("%d\n", f(21));
    int i = 50;
    for (int i = 0; i < 3; i++) {
        int i2 = i * 10;
        printf("%d ", i2);
    }
    printf("%d\n", i);
    for (int j = 0; j < 2; j++) {
        int j = 7;                  /* the body is its own block */
        printf("%d ", j);
    }
    printf("\n");
    int total = 0;
    for (int k = 0; k < 3; k++) {
        int k2 = k;
        {
            int k2 = 10;
            total += k2;
        }
        total += k2;
    }
    printf("%d\n", total);          /* 30 + 3 */
    return 0;
}
