/*
 * primes - xv6's primes: Doug McIlroy's concurrent prime sieve, a pipeline of processes.
 *
 *     primes [N]
 *
 * The first process feeds 2..N (default 35) into a pipe. Each process of the pipeline prints
 * the first number it reads (a prime), forks the next stage, and passes on only the numbers
 * that its prime does not divide. Every prime is a process: N is limited by how many μprocesses
 * ufos can hold (fork fails with "Resource temporarily unavailable" beyond that).
 * Exit status: 0, or 1 on a bad N or if a pipe or a process could not be made.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

// BEGIN SOLUTION util
static void sieve(int in);

/* Start the next stage of the pipeline; the write end of the pipe into it. The child gets only
 * the read end (not even `in`, the pipe into this stage). */
static int next_stage(int in)
{
    int p[2];
    pid_t pid;

    if (pipe(p) < 0 || (pid = fork()) < 0) {
        fprintf(stderr, "primes: %s\n", strerror(errno));
        exit(1);
    }
    if (pid == 0) {
        close(p[1]);
        if (in >= 0)
            close(in);
        sieve(p[0]);
    }
    close(p[0]);
    return p[1];
}

/* One stage: print the first number, filter out its multiples into the next stage. */
static void sieve(int in)
{
    int prime, n, out;

    if (read(in, &prime, sizeof prime) != sizeof prime)
        exit(0);
    printf("prime %d\n", prime);
    fflush(stdout);
    out = next_stage(in);
    while (read(in, &n, sizeof n) == sizeof n)
        if (n % prime != 0)
            write(out, &n, sizeof n);
    close(out);
    close(in);
    wait(NULL);
    exit(0);
}

int main(int argc, char **argv)
{
    int out, i, last = 35;
    char *end;

    if (argc > 2 || (argc == 2 && ((last = (int)strtol(argv[1], &end, 10)) < 2 || *end))) {
        fprintf(stderr, "usage: primes [N]   (N >= 2)\n");
        return 1;
    }
    out = next_stage(-1);
    for (i = 2; i <= last; i++)
        write(out, &i, sizeof i);
    close(out);
    wait(NULL);
    return 0;
}
// STUB
// int main(int argc, char **argv)
// {
//     /* Lab util: your sieve of processes goes here (labs/util/README.md says what it does). */
//     fprintf(stderr, "primes: not written yet\n");
//     return 1;
// }
// END SOLUTION
