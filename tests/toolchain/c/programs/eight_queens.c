// The N queens problem by backtracking: solution counts for N = 1..8 and the first 8-queens board.
// expected: host
#include <stdio.h>

static int cols[8], n, count, printed;

static int safe(int row, int col) {
    for (int r = 0; r < row; r++) {
        int c = cols[r];
        if (c == col || c - col == r - row || c - col == row - r)
            return 0;
    }
    return 1;
}

static void place(int row) {
    if (row == n) {
        count++;
        if (n == 8 && !printed) {
            printed = 1;
            for (int r = 0; r < 8; r++) {
                for (int c = 0; c < 8; c++)
                    putchar(cols[r] == c ? 'Q' : '.');
                putchar('\n');
            }
        }
        return;
    }
    for (int c = 0; c < n; c++)
        if (safe(row, c)) {
            cols[row] = c;
            place(row + 1);
        }
}

int main(void) {
    for (n = 1; n <= 8; n++) {
        count = 0;
        place(0);
        printf("%d queens: %d solutions\n", n, count);
    }
    return 0;
}
