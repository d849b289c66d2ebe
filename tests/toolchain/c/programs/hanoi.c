// The towers of Hanoi: the moves for 4 discs, and the pegs checked after 10 discs.
// expected: host
#include <stdio.h>

static int pegs[3][16], height[3];
static long moves;

static void move(int from, int to, int verbose) {
    int disc = pegs[from][--height[from]];
    if (height[to] > 0 && pegs[to][height[to] - 1] < disc)
        printf("illegal move!\n");
    pegs[to][height[to]++] = disc;
    moves++;
    if (verbose)
        printf("disc %d: %c -> %c\n", disc, 'A' + from, 'A' + to);
}

static void hanoi(int n, int from, int to, int via, int verbose) {
    if (n == 0)
        return;
    hanoi(n - 1, from, via, to, verbose);
    move(from, to, verbose);
    hanoi(n - 1, via, to, from, verbose);
}

static void setup(int n) {
    height[0] = height[1] = height[2] = 0;
    for (int d = n; d >= 1; d--)
        pegs[0][height[0]++] = d;
    moves = 0;
}

int main(void) {
    setup(4);
    hanoi(4, 0, 2, 1, 1);
    printf("%ld moves\n", moves);
    setup(10);
    hanoi(10, 0, 2, 1, 0);
    printf("%ld moves, heights %d %d %d, top %d bottom %d\n", moves, height[0], height[1], height[2],
           pegs[2][height[2] - 1], pegs[2][0]);
    return 0;
}
