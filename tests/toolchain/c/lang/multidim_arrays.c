// Multi-dimensional arrays: indexing, row pointers, passing to functions, sizes.
// expected: host
#include <stdio.h>

static int trace(int m[][4], int n) {
    int t = 0;
    for (int i = 0; i < n; i++)
        t += m[i][i];
    return t;
}

static void fill(int (*m)[4], int rows) {
    for (int i = 0; i < rows; i++)
        for (int j = 0; j < 4; j++)
            m[i][j] = i * 10 + j;
}

int main(void) {
    int m[4][4];
    fill(m, 4);
    printf("%d\n", trace(m, 4));                          /* 0+11+22+33 = 66 */
    printf("%d\n", m[2][3]);
    int (*row)[4] = m + 1;
    printf("%d %d\n", (*row)[0], row[1][2]);              /* 10 22 */
    int *flat = &m[0][0];
    printf("%d\n", flat[9]);                              /* m[2][1] = 21 */
    printf("%d %d\n", (int)(sizeof m / sizeof m[0]), (int)(sizeof m[0] / sizeof m[0][0]));
    int cube[2][3][4];
    for (int i = 0; i < 2; i++)
        for (int j = 0; j < 3; j++)
            for (int k = 0; k < 4; k++)
                cube[i][j][k] = i * 100 + j * 10 + k;
    printf("%d %d\n", cube[1][2][3], cube[0][1][2]);
    printf("%d\n", (int)sizeof cube);                     /* 96 */
    char grid[3][5] = {"abcd", "efgh", "ijkl"};
    for (int i = 0; i < 3; i++)
        printf("%s %c\n", grid[i], grid[i][i]);
    int init[2][3] = {{1, 2, 3}, {4}};
    printf("%d %d %d\n", init[1][0], init[1][1], init[1][2]);
    int flat_init[2][2] = {1, 2, 3, 4};
    printf("%d\n", flat_init[1][0]);
    return 0;
}
