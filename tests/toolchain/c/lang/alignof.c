// _Alignof for every kind of type in the purecap data model. Hand-written expectations.
#include <stdio.h>


struct withptr { char c; void *p; };
struct noptr { char c; long l; };

int main(void) {
    printf("%d %d %d %d\n", (int)_Alignof(char), (int)_Alignof(short), (int)_Alignof(int), (int)_Alignof(long));
    printf("%d %d\n", (int)_Alignof(float), (int)_Alignof(double));
    printf("%d %d\n", (int)_Alignof(void *), (int)_Alignof(int (*)(void)));
    printf("%d %d\n", (int)_Alignof(struct withptr), (int)_Alignof(struct noptr));
    printf("%d\n", (int)_Alignof(char[10]));
    printf("%d\n", (int)_Alignof(struct withptr[3]));
    _Alignas(16) char buf[4];
    buf[0] = 1;
    printf("%d\n", (int)sizeof buf);
    return 0;
}
