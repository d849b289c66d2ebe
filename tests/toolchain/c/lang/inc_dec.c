// Pre- and post-increment and decrement on integers, chars, doubles, pointers and array elements.
// expected: host
#include <stdio.h>

int main(void) {
    int i = 5;
    int a = i++;
    int b = ++i;
    int c = i--;
    int d = --i;
    printf("%d %d %d %d %d\n", a, b, c, d, i);        /* 5 7 7 5 5 */
    char ch = 'a';
    ch++;
    ++ch;
    printf("%c\n", ch);
    double x = 1.5;
    x++;
    printf("%f\n", x);
    --x;
    printf("%f\n", x);
    int arr[5] = {10, 20, 30, 40, 50};
    int *p = arr;
    printf("%d ", *p++);                              /* 10 */
    printf("%d ", *p);                                /* 20 */
    printf("%d ", ++*p);                              /* 21 */
    printf("%d ", (*p)++);                            /* 21 */
    printf("%d ", *p);                                /* 22 */
    printf("%d\n", *++p);                             /* 30 */
    p = &arr[4];
    int last = *p--;
    printf("%d %d\n", last, *p);                      /* 50 40 */
    int k = 0;
    arr[k++] = 99;
    printf("%d %d\n", arr[0], k);
    unsigned char u = 0;
    u--;
    printf("%d\n", u);
    long big = 0x7ffffffffL;
    big++;
    printf("%ld\n", big);
    const char *s = "xyz";
    const char *q = s;
    while (*q)
        q++;
    printf("%d\n", (int)(q - s));
    int n = 3;
    int sum = 0;
    while (n--)
        sum += n;
    printf("%d %d\n", sum, n);                        /* 3 -1 */
    float f = 0.5f;
    f++;
    printf("%f\n", (double)f);
    return 0;
}
