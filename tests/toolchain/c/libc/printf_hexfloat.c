// printf %a and %A: hexadecimal floating point (glibc's form: a leading 1 for normal numbers,
// trailing zeros dropped).
// expected: host
#include <stdio.h>

int main(void) {
    double v[] = {1.0, 0.5, 3.0, -10.0, 0.1, 1e-3, 255.5, 0.0};
    for (int i = 0; i < 8; i++)
        printf("%a %A\n", v[i], v[i]);
    printf("%.3a [%12a] [%-12a]\n", 1.0 / 3.0, 2.0, 0.75);
    return 0;
}
