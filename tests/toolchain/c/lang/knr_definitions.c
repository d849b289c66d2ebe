// expected: host
/* Old-style (K&R) function definitions: identifier lists, declarations before the body,
   narrow parameters (char, short, float) that arrive
   promoted, and calls with and without a prototype in scope. */
#include <stdio.h>

int add(a, b)
    int a;
    int b;
{
    return a + b;
}

double scale(x, f, c)
    float f;        /* declared in another order than listed */
    char c;
    double x;
{
    return x * f + c;
}

long twice(n)
    int n;
{
    return n * 2L;
}

static char *skip(s, i)
    char *s;
    int i;
{
    return s + i;
}

int count_args();   /* an unprototyped declaration, then a K&R definition */

int count_args(a, b, c)
    short a;
    unsigned char b;
    long c;
{
    return a + b + (int)c;
}

void fill(arr, n, v)
    int arr[];      /* an array parameter is a pointer */
    int n, v;
{
    for (int i = 0; i < n; i++)
        arr[i] = v + i;
}

int main(void)
{
    int arr[4];
    printf("%d\n", add(2, 3));
    printf("%.2f\n", scale(1.5, 2.0f, 'A'));
    printf("%ld\n", twice(21));
    printf("%s\n", skip("hello", 2));
    printf("%d\n", count_args(-300, 255, 1000L));
    fill(arr, 4, 10);
    printf("%d %d %d %d\n", arr[0], arr[1], arr[2], arr[3]);
    return 0;
}
