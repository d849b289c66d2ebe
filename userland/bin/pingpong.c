/*
 * pingpong - xv6's pingpong: a byte goes to a child over one pipe and comes back over another.
 *
 *     pingpong
 *
 * Three rounds: the child prints "PID: received ping C", adds one to the byte and sends it back;
 * the parent prints "PID: received pong C". It shows fork, pipes and blocking reads taking turns.
 * Exit status: 0, or 1 if a pipe or the child could not be made.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <sys/wait.h>
#include <unistd.h>

#define ROUNDS 3

// BEGIN SOLUTION util
int main(int argc, char **argv)
{
    int to_child[2], to_parent[2], i;
    char c = 'x';
    pid_t pid;

    if (argc > 1) {
        fprintf(stderr, "usage: pingpong\n");
        return 1;
    }
    if (pipe(to_child) < 0 || pipe(to_parent) < 0 || (pid = fork()) < 0) {
        fprintf(stderr, "pingpong: %s\n", strerror(errno));
        return 1;
    }
    if (pid == 0) {
        for (i = 0; i < ROUNDS; i++) {
            read(to_child[0], &c, 1);
            printf("%d: received ping %c\n", getpid(), c);
            fflush(stdout);
            c++;
            write(to_parent[1], &c, 1);
        }
        exit(0);
    }
    for (i = 0; i < ROUNDS; i++) {
        write(to_child[1], &c, 1);
        read(to_parent[0], &c, 1);
        printf("%d: received pong %c\n", getpid(), c);
        fflush(stdout);
    }
    wait(NULL);
    return 0;
}
// STUB
// int main(int argc, char **argv)
// {
//     /* Lab util: your pingpong goes here (labs/util/README.md says what it does). */
//     fprintf(stderr, "pingpong: not written yet\n");
//     return 1;
// }
// END SOLUTION
