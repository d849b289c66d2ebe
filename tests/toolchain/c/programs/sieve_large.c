// A bigger sieve (primes below 500000) with a bit array: a longer-running program.
// slow
// expected: host
#include <stdio.h>

#define N 500000

static unsigned char bits[N / 8 + 1];

static int get(int i) { return bits[i >> 3] >> (i & 7) & 1; }
static void set(int i) { bits[i >> 3] |= (unsigned char)(1 << (i & 7)); }

int main(void) {
    for (int i = 2; (long)i * i < N; i++)
        if (!get(i))
            for (int j = i * i; j < N; j += i)
                set(j);
    int count = 0;
    long sum = 0;
    for (int i = 2; i < N; i++)
        if (!get(i)) {
            count++;
            sum += i;
        }
    printf("%d %ld\n", count, sum);
    return 0;
}
