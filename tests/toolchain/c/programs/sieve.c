// The sieve of Eratosthenes below 10000: the count, the last primes, twin primes.
// expected: host
#include <stdio.h>
#include <string.h>

#define N 10000

static char composite[N];

int main(void) {
    memset(composite, 0, sizeof composite);
    composite[0] = composite[1] = 1;
    for (int i = 2; i * i < N; i++)
        if (!composite[i])
            for (int j = i * i; j < N; j += i)
                composite[j] = 1;
    int count = 0, twins = 0, last = 0;
    for (int i = 2; i < N; i++)
        if (!composite[i]) {
            count++;
            if (i >= 5 && !composite[i - 2])
                twins++;
            last = i;
        }
    printf("%d primes below %d, the last %d, %d twin pairs\n", count, N, last, twins);
    for (int i = 2, shown = 0; i < N && shown < 25; i++)
        if (!composite[i]) {
            printf("%d ", i);
            shown++;
        }
    printf("\n");
    return 0;
}
