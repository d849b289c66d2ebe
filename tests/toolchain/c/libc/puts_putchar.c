// puts, putchar, fputs, fputc, putc and printf return values; stdout keeps the order of writes.
// expected: host
#include <stdio.h>

int main(void) {
    int r = puts("puts adds a newline");
    printf("%d\n", r >= 0);
    r = putchar('x');
    putchar('\n');
    printf("%d\n", r);
    r = fputs("fputs does not", stdout);
    putchar('\n');
    printf("%d\n", r >= 0);
    fputc('A', stdout);
    putc('B', stdout);
    putchar('C');
    puts("");
    for (int i = 0; i < 3; i++) {
        printf("%d", i);
        putchar(',');
        fputs(" ", stdout);
    }
    puts("done");
    r = putchar(0x1ff);                          /* written as unsigned char 0xff, returned so */
    putchar('\n');
    printf("%d\n", r);
    r = fflush(stdout);
    printf("%d\n", r);
    return 0;
}
