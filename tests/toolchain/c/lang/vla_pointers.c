// expected: host
/* Pointers to variable-length array types: `int (*p)[n]` takes its row size when declared,
   steps a whole row at a time (p + 1, p += 2, ++p, p[i][j], p - q in rows), takes its storage from malloc
   with sizeof(int[m][n]), and can point into a VLA of VLAs or at a fixed array; &vla and a
   typedef of a VLA type (its size fixed where the typedef stands) give such pointers too. */
#include <stdio.h>
#include <stdlib.h>

static long fill(int m, int n)
{
    int (*p)[n] = malloc(sizeof(int[m][n]));
    if (p == NULL)
        return -1;
    for (int i = 0; i < m; i++)
        for (int j = 0; j < n; j++)
            p[i][j] = i * n + j;
    n = 1;                                   /* p's row is still the declared n */
    int (*q)[(int)(sizeof *p / sizeof **p)] = p + m - 1;
    long sum = 0;
    for (int (*r)[sizeof *p / sizeof(int)] = p; r <= q; r = r + 1)
        sum += (*r)[0];
    printf("m=%d rows=%d sizeof *p=%d q-p=%d q[0][1]=%d sum=%ld\n", m, (int)(sizeof(int[m][n]) / sizeof(int)),
           (int)sizeof *p, (int)(q - p), q[0][1], sum);
    free(p);
    return sum;
}

int main(void)
{
    long total = 0;
    for (int m = 1; m < 6; m++)
        total += fill(m, m + 2);
    printf("total %ld\n", total);

    int rows = 3, cols = 4;
    short a[rows][cols];
    short (*row)[cols] = a;
    for (int i = 0; i < rows * cols; i++)
        a[i / cols][i % cols] = (short)(i * i);
    row += 2;
    printf("row[0][3]=%d (*row)[1]=%d row[-1][2]=%d\n", row[0][3], (*row)[1], row[-1][2]);
    short (*last)[cols] = row++;              /* ++ and -- step a row too */
    --row;
    printf("last==row %d row-a=%d\n", last == row, (int)(row - a));
    printf("(*--row)[0]=%d\n", (*--row)[0]);

    int fixed[2][6] = {{1, 2, 3, 4, 5, 6}, {7, 8, 9, 10, 11, 12}};
    int six = 6;
    int (*f)[six] = fixed;
    printf("f[1][5]=%d sizeof f[1]=%d\n", f[1][5], (int)sizeof f[1]);

    int k = 4;
    typedef int vrow[k];                     /* k is read here, once */
    k = 9;
    vrow v;
    vrow *pv = &v;
    int grid[k][k];
    int (*g)[k][k] = &grid;
    (*pv)[3] = 7;
    (*g)[8][8] = 81;
    printf("typedef %d %d v[3]=%d grid %d %d %d\n", (int)sizeof v, (int)sizeof *pv, v[3],
           (int)sizeof **g, (int)sizeof *g, grid[8][8]);
    return 0;
}
