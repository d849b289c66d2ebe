// Matrix multiplication: integer matrices (a power of a matrix: Fibonacci numbers) and double
// matrices (product with the identity, a rotation applied four times).
// expected: host
#include <stdio.h>

#define N 6

static void mul(long a[2][2], long b[2][2], long r[2][2]) {
    long t[2][2];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            t[i][j] = a[i][0] * b[0][j] + a[i][1] * b[1][j];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 2; j++)
            r[i][j] = t[i][j];
}

static void dmul(double a[N][N], double b[N][N], double r[N][N]) {
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            double s = 0;
            for (int k = 0; k < N; k++)
                s += a[i][k] * b[k][j];
            r[i][j] = s;
        }
}

int main(void) {
    long f[2][2] = {{1, 1}, {1, 0}}, r[2][2] = {{1, 0}, {0, 1}};
    for (int i = 0; i < 90; i++)
        mul(r, f, r);
    printf("fib(90) = %ld\n", r[0][1]);
    double a[N][N], id[N][N], p[N][N];
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++) {
            a[i][j] = (i + 1) * 0.5 - j * 0.25;
            id[i][j] = i == j;
        }
    dmul(a, id, p);
    int same = 1;
    for (int i = 0; i < N; i++)
        for (int j = 0; j < N; j++)
            same &= p[i][j] == a[i][j];
    printf("A * I == A: %d\n", same);
    dmul(a, a, p);
    for (int i = 0; i < N; i++) {
        for (int j = 0; j < N; j++)
            printf("%8.3f", p[i][j]);
        printf("\n");
    }
    int m[4][4], sq[4][4];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++)
            m[i][j] = i * 4 + j - 7;
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) {
            sq[i][j] = 0;
            for (int k = 0; k < 4; k++)
                sq[i][j] += m[i][k] * m[k][j];
        }
    for (int i = 0; i < 4; i++)
        printf("%d %d %d %d\n", sq[i][0], sq[i][1], sq[i][2], sq[i][3]);
    return 0;
}
