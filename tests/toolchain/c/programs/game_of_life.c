// Conway's Game of Life on a 12x10 torus: a glider and a blinker, five generations.
// expected: host
#include <stdio.h>
#include <string.h>

#define W 12
#define H 10

static char grid[H][W], next_grid[H][W];

static int neighbours(int y, int x) {
    int n = 0;
    for (int dy = -1; dy <= 1; dy++)
        for (int dx = -1; dx <= 1; dx++)
            if (dy || dx)
                n += grid[(y + dy + H) % H][(x + dx + W) % W];
    return n;
}

static void show(int gen) {
    printf("generation %d\n", gen);
    for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++)
            putchar(grid[y][x] ? '#' : '.');
        putchar('\n');
    }
}

int main(void) {
    memset(grid, 0, sizeof grid);
    grid[0][1] = grid[1][2] = grid[2][0] = grid[2][1] = grid[2][2] = 1;    /* glider */
    grid[6][8] = grid[6][9] = grid[6][10] = 1;                             /* blinker */
    for (int gen = 0; gen < 5; gen++) {
        show(gen);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) {
                int n = neighbours(y, x);
                next_grid[y][x] = (char)(n == 3 || (n == 2 && grid[y][x]));
            }
        memcpy(grid, next_grid, sizeof grid);
    }
    int alive = 0;
    for (int y = 0; y < H; y++)
        for (int x = 0; x < W; x++)
            alive += grid[y][x];
    printf("alive %d\n", alive);
    return 0;
}
