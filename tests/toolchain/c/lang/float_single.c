// float: every result is stored before it is used, so single and double evaluation agree.
// expected: host
#include <stdio.h>

static float scale(float x, float k) { float r = x * k; return r; }

int main(void) {
    float a = 1.5f, b = 0.1f;
    float s = a + b;
    float p = a * b;
    float q = a / b;
    printf("%.9g %.9g %.9g\n", (double)s, (double)p, (double)q);
    float big = 16777216.0f;
    float bigger = big + 1.0f;
    printf("%.1f\n", (double)bigger);          /* 16777216.0 */
    float acc = 0.0f;
    for (int i = 0; i < 10; i++) {
        float next = acc + 0.1f;
        acc = next;
    }
    printf("%.9g\n", (double)acc);             /* 1.00000012 */
    float arr[4] = {1.25f, -2.5f, 3.75f, 0.5f};
    float total = 0.0f;
    for (int i = 0; i < 4; i++)
        total = total + arr[i];
    printf("%f\n", (double)total);             /* 3.000000 */
    printf("%f\n", (double)scale(2.5f, 4.0f));
    float third = 1.0f / 3.0f;
    printf("%.9g\n", (double)third);           /* 0.333333343 */
    double dthird = third;
    printf("%d\n", dthird == 1.0 / 3.0);       /* 0 */
    printf("%d\n", a > b);
    printf("%d\n", (int)sizeof(float));
    float neg = -a;
    printf("%f\n", (double)neg);
    printf("%f\n", a);                         /* float promotes to double in varargs */
    return 0;
}
