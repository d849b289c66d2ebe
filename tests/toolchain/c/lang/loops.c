// for, while and do-while loops with break and continue, nested, empty bodies, comma steps.
// expected: host
#include <stdio.h>

int main(void) {
    int s = 0;
    for (int i = 0; i < 10; i++) {
        if (i % 3 == 0)
            continue;
        if (i == 8)
            break;
        s += i;
    }
    printf("%d\n", s);                 /* 1+2+4+5+7 = 19 */
    int n = 0;
    while (n < 100) {
        n += 7;
        if (n % 5 == 0)
            break;
    }
    printf("%d\n", n);                 /* 35 */
    int k = 100;
    do {
        k++;
    } while (k < 10);
    printf("%d\n", k);                 /* 101: the body runs once */
    int d = 0;
    do {
        d++;
        if (d == 2)
            continue;                  /* goes to the test */
        printf("d=%d ", d);
    } while (d < 4);
    printf("\n");
    int count = 0;
    for (int i = 0; i < 5; i++)
        for (int j = 0; j < 5; j++) {
            if (j > i)
                break;
            count++;
        }
    printf("%d\n", count);             /* 15 */
    int a, b;
    for (a = 0, b = 10; a < b; a++, b--)
        ;
    printf("%d %d\n", a, b);           /* 5 5 */
    int t = 0;
    for (;;) {
        if (++t == 42)
            break;
    }
    printf("%d\n", t);
    const char *str = "count the characters";
    const char *p = str;
    while (*p++)
        ;
    printf("%d\n", (int)(p - str - 1));
    int w = 5, iters = 0;
    while (w--)
        iters++;
    printf("%d %d\n", iters, w);       /* 5 -1 */
    unsigned u = 3;
    while (u-- > 0)
        printf("u%u ", u);
    printf("\n");
    int total = 0;
    for (int i = 0; i < 3; i++) {
        int j = 0;
        while (1) {
            if (j >= i)
                break;
            total += 10;
            j++;
        }
        do total++; while (0);
    }
    printf("%d\n", total);             /* 30 + 3 = 33 */
    return 0;
}
