/* xv6's pingpong: a byte goes to the child over one pipe and comes back over another. */
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    int to_child[2], to_parent[2], i;
    char c = 'x';
    if (pipe(to_child) < 0 || pipe(to_parent) < 0)
        return 1;
    if (fork() == 0) {
        for (i = 0; i < 3; i++) {
            read(to_child[0], &c, 1);
            printf("%d: received ping %c\n", getpid(), c);
            fflush(stdout);
            c++;
            write(to_parent[1], &c, 1);
        }
        exit(0);
    }
    for (i = 0; i < 3; i++) {
        write(to_child[1], &c, 1);
        read(to_parent[0], &c, 1);
        printf("%d: received pong %c\n", getpid(), c);
        fflush(stdout);
    }
    wait(NULL);
    return 0;
}
