// Signed division truncates toward zero; % takes the dividend's sign.
// expected: host
#include <stdio.h>

static int div_(int a, int b) { return a / b; }
static int mod_(int a, int b) { return a % b; }

int main(void) {
    int a[] = {7, -7, 7, -7, 0, 1, -1, 100, -100, 9, -9};
    int b[] = {2, 2, -2, -2, 3, 5, 5, 7, 7, 4, 4};
    for (int i = 0; i < 11; i++)
        printf("%d / %d = %d, %d %% %d = %d\n", a[i], b[i], div_(a[i], b[i]), a[i], b[i], mod_(a[i], b[i]));
    printf("%d %d\n", -9 / 4, -9 % 4);          /* constants: -2 -1 */
    long la = -1000000000000L, lb = 7;
    printf("%ld %ld\n", la / lb, la % lb);      /* -142857142857 -1 */
    printf("%ld %ld\n", -la / -lb, -la % -lb);  /* -142857142857 1 */
    long long x = -17;
    printf("%lld %lld\n", x / 5, x % 5);        /* -3 -2 */
    short s = -17;
    printf("%d %d\n", s / 5, s % 5);            /* -3 -2 */
    signed char c = -128;
    printf("%d %d\n", c / 3, c % 3);            /* -42 -2 */
    for (int i = -5; i <= 5; i++) {
        int q = i / 3, r = i % 3;
        printf("%d:%d:%d:%d ", i, q, r, q * 3 + r == i);
    }
    printf("\n");
    unsigned int u = 4000000000u;
    printf("%u %u\n", u / 3u, u % 7u);
    return 0;
}
