// _Bool and stdbool.h: any nonzero value converts to 1.
// expected: host
#include <stdio.h>
#include <stdbool.h>

static bool is_odd(int x) { return x % 2; }

int main(void) {
    _Bool b = 2;
    printf("%d\n", b);                  /* 1 */
    b = 0.5;
    printf("%d\n", b);                  /* 1 */
    b = 0.0;
    printf("%d\n", b);                  /* 0 */
    bool t = true, f = false;
    printf("%d %d\n", t, f);
    printf("%d\n", t + t + t);          /* 3 */
    printf("%d\n", is_odd(7));
    printf("%d\n", is_odd(-3));         /* -1 -> 1 */
    printf("%d\n", is_odd(10));
    const char *p = "x";
    bool nonnull = p;
    printf("%d\n", nonnull);
    bool flags[4] = {1, 0, 256, -1};
    for (int i = 0; i < 4; i++)
        printf("%d", flags[i]);
    printf("\n");
    long big = 0x100000000L;
    bool fromlong = big;
    printf("%d\n", fromlong);           /* 1: not the truncated low bits */
    printf("%d\n", (int)sizeof(bool));
    printf("%d\n", !t);
    return 0;
}
