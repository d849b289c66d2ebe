// expected: host
/* VLA parameters in the numerical-C idiom `void f(int n, int m, double a[n][m])`: the row size
   comes from an earlier parameter on each call, so one function handles every shape, from fixed
   arrays, VLAs and malloc'd blocks alike; sizeof a[0] is m * sizeof(double) inside. */
#include <stdio.h>
#include <stdlib.h>

static void matmul(int n, int k, int m, double a[n][k], double b[k][m], double c[n][m])
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++) {
            double s = 0;
            for (int l = 0; l < k; l++)
                s += a[i][l] * b[l][j];
            c[i][j] = s;
        }
}

static void print(const char *name, int n, int m, double a[n][m])
{
    printf("%s (%dx%d, row %d bytes):\n", name, n, m, (int)sizeof a[0]);
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < m; j++)
            printf(" %7.2f", a[i][j]);
        printf("\n");
    }
}

static void transpose(int n, int m, const int in[n][m], int out[m][n])
{
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            out[j][i] = in[i][j];
}

static int sum3(int x, int y, int z, int t[x][y][z])
{
    int s = 0;
    for (int i = 0; i < x; i++)
        for (int j = 0; j < y; j++)
            for (int l = 0; l < z; l++)
                s += t[i][j][l];
    return s + (int)sizeof t[0] + (int)sizeof t[0][0];
}

int main(void)
{
    double a[2][3] = {{1, 2, 3}, {4, 5, 6}};
    double b[3][2] = {{0.5, -1}, {2, 0.25}, {-3, 1.5}};
    double c[2][2];
    matmul(2, 3, 2, a, b, c);
    print("a", 2, 3, a);
    print("c", 2, 2, c);

    int n = 4;
    double (*id)[n] = malloc(sizeof(double[n][n]));
    double r[n][n];
    for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            id[i][j] = i == j, r[i][j] = i * n + j + 0.5;
    double out[n][n];
    matmul(n, n, n, r, id, out);
    print("r * id", n, n, out);
    free(id);

    int in[3][5], tr[5][3];
    for (int i = 0; i < 15; i++)
        in[i / 5][i % 5] = i;
    transpose(3, 5, in, tr);
    printf("tr[4][2]=%d tr[1][0]=%d\n", tr[4][2], tr[1][0]);

    int t[2][3][4];
    for (int i = 0; i < 24; i++)
        t[i / 12][i / 4 % 3][i % 4] = i;
    printf("sum3 %d\n", sum3(2, 3, 4, t));
    return 0;
}
