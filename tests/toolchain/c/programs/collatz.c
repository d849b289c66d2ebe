// The longest Collatz chain for starting values below 30000 (with 64-bit intermediate values).
// slow
// expected: host
#include <stdio.h>

int main(void) {
    int best = 1, best_len = 1;
    long highest = 0;
    for (int start = 1; start < 30000; start++) {
        long n = start;
        int len = 1;
        while (n != 1) {
            n = n % 2 ? 3 * n + 1 : n / 2;
            if (n > highest)
                highest = n;
            len++;
        }
        if (len > best_len) {
            best_len = len;
            best = start;
        }
    }
    printf("%d has a chain of %d; the highest value reached is %ld\n", best, best_len, highest);
    return 0;
}
