// An ASCII Mandelbrot set (double arithmetic, escape-time iteration counts).
// expected: host
#include <stdio.h>

int main(void) {
    const char *shades = " .:-=+*#%@";
    long total = 0;
    for (int row = 0; row < 21; row++) {
        double ci = -1.2 + row * 0.12;
        for (int col = 0; col < 60; col++) {
            double cr = -2.1 + col * 0.05;
            double zr = 0, zi = 0;
            int it = 0;
            while (it < 40) {
                double zr2 = zr * zr, zi2 = zi * zi;
                if (zr2 + zi2 > 4.0)
                    break;
                double t = zr2 - zi2 + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                it++;
            }
            total += it;
            putchar(shades[it >= 40 ? 9 : it % 9]);
        }
        putchar('\n');
    }
    printf("%ld\n", total);
    return 0;
}
