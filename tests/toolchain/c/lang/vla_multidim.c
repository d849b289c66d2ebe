// expected: host
/* Multi-dimensional variable-length arrays: every dimension may vary, sizeof of each level is
   computed at run time from the sizes the declaration saw (changing n afterwards changes
   nothing), rows are indexed with a run-time stride, and a fixed dimension may follow or precede
   a variable one. */
#include <stdio.h>

static void table(int rows, int cols)
{
    double a[rows][cols];
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < cols; j++)
            a[i][j] = i + j / 100.0;
    rows = cols = 1;                       /* the array keeps its declared shape */
    printf("sizeof a=%d a[0]=%d a[0][0]=%d\n", (int)sizeof a, (int)sizeof a[0], (int)sizeof a[0][0]);
    int n = (int)(sizeof a / sizeof a[0]), m = (int)(sizeof a[0] / sizeof a[0][0]);
    double sum = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < m; j++)
            sum += a[i][j];
    printf("%dx%d sum=%.2f last=%.2f\n", n, m, sum, a[n - 1][m - 1]);
}

static int cube(int n, int k)
{
    int c[n][k][3];                         /* a constant innermost dimension */
    char grid[2][k];                        /* a constant outer one */
    int total = 0;
    for (int i = 0; i < n; i++)
        for (int j = 0; j < k; j++)
            for (int l = 0; l < 3; l++)
                c[i][j][l] = i * 100 + j * 10 + l;
    for (int j = 0; j < k; j++)
        grid[0][j] = 'a' + j, grid[1][j] = 'A' + j;
    for (int i = 0; i < n; i++)
        total += c[i][k - 1][2];
    printf("cube sizeof=%d row=%d grid=%d %c%c total=%d\n", (int)sizeof c, (int)sizeof c[1],
           (int)sizeof grid, grid[0][k - 1], grid[1][0], total);
    return (int)(&c[n - 1][0][0] - &c[0][0][0]);
}

int main(void)
{
    table(3, 4);
    table(7, 2);
    for (int k = 1; k <= 4; k++)
        printf("distance %d\n", cube(k + 1, k));
    int n = 5;
    printf("sizeof(int[n][n+1]) = %d\n", (int)sizeof(int[n][n + 1]));
    return 0;
}
