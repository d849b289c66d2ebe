// Many allocations of mixed sizes, freed in a scrambled order and reallocated; every block keeps
// its own pattern (no block overlaps another).
// expected: host
#include <stdio.h>
#include <stdlib.h>

#define N 400

static unsigned rng = 2463534242u;
static unsigned next(void) { rng ^= rng << 13; rng ^= rng >> 17; rng ^= rng << 5; return rng; }

int main(void) {
    unsigned char *block[N];
    size_t size[N];
    for (int i = 0; i < N; i++) {
        size[i] = 1 + next() % 700;
        if (i % 50 == 0)
            size[i] += 5000;
        block[i] = malloc(size[i]);
        for (size_t j = 0; j < size[i]; j++)
            block[i][j] = (unsigned char)(i + j);
    }
    for (int round = 0; round < 3; round++) {
        for (int k = 0; k < N / 2; k++) {
            int i = (int)(next() % N);
            free(block[i]);
            size[i] = next() % 300 + 1;
            block[i] = malloc(size[i]);
            for (size_t j = 0; j < size[i]; j++)
                block[i][j] = (unsigned char)(i + j + round);
        }
        for (int k = 0; k < 20; k++) {
            int i = (int)(next() % N);
            size_t old = size[i];
            size[i] = old * 3 + 1;
            block[i] = realloc(block[i], size[i]);
            for (size_t j = old; j < size[i]; j++)
                block[i][j] = block[i][j % old];
        }
    }
    unsigned long check = 0, bytes = 0;
    for (int i = 0; i < N; i++) {
        for (size_t j = 0; j < size[i]; j++)
            check = check * 31 + block[i][j];
        bytes += size[i];
        free(block[i]);
    }
    printf("%lu %lu\n", bytes, check);
    return 0;
}
