/* xv6's primes: a pipeline of processes, each filtering out the multiples of its prime. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static void sieve(int in)
{
    int prime, n, p[2];
    if (read(in, &prime, sizeof prime) != sizeof prime)
        exit(0);
    printf("prime %d\n", prime);
    fflush(stdout);
    pipe(p);
    if (fork() == 0) {
        close(p[1]);
        close(in);
        sieve(p[0]);
    }
    close(p[0]);
    while (read(in, &n, sizeof n) == sizeof n)
        if (n % prime != 0)
            write(p[1], &n, sizeof n);
    close(p[1]);
    close(in);
    wait(NULL);
    exit(0);
}

int main(void)
{
    int p[2], i;
    pipe(p);
    if (fork() == 0) {
        close(p[1]);
        sieve(p[0]);
    }
    close(p[0]);
    for (i = 2; i <= 35; i++)
        write(p[1], &i, sizeof i);
    close(p[1]);
    wait(NULL);
    return 0;
}
